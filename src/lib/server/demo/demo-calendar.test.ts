import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/test-db';
import { getMonthCalendar, getRegionCalendarScope } from '../participation/calendar.service';
import { loadDemoCalendar } from './demo-calendar';
import { comingWeeksFrom } from './demo-coming-days';

let test: TestDatabase;
// The day the demo is judged from: its calendar has to reach from here through February 2027.
const today = new Date('2026-11-27T09:00:00Z');
const noFilters = { type: null, fieldId: null, districtId: null };

beforeAll(async () => {
	test = await createTestDatabase({
		regions: [{ slug: 'muensterland', name: 'Münsterland' }],
		municipalities: [
			{ slug: 'muenster', name: 'Münster', region: 'muensterland', districts: ['Mitte', 'Nord', 'West', 'Hiltrup'] },
			{ slug: 'greven', name: 'Greven', region: 'muensterland', districts: ['Innenstadt', 'Reckenfeld', 'Gimbte'] }
		]
	});
	await loadDemoCalendar(test.db, comingWeeksFrom('2026-11-27'));
});
afterAll(async () => {
	await test.drop();
});

it('the regional demo calendar has events of both towns every month from December 2026 through February 2027, a cancelled one among them, and keeps a submission out', async () => {
	const { scope } = await getRegionCalendarScope({ db: test.db, slug: 'muensterland' });
	const months = [
		{ year: 2026, month: 12 },
		{ year: 2027, month: 1 },
		{ year: 2027, month: 2 }
	];
	const shown = [];
	for (const month of months) {
		const calendar = await getMonthCalendar({ db: test.db, scope, month, language: 'de', filters: noFilters, now: today });
		const events = calendar.weeks.flat().filter((day) => day.inMonth).flatMap((day) => day.events);
		expect(events.length, `${month.year}-${month.month}`).toBeGreaterThan(0);
		shown.push(...events);
	}
	const february = shown.filter((event) => new Date(event.startsAt) >= new Date('2027-02-01T00:00:00+01:00'));
	expect(new Set(february.map((event) => event.municipalityName))).toEqual(new Set(['Münster', 'Greven']));
	expect(shown.some((event) => event.status === 'cancelled')).toBe(true);
	expect(shown.map((event) => event.title)).not.toContain('Lesung: Zwei Sprachen, ein Zuhause');
	expect(shown.every((event) => new Date(event.startsAt) > today)).toBe(true);
});
