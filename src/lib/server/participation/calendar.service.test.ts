import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/test-db';
import { firstWeekdayFor, monthWeeks, parseDay, parseMonth } from './calendar.grid';
import { DAY_LIMIT, getCalendarFilterChoices, getDayCalendar, getMonthCalendar, getNextEvents, getRegionCalendarScope, getUpcomingCalendar, type CalendarScope } from './calendar.service';
import { events } from './event.schema';
import { insertEvent, replaceEventFields } from './event.queries';
import { fields } from '../document/document.schema';
import { and, eq, like } from 'drizzle-orm';

let test: TestDatabase;
const noFilters = { type: null, fieldId: null, districtId: null };
const now = new Date('2027-02-10T10:00:00Z');

beforeAll(async () => {
	test = await createTestDatabase({
		regions: [{ slug: 'muensterland', name: 'Münsterland' }],
		municipalities: [
			{
				slug: 'a-stadt',
				name: 'A-Stadt',
				region: 'muensterland',
				districts: ['Mitte', 'Nord'],
				strategies: [{ slug: 'leitbild', title: 'Leitbild', editions: [{ number: 1, periodStart: 2026, periodEnd: 2030, stage: 'implementing', fields: [{ title: 'Arbeit' }, { title: 'Sprache' }] }] }]
			},
			{ slug: 'b-dorf', name: 'B-Dorf', region: 'muensterland' },
			{ slug: 'c-fern', name: 'C-Fern' }
		]
	});
});
afterAll(() => test.drop());

const idOf = (slug: string) => test.ids.municipalityIds.get(slug)!;
const scopeOf = (slug: string, firstWeekday: number | null = null): CalendarScope => ({ municipalityIds: [idOf(slug)], timeZone: 'Europe/Berlin', firstWeekday });

async function anEvent(slug: string, title: string, startsAt: string, endsAt: string, extra: Record<string, unknown> = {}) {
	return insertEvent(test.db, { municipalityId: idOf(slug), type: 'workshop', title, startsAt: new Date(startsAt), endsAt: new Date(endsAt), ...extra });
}

describe('the month grid', () => {
	it('reads only real months and days from the address', () => {
		expect(parseMonth('2027-02')).toEqual({ year: 2027, month: 2 });
		expect(parseMonth('2027-13')).toBeNull();
		expect(parseMonth('27-02')).toBeNull();
		expect(parseDay('2027-02-29')).toBeNull();
		expect(parseDay('2028-02-29')).toBe('2028-02-29');
	});

	it('starts the week on Monday in German and in English as read in Germany', () => {
		expect(firstWeekdayFor('de')).toBe(1);
		expect(firstWeekdayFor('en')).toBe(1);
		expect(firstWeekdayFor('en', 'US')).toBe(7);
	});

	it("follows the municipality's own first weekday over the locale", () => {
		expect(firstWeekdayFor('de', 'DE', 7)).toBe(7);
	});

	it('shows February 2027 as four whole weeks from Monday 1 February, five from Sunday 31 January', () => {
		const monday = monthWeeks({ year: 2027, month: 2 }, 1);
		expect(monday).toHaveLength(4);
		expect(monday[0][0].date).toBe('2027-02-01');
		expect(monday[3][6].date).toBe('2027-02-28');
		const sunday = monthWeeks({ year: 2027, month: 2 }, 7);
		expect(sunday).toHaveLength(5);
		expect(sunday[0][0]).toEqual({ date: '2027-01-31', inMonth: false });
	});
});

describe('the calendar of a municipality', () => {
	beforeAll(async () => {
		await anEvent('a-stadt', 'Spätes Gespräch', '2027-02-05T22:30:00Z', '2027-02-05T22:59:00Z');
		await anEvent('a-stadt', 'Wochenendseminar', '2027-02-12T16:00:00Z', '2027-02-14T12:00:00Z', { type: 'information_event' });
		await anEvent('a-stadt', 'Eingereicht, noch nicht geprüft', '2027-02-08T16:00:00Z', '2027-02-08T18:00:00Z', { publication: 'submitted', organiser: 'Verein' });
		await anEvent('a-stadt', 'Märztreffen', '2027-03-01T16:00:00Z', '2027-03-01T18:00:00Z');
		await anEvent('b-dorf', 'Dorfabend', '2027-02-05T17:00:00Z', '2027-02-05T19:00:00Z');
		await anEvent('c-fern', 'Anderswo', '2027-02-05T17:00:00Z', '2027-02-05T19:00:00Z');
	});

	const titlesOn = (calendar: Awaited<ReturnType<typeof getMonthCalendar>>, date: string) =>
		calendar.weeks.flat().find((day) => day.date === date && day.inMonth)?.events.map((e) => e.title) ?? [];

	it('lists each published event on the local days it covers and marks today', async () => {
		const calendar = await getMonthCalendar({ db: test.db, scope: scopeOf('a-stadt'), month: { year: 2027, month: 2 }, language: 'de', filters: noFilters, now });
		expect(titlesOn(calendar, '2027-02-05')).toEqual(['Spätes Gespräch']);
		expect(titlesOn(calendar, '2027-02-06')).toEqual([]);
		expect(['2027-02-12', '2027-02-13', '2027-02-14'].map((d) => titlesOn(calendar, d))).toEqual([['Wochenendseminar'], ['Wochenendseminar'], ['Wochenendseminar']]);
		expect(calendar.weeks.flat().filter((d) => d.isToday).map((d) => d.date)).toEqual(['2027-02-10']);
		expect([calendar.previous, calendar.next]).toEqual(['2027-01', '2027-03']);
	});

	it('shows no submitted event until staff publish it', async () => {
		const calendar = await getMonthCalendar({ db: test.db, scope: scopeOf('a-stadt'), month: { year: 2027, month: 2 }, language: 'de', filters: noFilters, now });
		expect(titlesOn(calendar, '2027-02-08')).toEqual([]);
	});

	it('filters by type', async () => {
		const calendar = await getMonthCalendar({ db: test.db, scope: scopeOf('a-stadt'), month: { year: 2027, month: 2 }, language: 'de', filters: { ...noFilters, type: 'information_event' }, now });
		expect(calendar.weeks.flat().flatMap((d) => d.events.map((e) => e.title))).toEqual(['Wochenendseminar', 'Wochenendseminar', 'Wochenendseminar']);
	});

	it('starts on Sunday when the municipality says so', async () => {
		const calendar = await getMonthCalendar({ db: test.db, scope: scopeOf('a-stadt', 7), month: { year: 2027, month: 2 }, language: 'de', filters: noFilters, now });
		expect(calendar.weekdays[0]).toBe(7);
		expect(calendar.weeks[0][0].date).toBe('2027-01-31');
	});

	it('shows a day with the events running on it', async () => {
		const day = await getDayCalendar({ db: test.db, scope: scopeOf('a-stadt'), day: '2027-02-13', filters: noFilters });
		expect(day.events.map((e) => e.title)).toEqual(['Wochenendseminar']);
	});

	it('lists upcoming events in order, page by page', async () => {
		const list = await getUpcomingCalendar({ db: test.db, scope: scopeOf('a-stadt'), filters: noFilters, page: 1, now });
		expect(list.events.map((e) => e.title)).toEqual(['Wochenendseminar', 'Märztreffen']);
		expect(list.hasNext).toBe(false);
	});

	it('gives a front page the nearest coming events of its own town, as many as it asks for', async () => {
		const next = (count: number) => getNextEvents({ db: test.db, scope: scopeOf('a-stadt'), now, count }).then((shown) => shown.map((e) => e.title));
		expect(await next(1)).toEqual(['Wochenendseminar']);
		expect(await next(5)).toEqual(['Wochenendseminar', 'Märztreffen']);
	});

	it('filters by field and by district, and offers as choices only fields that have events and the districts of the town', async () => {
		const choices = await getCalendarFilterChoices({ db: test.db, scope: scopeOf('a-stadt') });
		const nord = choices.districts.find((district) => district.name === 'Nord')!;
		const fieldRows = await test.db.select({ id: fields.id, title: fields.title }).from(fields).where(eq(fields.municipalityId, idOf('a-stadt')));
		const arbeit = fieldRows.find((field) => field.title === 'Arbeit')!;
		const inField = await anEvent('a-stadt', 'Jobbörse', '2027-02-17T16:00:00Z', '2027-02-17T18:00:00Z');
		await replaceEventFields(test.db, idOf('a-stadt'), inField.id, [arbeit.id]);
		await anEvent('a-stadt', 'Stadtteilrunde Nord', '2027-02-18T16:00:00Z', '2027-02-18T18:00:00Z', { districtId: nord.id });
		const month = (filters: Parameters<typeof getMonthCalendar>[0]['filters']) =>
			getMonthCalendar({ db: test.db, scope: scopeOf('a-stadt'), month: { year: 2027, month: 2 }, language: 'de', filters, now }).then((calendar) => [
				...new Set(calendar.weeks.flat().flatMap((day) => day.events.map((event) => event.title)))
			]);
		expect(await month({ ...noFilters, fieldId: arbeit.id })).toEqual(['Jobbörse']);
		expect(await month({ ...noFilters, districtId: nord.id })).toEqual(['Stadtteilrunde Nord']);
		expect(await month({ ...noFilters, fieldId: arbeit.id, districtId: nord.id })).toEqual([]);
		const after = await getCalendarFilterChoices({ db: test.db, scope: scopeOf('a-stadt') });
		expect(after.fields.map((field) => field.title)).toEqual(['Arbeit']);
		expect(after.districts.map((district) => district.name)).toEqual(['Mitte', 'Nord']);
		const day = await getDayCalendar({ db: test.db, scope: scopeOf('a-stadt'), day: '2027-02-18', filters: { ...noFilters, fieldId: arbeit.id } });
		expect(day.events).toEqual([]);
	});
});

describe('a busy day in the month grid', () => {
	it('lists four events in full, and of more the first three with the rest counted; the month counts every event once', async () => {
		await anEvent('c-fern', 'Fahrt ins Grüne', '2027-04-04T08:00:00Z', '2027-04-06T16:00:00Z');
		for (const hour of [10, 11, 12]) await anEvent('c-fern', `Sprechstunde ${hour}`, `2027-04-05T${hour}:00:00Z`, `2027-04-05T${hour}:30:00Z`);
		for (const hour of [10, 11, 12, 13, 14]) await anEvent('c-fern', `Kurs ${hour}`, `2027-04-06T${hour}:00:00Z`, `2027-04-06T${hour}:30:00Z`);
		const calendar = await getMonthCalendar({ db: test.db, scope: scopeOf('c-fern'), month: { year: 2027, month: 4 }, language: 'de', filters: noFilters, now });
		const cell = (date: string) => {
			const day = calendar.weeks.flat().find((d) => d.date === date && d.inMonth)!;
			return { titles: day.events.map((e) => e.title), more: day.more };
		};
		expect(cell('2027-04-04')).toEqual({ titles: ['Fahrt ins Grüne'], more: 0 });
		expect(cell('2027-04-05')).toEqual({ titles: ['Fahrt ins Grüne', 'Sprechstunde 10', 'Sprechstunde 11', 'Sprechstunde 12'], more: 0 });
		expect(cell('2027-04-06')).toEqual({ titles: ['Fahrt ins Grüne', 'Kurs 10', 'Kurs 11'], more: 3 });
		expect(calendar.total).toBe(9);
		expect(calendar.truncated).toBe(false);
		const day = await getDayCalendar({ db: test.db, scope: scopeOf('c-fern'), day: '2027-04-06', filters: noFilters });
		expect(day.events).toHaveLength(6);
		expect(day.truncated).toBe(false);
	});

	it('shows a day with more events than it lists in part, and says so', async () => {
		const municipalityId = idOf('c-fern');
		await test.db.insert(events).values(
			Array.from({ length: DAY_LIMIT + 1 }, (_, i) => ({
				municipalityId,
				type: 'workshop' as const,
				title: `Stand ${i + 1}`,
				startsAt: new Date(Date.UTC(2027, 5, 12, 8, 0, i)),
				endsAt: new Date(Date.UTC(2027, 5, 12, 16))
			}))
		);
		const full = await getDayCalendar({ db: test.db, scope: scopeOf('c-fern'), day: '2027-06-12', filters: noFilters });
		expect(full.events).toHaveLength(DAY_LIMIT);
		expect(full.events[0].title).toBe('Stand 1');
		expect(full.truncated).toBe(true);
		// One fewer: every event listed, no notice.
		await test.db.delete(events).where(and(eq(events.municipalityId, municipalityId), eq(events.title, `Stand ${DAY_LIMIT + 1}`)));
		const all = await getDayCalendar({ db: test.db, scope: scopeOf('c-fern'), day: '2027-06-12', filters: noFilters });
		expect(all.events).toHaveLength(DAY_LIMIT);
		expect(all.truncated).toBe(false);
		await test.db.delete(events).where(and(eq(events.municipalityId, municipalityId), like(events.title, 'Stand %')));
	});

	it('puts an event on the local days it covers: an end at midnight not on the next day, an event without length on its day, one from the month before on its days here', async () => {
		await anEvent('c-fern', 'Bis Mitternacht', '2027-05-07T17:00:00Z', '2027-05-07T22:00:00Z');
		await anEvent('c-fern', 'Ohne Dauer', '2027-05-12T08:00:00Z', '2027-05-12T08:00:00Z');
		await anEvent('c-fern', 'Über den Monatswechsel', '2027-04-29T08:00:00Z', '2027-05-02T10:00:00Z');
		await anEvent('c-fern', 'Spät am Abend', '2027-05-20T21:45:00Z', '2027-05-20T21:55:00Z');
		const calendar = await getMonthCalendar({ db: test.db, scope: scopeOf('c-fern'), month: { year: 2027, month: 5 }, language: 'de', filters: noFilters, now });
		const daysOf = (title: string) => calendar.weeks.flat().filter((day) => day.inMonth && day.events.some((e) => e.title === title)).map((day) => day.date);
		expect(daysOf('Bis Mitternacht')).toEqual(['2027-05-07']);
		expect(daysOf('Ohne Dauer')).toEqual(['2027-05-12']);
		expect(daysOf('Über den Monatswechsel')).toEqual(['2027-05-01', '2027-05-02']);
		// It began in April: on its days here it continues, and the grid shows no start time for it.
		const continuing = calendar.weeks.flat().find((day) => day.date === '2027-05-01' && day.inMonth)!.events.find((e) => e.title === 'Über den Monatswechsel')!;
		expect(continuing.firstDay).toBe('2027-04-29');
		expect(daysOf('Spät am Abend')).toEqual(['2027-05-20']);
		expect(calendar.total).toBe(4);
	});
});

describe('the regional calendar', () => {
	it('merges the events of every municipality of the region, each marked with its town', async () => {
		const { scope } = await getRegionCalendarScope({ db: test.db, slug: 'muensterland' });
		const day = await getDayCalendar({ db: test.db, scope, day: '2027-02-05', filters: noFilters });
		expect(day.events.map((e) => [e.title, e.municipalityName])).toEqual([
			['Dorfabend', 'B-Dorf'],
			['Spätes Gespräch', 'A-Stadt']
		]);
	});
});
