import { afterAll, beforeAll, expect, it } from 'vitest';
import { connectDatabase, type DatabaseConnection } from '../db/client';
import { seedScale } from '../db/scale-seed';
import { createTestDatabase, type TestDatabase } from '../db/test-db';
import { MAX_SHOWN_MEASUREMENTS, RECENT_SHOWN_MEASUREMENTS, selectMeasurementsOfIndicator } from './monitor.queries';
import { getIndicatorPage } from './monitoring.service';

let test: TestDatabase;
let connection: DatabaseConnection;
beforeAll(async () => {
	test = await createTestDatabase({});
	connection = connectDatabase(test.url, { max: 2 });
	await seedScale(connection, { municipalities: 1, ideas: 0, comments: 0, measurements: 0, authorsPerMunicipality: 1 });
});
afterAll(async () => {
	await connection.close();
	await test.drop();
});

it('an indicator with more measurements than a page can show shows the newest, oldest first', async () => {
	const { rows } = await connection.pool.query<{ id: string; municipality_id: string }>('select id, municipality_id from indicators order by name limit 1');
	const [indicator] = rows;
	// 5,100 daily values from 1 January 2010: the last one is dated 18 December 2023.
	await connection.pool.query(
		`insert into indicator_measurements (municipality_id, indicator_id, period_kind, period_start, period_end, series_key, value)
		select $1, $2, 'range', date '2010-01-01' + day, date '2010-01-01' + day, 'district=total', day from generate_series(0, 5099) as day`,
		[indicator.municipality_id, indicator.id]
	);
	const { rows: measurements, olderLeftOut } = await selectMeasurementsOfIndicator(test.db, indicator.municipality_id, indicator.id, ['district=total']);
	expect(olderLeftOut).toBe(true);
	// One value a day: the oldest date read is complete, so all shown dates stay.
	expect(measurements).toHaveLength(MAX_SHOWN_MEASUREMENTS);
	expect(measurements.at(-1)?.measuredOn).toBe('2023-12-18');
	expect(measurements[0].measuredOn).toBe('2022-07-17');
	expect(measurements.map((measurement) => measurement.measuredOn)).toEqual([...measurements.map((measurement) => measurement.measuredOn)].sort());
});

it('a date whose series did not all fit is left out whole, never shown with some of its series', async () => {
	const { rows } = await connection.pool.query<{ id: string; municipality_id: string }>('select id, municipality_id from indicators order by name offset 1 limit 1');
	const [indicator] = rows;
	// Three city values a date (periods of one, two and three days ending on it): 520 rows end inside a date.
	await connection.pool.query(
		`insert into indicator_measurements (municipality_id, indicator_id, period_kind, period_start, period_end, series_key, value)
		select $1, $2, 'range', date '2010-01-01' + day - length, date '2010-01-01' + day, 'district=total', day
		from generate_series(10, 409) as day, generate_series(0, 2) as length`,
		[indicator.municipality_id, indicator.id]
	);
	const { rows: measurements, olderLeftOut } = await selectMeasurementsOfIndicator(test.db, indicator.municipality_id, indicator.id, ['district=total']);
	expect(olderLeftOut).toBe(true);
	const perDate = new Map<string, number>();
	for (const row of measurements) perDate.set(row.measuredOn, (perDate.get(row.measuredOn) ?? 0) + 1);
	expect(measurements.length).toBeLessThanOrEqual(MAX_SHOWN_MEASUREMENTS);
	expect(measurements.length).toBeGreaterThan(MAX_SHOWN_MEASUREMENTS - 3);
	expect(new Set(perDate.values())).toEqual(new Set([3]));
});

it('an indicator page shows its newest values unless the reader asks for the whole history', async () => {
	const { rows } = await connection.pool.query<{ id: string; municipality_id: string; slug: string }>(
		'select i.id, i.municipality_id, m.slug from indicators i join municipalities m on m.id = i.municipality_id order by i.name offset 2 limit 1'
	);
	const [indicator] = rows;
	// 300 monthly city values: more than the recent view holds, fewer than the whole one.
	await connection.pool.query(
		`insert into indicator_measurements (municipality_id, indicator_id, period_kind, period_start, period_end, series_key, value)
		select $1, $2, 'range', date '2000-01-01' + month * interval '1 month', date '2000-01-01' + month * interval '1 month', 'district=total', month
		from generate_series(0, 299) as month`,
		[indicator.municipality_id, indicator.id]
	);
	const scope = { db: test.db, municipalityId: indicator.municipality_id, strategySlug: 'leitbild', number: 1, indicatorId: indicator.id, today: '2026-11-27' };
	const recent = await getIndicatorPage(scope);
	expect(recent.history).toBe('recent');
	expect(recent.olderLeftOut).toBe(true);
	expect(recent.measurements).toHaveLength(RECENT_SHOWN_MEASUREMENTS);
	expect(recent.shownDates).toBe(RECENT_SHOWN_MEASUREMENTS);
	expect(recent.measurements.at(-1)?.measuredOn).toBe('2024-12-01');
	const whole = await getIndicatorPage({ ...scope, history: 'whole' });
	expect(whole.olderLeftOut).toBe(false);
	expect(whole.measurements).toHaveLength(300);
	expect(whole.measurements[0].measuredOn).toBe('2000-01-01');
	// Staff correct old values: their view of the same indicator reaches as far back as a page holds.
	expect((await getIndicatorPage({ ...scope, staff: true })).measurements).toHaveLength(300);
});
