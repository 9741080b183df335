// The measurement model's invariants on a real database, and the lossless migration of #6's rows.
import { readFileSync, readdirSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { connectDatabase } from '../db/client';
import { loadDataDescription } from '../db/load-data';
import type { DataDescription } from '../db/data-description';
import { createTestDatabase, type TestDatabase } from '../db/test-db';
import { parsePeriod, formatPeriod, periodEndingOn } from './measurement-period';
import { declareDistrictBreakdown, seriesKeyOf, UnknownIndicatorError, UnknownMemberError, writeMeasurements } from './measurement.service';

const town: DataDescription = {
	municipalities: [
		{
			slug: 'a-stadt',
			name: 'A-Stadt',
			districts: ['Nord', 'Süd'],
			strategies: [{ slug: 'leitbild', title: 'Leitbild', editions: [{ number: 1, periodStart: 2025, periodEnd: 2030, stage: 'implementing', fields: [{ title: 'Arbeit', goals: [{ title: 'Anerkennung' }] }] }] }]
		},
		{ slug: 'b-dorf', name: 'B-Dorf', districts: ['Mitte'] }
	]
};

const indicatorSql = `insert into indicators (municipality_id, edition_id, goal_id, %CODE% name, direction, baseline_value, baseline_date, target_value, target_date, frequency)
	select g.municipality_id, f.edition_id, g.id, %CODEVALUE% $1, 'higher_is_better', 1, '2024-01-01', 2, '2030-12-31', $2 from goals g join fields f on f.id = g.field_id limit 1 returning id, municipality_id`;

describe('the model', () => {
	let test: TestDatabase;
	let indicatorId = '';
	let municipalityId = '';
	let districtNord = '';
	let pool: pg.Pool;
	beforeAll(async () => {
		test = await createTestDatabase(town);
		pool = new pg.Pool({ connectionString: test.url, max: 1 });
		const { rows } = await pool.query(indicatorSql.replace('%CODE%', 'code,').replace('%CODEVALUE%', `'beratung',`), ['Beratungen', 'quarterly']);
		indicatorId = rows[0].id;
		municipalityId = rows[0].municipality_id;
		districtNord = (await pool.query(`select id from districts where slug = 'nord'`)).rows[0].id;
		await declareDistrictBreakdown(test.db, municipalityId, indicatorId);
	});
	afterAll(async () => {
		await pool.end();
		await test.drop();
	});

	it('a series key lists dimension=member pairs sorted by dimension', () => {
		expect(seriesKeyOf({ sex: 'female', age_group: '18-24', district: 'total' })).toBe('age_group=18-24,district=total,sex=female');
		expect(seriesKeyOf({})).toBe('');
	});

	it('periods read and write in the documented notation, with calendar bounds', () => {
		expect(parsePeriod('2025')).toEqual({ kind: 'year', start: '2025-01-01', end: '2025-12-31' });
		expect(parsePeriod('2024-Q1')).toEqual({ kind: 'quarter', start: '2024-01-01', end: '2024-03-31' });
		expect(parsePeriod('2024-02')).toEqual({ kind: 'month', start: '2024-02-01', end: '2024-02-29' });
		expect(parsePeriod('2025-01-01/2025-06-30')).toEqual({ kind: 'range', start: '2025-01-01', end: '2025-06-30' });
		for (const bad of ['2025-Q5', '2025-13', '2025-02-30/2025-03-01', '2025-06-30/2025-01-01', ' 2025', '25']) expect(parsePeriod(bad)).toBeNull();
		for (const text of ['2025', '2025-Q3', '2025-11', '2025-01-01/2025-06-30']) expect(formatPeriod(parsePeriod(text)!)).toBe(text);
		expect(periodEndingOn('2025-06-30', 'quarterly')).toEqual({ kind: 'quarter', start: '2025-04-01', end: '2025-06-30' });
		expect(periodEndingOn('2025-06-15', 'quarterly')).toEqual({ kind: 'range', start: '2025-06-15', end: '2025-06-15' });
	});

	it('a value left without a district is the district total, stated as "total", never blank', async () => {
		const [row] = await writeMeasurements(test.db, municipalityId, [{ indicatorId, periodKind: 'year', periodStart: '2024-01-01', periodEnd: '2024-12-31', value: 7 }]);
		expect(row.seriesKey).toBe('district=total');
		expect(row.detailLevel).toBe(0);
		expect(row.measuredOn).toBe('2024-12-31');
		const members = await pool.query(`select m.key, m.is_total from measurement_members x join dimension_members m on m.id = x.member_id where x.measurement_id = $1`, [row.id]);
		expect(members.rows).toEqual([{ key: 'total', is_total: true }]);
	});

	it('every dimension has exactly one total member, and only it is keyed "total"', async () => {
		const { rows } = await pool.query(`select id from dimensions where municipality_id = $1 and key = 'district'`, [municipalityId]);
		await expect(pool.query(`insert into dimension_members (municipality_id, dimension_id, key, label, is_total) values ($1, $2, 'alle', 'Alle', true)`, [municipalityId, rows[0].id])).rejects.toThrow(/dimension_members_total_key/);
		await expect(pool.query(`insert into dimension_members (municipality_id, dimension_id, key, label) values ($1, $2, '', 'Leer')`, [municipalityId, rows[0].id])).rejects.toThrow(/key_format/);
	});

	it('one value per series and period: a second value for the same district and period is refused, or replaces it when asked', async () => {
		const value = { indicatorId, periodKind: 'quarter' as const, periodStart: '2025-01-01', periodEnd: '2025-03-31', districtId: districtNord };
		const [first] = await writeMeasurements(test.db, municipalityId, [{ ...value, value: 3 }]);
		expect(first.seriesKey).toBe('district=nord');
		expect(first.detailLevel).toBe(1);
		await expect(writeMeasurements(test.db, municipalityId, [{ ...value, value: 4 }])).rejects.toThrow();
		const [replaced] = await writeMeasurements(test.db, municipalityId, [{ ...value, value: 4 }], { replace: true });
		expect(replaced.id).toBe(first.id);
		expect(replaced.value).toBe(4);
		const other = await writeMeasurements(test.db, municipalityId, [{ ...value, periodKind: 'range', periodStart: '2025-02-01', value: 5 }]);
		expect(other).toHaveLength(1);
	});

	it('a value may only be missing when it is suppressed, and a qualifier needs a value', async () => {
		const base = { indicatorId, periodKind: 'year' as const, periodStart: '2023-01-01', periodEnd: '2023-12-31' };
		await expect(writeMeasurements(test.db, municipalityId, [{ ...base, value: null }])).rejects.toThrow();
		const [suppressed] = await writeMeasurements(test.db, municipalityId, [{ ...base, value: null, suppressed: true }]);
		expect(suppressed.suppressed).toBe(true);
		const [censored] = await writeMeasurements(test.db, municipalityId, [{ ...base, periodKind: 'range', periodEnd: '2023-06-30', value: 5, qualifier: '<' }]);
		expect(censored.qualifier).toBe('<');
	});

	it('a value cannot name a dimension its indicator does not expect, nor a member or an indicator of another municipality', async () => {
		const base = { indicatorId, periodKind: 'year' as const, periodStart: '2022-01-01', periodEnd: '2022-12-31', value: 1 };
		await expect(writeMeasurements(test.db, municipalityId, [{ ...base, members: { sex: 'female' } }])).rejects.toBeInstanceOf(UnknownMemberError);
		await expect(writeMeasurements(test.db, municipalityId, [{ ...base, members: { district: 'mitte' } }])).rejects.toBeInstanceOf(UnknownMemberError);
		const mitte = (await pool.query(`select id from districts where slug = 'mitte'`)).rows[0].id;
		await expect(writeMeasurements(test.db, municipalityId, [{ ...base, districtId: mitte }])).rejects.toBeInstanceOf(UnknownMemberError);
		const otherTown = (await pool.query(`select id from municipalities where slug = 'b-dorf'`)).rows[0].id;
		await expect(writeMeasurements(test.db, otherTown, [base])).rejects.toBeInstanceOf(UnknownIndicatorError);
	});
});

describe('the measurement-model migration', () => {
	const name = `leitbild_test_${randomBytes(6).toString('hex')}`;
	let admin: pg.Client;
	let client: pg.Client;
	let databaseUrl = '';
	beforeAll(async () => {
		const adminUrl = inject('databaseAdminUrl');
		admin = new pg.Client({ connectionString: adminUrl });
		await admin.connect();
		await admin.query(`create database ${name}`);
		const url = new URL(adminUrl);
		url.pathname = `/${name}`;
		databaseUrl = url.toString();
		client = new pg.Client({ connectionString: databaseUrl });
		await client.connect();
	});
	afterAll(async () => {
		await client.end();
		await admin.query(`drop database if exists ${name} with (force)`);
		await admin.end();
	});

	const run = async (file: string) => {
		await client.query('begin');
		try {
			for (const statement of readFileSync(`drizzle/${file}`, 'utf8').split('--> statement-breakpoint')) if (statement.trim()) await client.query(statement);
			await client.query('commit');
		} catch (error) {
			await client.query('rollback');
			throw error;
		}
	};

	it('keeps every old value: its date becomes the period end, its district a member, a city value the total', async () => {
		const files = readdirSync('drizzle').filter((file) => file.endsWith('.sql')).sort();
		// Found by its name, not its number: migrations of other work may land before it.
		const migration = files.find((file) => /^\d{4}_i-model\.sql$/.test(file))!;
		const upTo = files.indexOf(migration);
		for (const file of files.slice(0, upTo)) await run(file);
		const connection = connectDatabase(databaseUrl, { max: 1 });
		await loadDataDescription(connection.db, town);
		await connection.close();
		const quarterly = await client.query(indicatorSql.replace('%CODE%', '').replace('%CODEVALUE%', ''), ['Quartalswert', 'quarterly']);
		const yearly = await client.query(indicatorSql.replace('%CODE%', '').replace('%CODEVALUE%', ''), ['Jahreswert', 'yearly']);
		const [q, y] = [quarterly.rows[0], yearly.rows[0]];
		await client.query(
			`insert into indicator_measurements (municipality_id, indicator_id, measured_on, value, district_id, source_note)
			values ($1, $2, '2025-03-31', 10, null, 'Amt'), ($1, $2, '2025-03-31', 4, (select id from districts where slug = 'sued'), ''),
				($1, $2, '2025-05-17', 11, null, ''), ($1, $3, '2024-12-31', 20, null, ''), ($1, $3, '2024-12-31', 21, null, 'doppelt')`,
			[q.municipality_id, q.id, y.id]
		);
		await expect(run(migration)).rejects.toThrow(/indicator_measurements_series_period_idx/);
		// #6 allowed two city values for one date; the model does not, so such data is cleaned up first.
		await client.query(`delete from indicator_measurements where source_note = 'doppelt'`);
		await run(migration);
		const { rows } = await client.query(
			`select i.code, m.period_kind, m.period_start::text, m.period_end::text, m.measured_on::text, m.series_key, m.detail_level, m.value, m.source_note,
				(select string_agg(dm.key, ',') from measurement_members x join dimension_members dm on dm.id = x.member_id where x.measurement_id = m.id) as members
			from indicator_measurements m join indicators i on i.id = m.indicator_id order by i.name, m.period_end, m.series_key`
		);
		expect(rows).toEqual([
			{ code: 'ind-2', period_kind: 'year', period_start: '2024-01-01', period_end: '2024-12-31', measured_on: '2024-12-31', series_key: 'district=total', detail_level: 0, value: 20, source_note: '', members: 'total' },
			{ code: 'ind-1', period_kind: 'quarter', period_start: '2025-01-01', period_end: '2025-03-31', measured_on: '2025-03-31', series_key: 'district=sued', detail_level: 1, value: 4, source_note: '', members: 'sued' },
			{ code: 'ind-1', period_kind: 'quarter', period_start: '2025-01-01', period_end: '2025-03-31', measured_on: '2025-03-31', series_key: 'district=total', detail_level: 0, value: 10, source_note: 'Amt', members: 'total' },
			{ code: 'ind-1', period_kind: 'range', period_start: '2025-05-17', period_end: '2025-05-17', measured_on: '2025-05-17', series_key: 'district=total', detail_level: 0, value: 11, source_note: '', members: 'total' }
		]);
		const members = await client.query(`select d.key as dimension, count(*)::int as members, count(*) filter (where m.is_total)::int as totals from dimension_members m join dimensions d on d.id = m.dimension_id group by d.municipality_id, d.key order by 2 desc`);
		expect(members.rows).toEqual([
			{ dimension: 'district', members: 3, totals: 1 },
			{ dimension: 'district', members: 2, totals: 1 }
		]);
	});
});
