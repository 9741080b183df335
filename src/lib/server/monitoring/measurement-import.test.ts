// The CSV exchange's import rules, on a real database: strict validation with row-level errors,
// all-or-nothing by default, --partial, duplicates in the file and against stored values.
import { Readable } from 'node:stream';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/test-db';
import { PUBLIC_CHANGE_CHANNEL } from '../http/public-change';
import { importMeasurements, type ImportOptions } from './measurement-import';
import { exportMeasurementsCsv } from './measurement-export';
import { declareDistrictBreakdown } from './measurement.service';

let test: TestDatabase;
let pool: pg.Pool;
let options: ImportOptions;

beforeAll(async () => {
	test = await createTestDatabase({
		municipalities: [
			{
				slug: 'a-stadt',
				name: 'A-Stadt',
				districts: ['Nord', 'Süd'],
				strategies: [{ slug: 'leitbild', title: 'Leitbild', editions: [{ number: 1, periodStart: 2025, periodEnd: 2030, stage: 'implementing', fields: [{ title: 'Arbeit', goals: [{ title: 'Anerkennung' }] }] }] }]
			}
		]
	});
	// Two connections: the notice test keeps one listening.
	pool = new pg.Pool({ connectionString: test.url, max: 2 });
	const { rows } = await pool.query(
		`insert into indicators (municipality_id, edition_id, goal_id, code, name, direction, baseline_value, baseline_date, target_value, target_date, frequency)
		select g.municipality_id, f.edition_id, g.id, 'beratung', 'Beratungen', 'higher_is_better', 1, '2024-01-01', 2, '2030-12-31', 'quarterly'
		from goals g join fields f on f.id = g.field_id returning id, municipality_id, edition_id`
	);
	await declareDistrictBreakdown(test.db, rows[0].municipality_id, rows[0].id);
	await pool.query(`insert into indicator_sources (municipality_id, key, publisher) values ($1, 'statistik', 'Statistikstelle')`, [rows[0].municipality_id]);
	options = { municipalityId: rows[0].municipality_id, editionId: rows[0].edition_id };
});

afterAll(async () => {
	await pool.end();
	await test.drop();
});

const csv = (text: string) => Readable.from([text]);
const count = async () => Number((await pool.query('select count(*) from indicator_measurements')).rows[0].count);
const header = 'indicator,period,value,qualifier,unit,dim_district,flags,source,note\n';

describe('import', () => {
	it('imports valid rows with periods, members, flags, qualifier and source', async () => {
		const report = await importMeasurements(
			test.db,
			csv(header + 'beratung,2024,12.5,,,total,,statistik,Jahreswert\nberatung,2024-Q1,3,<,,nord,estimate|provisional,,\nberatung,2024-03,,,,sued,suppressed,,\n'),
			options
		);
		expect(report).toMatchObject({ rowsRead: 3, imported: 3, rejected: 0, errors: [], committed: true });
		const { rows } = await pool.query(`select series_key, period_kind, value, qualifier, estimate, provisional, suppressed, source_note from indicator_measurements order by period_start, period_end`);
		expect(rows).toEqual([
			{ series_key: 'district=nord', period_kind: 'quarter', value: 3, qualifier: '<', estimate: true, provisional: true, suppressed: false, source_note: '' },
			{ series_key: 'district=total', period_kind: 'year', value: 12.5, qualifier: null, estimate: false, provisional: false, suppressed: false, source_note: 'Jahreswert' },
			{ series_key: 'district=sued', period_kind: 'month', value: null, qualifier: null, estimate: false, provisional: false, suppressed: true, source_note: '' }
		]);
	});

	it('one invalid row stops the whole file by default, and every error names its line, column and rule', async () => {
		const before = await count();
		const report = await importMeasurements(
			test.db,
			csv(
				header +
					'beratung,2025,1,,,total,,,\n' +
					'beratung ,2025-Q1,1,,,total,,,\n' +
					'unbekannt,2025-Q2,1,,,total,,,\n' +
					'beratung,2025-Q3,< 5,,,total,,,\n' +
					'beratung,2025-Q4,"1,5",,,total,,,\n' +
					'beratung,2025-05,1,,,west,,,\n' +
					'beratung,2025-06,1,,,,,,\n' +
					'beratung,2025-07,1,,,total,geraten,,\n' +
					'beratung,2025-13,1,,,total,,,\n' +
					'beratung,2025-08,1,,,total,,amt,\n' +
					'beratung,2025,2,,,total,,,\n'
			),
			options
		);
		expect(report.committed).toBe(false);
		expect(report.imported).toBe(0);
		expect(await count()).toBe(before);
		expect(report.errors.map(({ line, column, code }) => `${line} ${column} ${code}`)).toEqual([
			'3 indicator whitespace',
			'3 indicator unknown_indicator',
			'4 indicator unknown_indicator',
			'5 value qualifier_in_value',
			'6 value decimal_comma',
			'7 dim_district unknown_member',
			'8 dim_district blank_member',
			'9 flags invalid_flag',
			'10 period invalid_period',
			'11 source unknown_source',
			'12 period duplicate_in_file'
		]);
		expect(report.rejected).toBe(10);
	});

	it('--partial imports the valid rows and reports the rest', async () => {
		const before = await count();
		const report = await importMeasurements(test.db, csv(header + 'beratung,2026,1,,,total,,,\nberatung,2026-Q1,x,,,total,,,\n'), { ...options, partial: true });
		expect(report).toMatchObject({ imported: 1, rejected: 1, committed: true });
		expect(report.errors).toEqual([{ line: 3, column: 'value', code: 'invalid_value', value: 'x' }]);
		expect(await count()).toBe(before + 1);
	});

	it('a row repeating one thousands of rows earlier is a duplicate in the file, also when replacing', async () => {
		const before = await count();
		const days = Array.from({ length: 2500 }, (_, day) => new Date(Date.UTC(1990, 0, 1 + day)).toISOString().slice(0, 10));
		const rows = days.map((date) => `beratung,${date}/${date},1,,,total,,,`);
		const file = header + [...rows, rows[0]].join('\n') + '\n';
		for (const onExisting of ['error', 'replace'] as const) {
			const report = await importMeasurements(test.db, csv(file), { ...options, onExisting });
			expect(report).toMatchObject({ rowsRead: 2501, committed: false, rejected: 1 });
			expect(report.errors).toEqual([{ line: 2502, column: 'period', code: 'duplicate_in_file', value: '1990-01-01/1990-01-01' }]);
		}
		expect(await count()).toBe(before);
	});

	it('a committed import tells running servers that public values changed; a refused one does not', async () => {
		const listener = await pool.connect();
		const payloads: string[] = [];
		listener.on('notification', (notice) => payloads.push(notice.payload ?? ''));
		try {
			await listener.query(`listen ${PUBLIC_CHANGE_CHANNEL}`);
			const refused = await importMeasurements(test.db, csv(header + 'beratung,2031,x,,,total,,,\n'), options);
			expect(refused.committed).toBe(false);
			// Notices arrive in commit order: once this one is here, a notice of the refused import would be too.
			await pool.query(`select pg_notify($1, 'marker')`, [PUBLIC_CHANGE_CHANNEL]);
			await expect.poll(() => payloads).toEqual(['marker']);
			const imported = await importMeasurements(test.db, csv(header + 'beratung,2031,4,,,total,,,\n'), options);
			expect(imported.committed).toBe(true);
			await expect.poll(() => payloads).toEqual(['marker', options.municipalityId]);
		} finally {
			listener.release(true);
		}
	});

	it('a value for a stored series and period is an error unless replacing is chosen', async () => {
		const refused = await importMeasurements(test.db, csv(header + 'beratung,2026,9,,,total,,,\n'), options);
		expect(refused.errors.map((error) => error.code)).toEqual(['duplicate_existing']);
		const replaced = await importMeasurements(test.db, csv(header + 'beratung,2026,9,,,total,,,\n'), { ...options, onExisting: 'replace' });
		expect(replaced).toMatchObject({ imported: 1, committed: true });
		expect((await pool.query(`select value from indicator_measurements where period_start = '2026-01-01' and period_kind = 'year'`)).rows).toEqual([{ value: 9 }]);
	});

	it('German spreadsheets: BOM, semicolons and decimal commas in German mode; a clear error otherwise', async () => {
		const german = '\uFEFFindicator;period;value;dim_district\nberatung;2027;1.234,5;nord\n';
		const refused = await importMeasurements(test.db, csv(german), options);
		expect(refused.errors.map((error) => error.code)).toEqual(['semicolon_separator']);
		const report = await importMeasurements(test.db, csv(german), { ...options, german: true });
		expect(report).toMatchObject({ imported: 1, committed: true });
		expect((await pool.query(`select value from indicator_measurements where period_start = '2027-01-01'`)).rows).toEqual([{ value: 1234.5 }]);
	});

	it('unknown columns and dimensions are refused before any row is read', async () => {
		const report = await importMeasurements(test.db, csv('indicator,period,wert,dim_alter\nberatung,2028,1,total\n'), options);
		expect(report.errors.map(({ column, code }) => `${column} ${code}`)).toEqual(['wert unknown_column', 'dim_alter unknown_dimension', 'value missing_column']);
		expect(report.rowsRead).toBe(0);
	});
});

describe('export', () => {
	it('round trip: an export imported into a fresh database gives the same rows back', async () => {
		let exported = '';
		for await (const chunk of exportMeasurementsCsv(test.db, options)) exported += chunk;
		expect(exported.split('\n')[0]).toBe('indicator,period,value,qualifier,unit,dim_district,flags,source,note');
		const fresh = await createTestDatabase({
			municipalities: [
				{
					slug: 'a-stadt',
					name: 'A-Stadt',
					districts: ['Nord', 'Süd'],
					strategies: [{ slug: 'leitbild', title: 'Leitbild', editions: [{ number: 1, periodStart: 2025, periodEnd: 2030, stage: 'implementing', fields: [{ title: 'Arbeit', goals: [{ title: 'Anerkennung' }] }] }] }]
				}
			]
		});
		const freshPool = new pg.Pool({ connectionString: fresh.url, max: 1 });
		try {
			const { rows } = await freshPool.query(
				`insert into indicators (municipality_id, edition_id, goal_id, code, name, direction, baseline_value, baseline_date, target_value, target_date, frequency)
				select g.municipality_id, f.edition_id, g.id, 'beratung', 'Beratungen', 'higher_is_better', 1, '2024-01-01', 2, '2030-12-31', 'quarterly'
				from goals g join fields f on f.id = g.field_id returning id, municipality_id, edition_id`
			);
			await declareDistrictBreakdown(fresh.db, rows[0].municipality_id, rows[0].id);
			await freshPool.query(`insert into indicator_sources (municipality_id, key, publisher) values ($1, 'statistik', 'Statistikstelle')`, [rows[0].municipality_id]);
			const report = await importMeasurements(fresh.db, csv(exported), { municipalityId: rows[0].municipality_id, editionId: rows[0].edition_id });
			expect(report.errors).toEqual([]);
			const snapshot = `select m.period_kind, m.period_start::text, m.period_end::text, m.series_key, m.value, m.qualifier, m.unit, m.estimate, m.provisional, m.series_break, m.suppressed, s.key as source, m.source_note,
				(select string_agg(dm.key, ',' order by dm.key) from measurement_members x join dimension_members dm on dm.id = x.member_id where x.measurement_id = m.id) as members
				from indicator_measurements m left join indicator_sources s on s.id = m.source_id order by m.series_key, m.period_start, m.period_end`;
			const original = (await pool.query(snapshot)).rows;
			expect(original.length).toBeGreaterThan(3);
			expect((await freshPool.query(snapshot)).rows).toEqual(original.map((row) => (row.suppressed ? { ...row, value: null, qualifier: null } : row)));
		} finally {
			await freshPool.end();
			await fresh.drop();
		}
	});
});
