import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/test-db';
import { getCalendarFeed, getEventFeed, getRegionCalendarScope } from './calendar.service';
import { insertEvent, updateEvent } from './event.queries';
import { wallClockToUtc } from './event.time';

let test: TestDatabase;
const origin = 'https://leitbild.example.org';
const now = new Date('2027-03-01T10:00:00Z');
const berlin = (local: string) => wallClockToUtc(local, 'Europe/Berlin');

beforeAll(async () => {
	test = await createTestDatabase({
		regions: [{ slug: 'muensterland', name: 'Münsterland' }],
		municipalities: [
			{ slug: 'a-stadt', name: 'A-Stadt', region: 'muensterland' },
			{ slug: 'b-dorf', name: 'B-Dorf', region: 'muensterland' }
		]
	});
});
afterAll(() => test.drop());

const idOf = (slug: string) => test.ids.municipalityIds.get(slug)!;
const scopeOf = (slug: string) => ({ municipalityIds: [idOf(slug)], timeZone: 'Europe/Berlin', firstWeekday: null });

async function anEvent(slug: string, title: string, start: string, extra: Record<string, unknown> = {}) {
	const startsAt = berlin(start);
	return insertEvent(test.db, {
		municipalityId: idOf(slug),
		type: 'information_event',
		title,
		startsAt,
		endsAt: new Date(startsAt.getTime() + 2 * 3600_000),
		place: 'Rathaus',
		...extra
	});
}

function parse(text: string) {
	const component = new ICAL.Component(ICAL.parse(text));
	const zones = component.getAllSubcomponents('vtimezone');
	for (const zone of zones) ICAL.TimezoneService.register(new ICAL.Timezone(zone));
	return { component, zones, events: component.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent)) };
}

describe('the iCalendar feed of a municipality', () => {
	it('keeps an event at 18:00 Berlin time at 18:00 on either side of both daylight-saving changes', async () => {
		const fridays = ['2027-03-26T18:00', '2027-04-02T18:00', '2027-10-29T18:00', '2027-11-05T18:00'];
		for (const [i, start] of fridays.entries()) await anEvent('a-stadt', `Abend ${i}`, start);
		const { events, zones } = parse(await getCalendarFeed({ db: test.db, scope: scopeOf('a-stadt'), name: 'A-Stadt', origin, now, locale: 'de' }));
		expect(zones.map((zone) => zone.getFirstPropertyValue('tzid'))).toEqual(['Europe/Berlin']);
		const dst = events.filter((e) => e.summary.startsWith('Abend'));
		expect(dst.map((e) => [e.startDate.hour, e.startDate.minute, e.startDate.zone.tzid])).toEqual(fridays.map(() => [18, 0, 'Europe/Berlin']));
		// The same wall clock names different instants in winter (UTC+1) and summer (UTC+2).
		expect(dst.map((e) => e.startDate.toJSDate().toISOString())).toEqual([
			'2027-03-26T17:00:00.000Z',
			'2027-04-02T16:00:00.000Z',
			'2027-10-29T16:00:00.000Z',
			'2027-11-05T17:00:00.000Z'
		]);
	});

	it('marks a cancelled event STATUS:CANCELLED and leaves out submitted ones and those older than 90 days', async () => {
		await anEvent('a-stadt', 'Fällt aus', '2027-03-10T18:00', { status: 'cancelled' });
		await anEvent('a-stadt', 'Noch nicht geprüft', '2027-03-11T18:00', { publication: 'submitted', organiser: 'Verein' });
		await anEvent('a-stadt', 'Lange her', '2026-10-01T18:00');
		const { events } = parse(await getCalendarFeed({ db: test.db, scope: scopeOf('a-stadt'), name: 'A-Stadt', origin, now, locale: 'de' }));
		const cancelled = events.find((e) => e.summary === 'Fällt aus')!;
		expect(cancelled.component.getFirstPropertyValue('status')).toBe('CANCELLED');
		expect(events.map((e) => e.summary)).not.toContain('Noch nicht geprüft');
		expect(events.map((e) => e.summary)).not.toContain('Lange her');
	});

	it('says who organises an event in the language of the feed', async () => {
		await anEvent('a-stadt', 'Hoffest', '2027-03-12T15:00', { organiser: 'Hofgemeinschaft (Test)' });
		const description = async (locale: 'de' | 'en' | 'tr') =>
			parse(await getCalendarFeed({ db: test.db, scope: scopeOf('a-stadt'), name: 'A-Stadt', origin, now, locale })).events.find((e) => e.summary === 'Hoffest')!.description;
		expect(await description('de')).toContain('Veranstaltet von Hofgemeinschaft (Test)');
		expect(await description('en')).toContain('Organised by Hofgemeinschaft (Test)');
		expect(await description('en')).not.toContain('Veranstaltet');
		expect(await description('tr')).not.toContain('Veranstaltet');
	});

	it('gives an event the same UID in every request and a higher SEQUENCE after a change', async () => {
		const event = await anEvent('b-dorf', 'Dorfgespräch', '2027-03-20T18:00');
		const single = parse(await getEventFeed({ db: test.db, municipalityId: idOf('b-dorf'), eventId: event.id, origin, locale: 'de' }));
		// One event's file stands alone in a calendar app, so it carries its own time zone too.
		expect(single.zones.map((zone) => zone.getFirstPropertyValue('tzid'))).toEqual(['Europe/Berlin']);
		const first = single.events[0];
		expect([first.startDate.hour, first.startDate.zone.tzid, first.startDate.toJSDate().toISOString()]).toEqual([18, 'Europe/Berlin', '2027-03-20T17:00:00.000Z']);
		expect(first.uid).toBe(`${event.id}@leitbild.example.org`);
		await new Promise((resolve) => setTimeout(resolve, 1100));
		await updateEvent(test.db, idOf('b-dorf'), event.id, { place: 'Bürgerhaus' });
		const second = parse(await getEventFeed({ db: test.db, municipalityId: idOf('b-dorf'), eventId: event.id, origin, locale: 'de' })).events[0];
		expect(second.uid).toBe(first.uid);
		expect(second.sequence).toBeGreaterThan(first.sequence);
		expect(second.location).toBe('Bürgerhaus');
	});

	it('answers an event of another municipality as not found', async () => {
		const event = await anEvent('b-dorf', 'Nur in B', '2027-03-21T18:00');
		await expect(getEventFeed({ db: test.db, municipalityId: idOf('a-stadt'), eventId: event.id, origin, locale: 'de' })).rejects.toMatchObject({ code: 'events_not_found' });
	});
});

describe('the regional iCalendar feed', () => {
	it('carries the events of every municipality of the region, each with its town', async () => {
		const { scope } = await getRegionCalendarScope({ db: test.db, slug: 'muensterland' });
		const { events } = parse(await getCalendarFeed({ db: test.db, scope, name: 'Münsterland', origin, now, locale: 'de', withTown: true }));
		const summaries = events.map((e) => e.summary);
		expect(summaries).toContain('Dorfgespräch (B-Dorf)');
		expect(summaries).toContain('Abend 0 (A-Stadt)');
		const acrossTheChanges = events.filter((e) => /^Abend \d /.test(e.summary)).map((e) => [e.startDate.hour, e.startDate.toJSDate().toISOString()]);
		expect(acrossTheChanges).toEqual([
			[18, '2027-03-26T17:00:00.000Z'],
			[18, '2027-04-02T16:00:00.000Z'],
			[18, '2027-10-29T16:00:00.000Z'],
			[18, '2027-11-05T17:00:00.000Z']
		]);
	});
});
