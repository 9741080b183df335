// The measurement exchange on a real database: the round trip export → import → export, the
// Frictionless data package (valid by the official profile, and the public CSV keeps to its schema
// and to the disclosure control), and the comparison with another municipality's published values.
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import Ajv04 from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';
import { parse } from 'csv-parse/sync';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/test-db';
import { serveEndpoint } from '../api/api.http';
import { dataPackageEndpoint } from '../api/api.service';
import { importMeasurements } from './measurement-import';
import { exportMeasurementsCsv } from './measurement-export';
import { declareDistrictBreakdown } from './measurement.service';
import { buildDataPackage, openPublicMeasurementsExport, type DataPackage } from './exchange-package';
import { compareWithPeer, listPeerIndicators } from './exchange-compare';

const addFormats = addFormatsModule as unknown as (ajv: Ajv04) => Ajv04;

let test: TestDatabase;
let pool: pg.Pool;
const ORIGIN = 'http://leitbild.test';

const edition = (number: number, stage: 'preparing' | 'drafting' | 'implementing') => ({
	number,
	periodStart: 2025,
	periodEnd: 2030,
	stage,
	fields: [{ title: 'Arbeit', goals: [{ title: 'Anerkennung' }] }]
});
const town = (slug: string, name: string, editions: ReturnType<typeof edition>[]) => ({
	slug,
	name,
	districts: ['Nord', 'Süd'],
	strategies: [{ slug: 'leitbild', title: 'Leitbild', editions }]
});

type Scope = { municipalityId: string; editionId: string };

async function addIndicator(slug: string, number: number, code: string, unit: string): Promise<Scope & { id: string }> {
	const { rows } = await pool.query(
		`insert into indicators (municipality_id, edition_id, goal_id, code, name, unit, direction, baseline_value, baseline_date, target_value, target_date, frequency)
		select g.municipality_id, f.edition_id, g.id, $3, 'Indikator ' || $3, $4, 'higher_is_better', 1, '2023-01-01', 2, '2030-12-31', 'yearly'
		from goals g join fields f on f.id = g.field_id join editions e on e.id = f.edition_id join municipalities m on m.id = e.municipality_id
		where m.slug = $1 and e.number = $2 limit 1
		returning id, municipality_id as "municipalityId", edition_id as "editionId"`,
		[slug, number, code, unit]
	);
	return rows[0];
}

/** Age groups as a municipality's own dimension, and a source: what the round trip must carry. */
async function addAgeGroupsAndSource(municipalityId: string, indicatorId: string) {
	const { rows } = await pool.query(`insert into dimensions (municipality_id, key, label) values ($1, 'age_group', 'Altersgruppe') returning id`, [municipalityId]);
	const dimensionId = rows[0].id;
	await pool.query(
		`insert into dimension_members (municipality_id, dimension_id, key, label, position, is_total) values
		($1, $2, 'total', 'Alle', 0, true), ($1, $2, 'u18', 'unter 18', 1, false), ($1, $2, 'a18-64', '18 bis 64', 2, false), ($1, $2, 'ab65', '65 und älter', 3, false)`,
		[municipalityId, dimensionId]
	);
	await pool.query(`insert into indicator_breakdowns (indicator_id, dimension_id, municipality_id, position) values ($1, $2, $3, 1)`, [indicatorId, dimensionId, municipalityId]);
	await pool.query(`insert into indicator_sources (municipality_id, key, publisher, licence) values ($1, 'statistik', 'Statistikstelle', 'dl-de/by-2-0')`, [municipalityId]);
}

async function setUpEdition(slug: string, number: number) {
	const beratung = await addIndicator(slug, number, 'beratung', 'Personen');
	await declareDistrictBreakdown(test.db, beratung.municipalityId, beratung.id);
	await addAgeGroupsAndSource(beratung.municipalityId, beratung.id);
	await addIndicator(slug, number, 'quote', '%');
	return { municipalityId: beratung.municipalityId, editionId: beratung.editionId };
}

const csv = (text: string) => Readable.from([text]);
async function collect(chunks: AsyncIterable<string>) {
	let text = '';
	for await (const chunk of chunks) text += chunk;
	return text;
}
/** The export's rows in a fixed order: the file orders them by storage id, which differs between databases. */
const sortedLines = (text: string) => {
	const [header, ...rows] = text.trimEnd().split('\n');
	return [header, ...rows.sort()];
};

const header = 'indicator,period,value,qualifier,unit,dim_age_group,dim_district,flags,source,note\n';
const original =
	header +
	'beratung,2024,120,,,total,total,,statistik,"Jahreswert, geprüft"\n' +
	'beratung,2024,70,,,total,nord,,statistik,\n' +
	'beratung,2024,50,,,total,sued,,statistik,\n' +
	'beratung,2024,3,,,u18,total,,statistik,\n' +
	'beratung,2024,100,,,a18-64,total,,statistik,\n' +
	'beratung,2024,17,,,ab65,total,,statistik,\n' +
	'beratung,2025-Q1,4,<,,total,nord,estimate|provisional,,"sagt ""klein"""\n' +
	'beratung,2025-01-01/2025-06-30,61.5,,Fälle,total,total,series_break,,\n' +
	'quote,2023,12.5,,,,,,statistik,\n' +
	'quote,2024,13.25,,,,,estimate,,\n' +
	'quote,2025-Q1,5,<,,,,,,\n' +
	'quote,2025-Q2,,,,,,suppressed,,\n' +
	'quote,2025-03,0.000123,,,,,provisional,,\n';

let a: Scope;

beforeAll(async () => {
	test = await createTestDatabase({
		municipalities: [
			town('a-stadt', 'A-Stadt', [edition(1, 'implementing')]),
			town('b-dorf', 'B-Dorf', [edition(1, 'implementing'), edition(2, 'drafting')]),
			town('c-land', 'C-Land', [edition(1, 'drafting')]),
			town('d-neu', 'D-Neu', [edition(1, 'preparing')])
		]
	});
	pool = new pg.Pool({ connectionString: test.url, max: 1 });
	a = await setUpEdition('a-stadt', 1);
	const report = await importMeasurements(test.db, csv(original), a);
	expect(report.errors).toEqual([]);
}, 60_000);

afterAll(async () => {
	await pool.end();
	await test.drop();
});

describe('round trip', () => {
	it('export → import into a fresh municipality → export gives the same rows, byte for byte', async () => {
		const first = await collect(exportMeasurementsCsv(test.db, { ...a, audience: 'staff' }));
		// What the file must carry: dimensions, flags, a censored value, sources, decimals, a date range, quoting.
		expect(sortedLines(first)).toEqual(sortedLines(original));
		const d = await setUpEdition('d-neu', 1);
		const report = await importMeasurements(test.db, csv(first), d);
		expect(report).toMatchObject({ errors: [], imported: 13, committed: true });
		const second = await collect(exportMeasurementsCsv(test.db, { ...d, audience: 'staff' }));
		expect(sortedLines(second)).toEqual(sortedLines(first));
		expect(second.length).toBe(first.length);
	});
});

describe('data package', () => {
	let descriptor: DataPackage;
	const profile = JSON.parse(readFileSync(new URL('../../../../docs/frictionless/tabular-data-package.json', import.meta.url), 'utf8'));
	// The profile names form widgets as formats ("textarea"); they constrain nothing.
	const validate = addFormats(new Ajv04({ strict: false, allErrors: true }).addFormat('textarea', true)).compile(profile);

	beforeAll(async () => {
		descriptor = await buildDataPackage({ db: test.db, municipality: { id: a.municipalityId, slug: 'a-stadt', name: 'A-Stadt' }, strategySlug: 'leitbild', number: 1, origin: ORIGIN });
	});

	it('is a valid Tabular Data Package by the official Frictionless profile (JSON Schema draft-04)', () => {
		expect(validate(descriptor), JSON.stringify(validate.errors)).toBe(true);
		const broken = structuredClone(descriptor) as unknown as { resources: { name: string; schema: { fields: { type: string }[] } }[] };
		broken.resources[0].name = 'Messwerte der Stadt';
		expect(validate(broken)).toBe(false);
	});

	it('describes the export: fixed keys, dimension members, flags, primary and foreign keys, the CSV by absolute address', () => {
		const [measurements, indicatorTable, sources] = descriptor.resources;
		expect(measurements.path).toBe(`${ORIGIN}/a-stadt/strategies/leitbild/editions/1/monitor/measurements.csv`);
		const fields = measurements.schema.fields;
		expect(fields.map((f) => f.name)).toEqual(['indicator', 'period', 'value', 'qualifier', 'unit', 'dim_age_group', 'dim_district', 'flags', 'source', 'note']);
		expect(fields.find((f) => f.name === 'dim_age_group')?.constraints?.enum).toEqual(['total', 'u18', 'a18-64', 'ab65']);
		expect(fields.find((f) => f.name === 'dim_district')?.constraints?.enum).toEqual(['total', 'nord', 'sued']);
		expect(fields.find((f) => f.name === 'indicator')?.constraints?.enum).toEqual(['beratung', 'quote']);
		expect(measurements.schema.primaryKey).toEqual(['indicator', 'period', 'dim_age_group', 'dim_district']);
		expect((indicatorTable.data as Record<string, string>[]).map((row) => row.code)).toEqual(['beratung', 'quote']);
		expect(sources.data).toEqual([{ key: 'statistik', publisher: 'Statistikstelle', dataset: '', method: '', licence: 'dl-de/by-2-0', url: '' }]);
	});

	it('the public CSV keeps to the schema: header, types, enums, patterns, unique primary key, resolvable foreign keys', async () => {
		const text = await collect(await openPublicMeasurementsExport({ db: test.db, municipalityId: a.municipalityId, strategySlug: 'leitbild', number: 1 }));
		const [head, ...rows] = parse(text, { relax_quotes: false }) as string[][];
		const [measurements, indicatorTable, sources] = descriptor.resources;
		const fields = measurements.schema.fields;
		expect(head).toEqual(fields.map((f) => f.name));
		const keys = new Set<string>();
		for (const row of rows) {
			fields.forEach((field, index) => {
				const cell = row[index];
				const missing = (measurements.schema.missingValues ?? []).includes(cell);
				if (field.constraints?.required) expect(missing, `${field.name} required`).toBe(false);
				if (missing) return;
				if (field.type === 'number') expect(Number.isFinite(Number(cell)), `${field.name}: ${cell}`).toBe(true);
				if (field.constraints?.enum) expect(field.constraints.enum, field.name).toContain(cell);
				if (field.constraints?.pattern) expect(cell).toMatch(new RegExp(`^(?:${field.constraints.pattern})$`));
			});
			const key = (measurements.schema.primaryKey as string[]).map((name) => row[head.indexOf(name)]).join('|');
			expect(keys.has(key), key).toBe(false);
			keys.add(key);
			expect((indicatorTable.data as Record<string, string>[]).map((r) => r.code)).toContain(row[head.indexOf('indicator')]);
			const source = row[head.indexOf('source')];
			if (source !== '') expect((sources.data as Record<string, string>[]).map((r) => r.key)).toContain(source);
		}
		expect(rows).toHaveLength(13);
	});

	it('every value in the public CSV has passed the disclosure control: a count under 5 and a suppressed cell carry no value', async () => {
		const text = await collect(await openPublicMeasurementsExport({ db: test.db, municipalityId: a.municipalityId, strategySlug: 'leitbild', number: 1 }));
		const lines = text.trimEnd().split('\n');
		expect(lines).toContain('beratung,2024,,,,u18,total,suppressed,statistik,');
		expect(lines).toContain('quote,2025-Q2,,,,,,suppressed,,');
		// The three visible age groups would give the small one away by subtraction: another is withheld too.
		const ageRows = lines.filter((line) => /^beratung,2024,/.test(line) && !line.includes(',total,total,') && /,(u18|a18-64|ab65),total,/.test(line));
		expect(ageRows.filter((line) => line.split(',')[2] === '').length).toBeGreaterThanOrEqual(2);
		expect(lines.some((line) => line.startsWith('beratung,2024,3,'))).toBe(false);
	});

	it('is served by the open-data API, and an edition that does not exist is a 404', async () => {
		const call = (path: string, params: Record<string, string>) =>
			serveEndpoint(dataPackageEndpoint, { db: test.db, url: new URL(`${ORIGIN}/api/v1${path}`), params, headers: new Headers(), address: '192.0.2.77' });
		const answer = await call('/municipalities/a-stadt/strategies/leitbild/editions/1/datapackage.json', { municipality: 'a-stadt', strategy: 'leitbild', number: '1' });
		expect(answer.status).toBe(200);
		expect(await answer.json()).toEqual(JSON.parse(JSON.stringify(descriptor)));
		const missing = await call('/municipalities/a-stadt/strategies/leitbild/editions/9/datapackage.json', { municipality: 'a-stadt', strategy: 'leitbild', number: '9' });
		expect(missing.status).toBe(404);
	});
});

describe('compare with another municipality', () => {
	let bQuote: string;
	let bDraftQuote: string;
	let cQuote: string;

	beforeAll(async () => {
		const b = await addIndicator('b-dorf', 1, 'quote', '%');
		bQuote = b.id;
		const bDraft = await addIndicator('b-dorf', 2, 'quote', '%');
		bDraftQuote = bDraft.id;
		const c = await addIndicator('c-land', 1, 'quote', 'Prozent');
		cQuote = c.id;
		const quoteHeader = 'indicator,period,value,flags\n';
		await importMeasurements(test.db, csv(quoteHeader + 'quote,2023,10,\nquote,2024,11,suppressed\nquote,2025,9.5,\n'), b);
		await importMeasurements(test.db, csv(quoteHeader + 'quote,2024,77,\n'), bDraft);
		await importMeasurements(test.db, csv(quoteHeader + 'quote,2024,99,\n'), c);
	});

	it('offers only municipalities that publish the code in an adopted or later edition, never drafts', async () => {
		const peers = await listPeerIndicators({ db: test.db, municipalityId: a.municipalityId, code: 'quote' });
		expect(peers.map((p) => [p.municipalitySlug, p.editionNumber, p.indicatorId])).toEqual([['b-dorf', 1, bQuote]]);
		expect(await listPeerIndicators({ db: test.db, municipalityId: a.municipalityId, code: 'gibt-es-nicht' })).toEqual([]);
	});

	it('shows both city series by period, each through its own disclosure control', async () => {
		const quote = (await pool.query(`select id, code, unit from indicators where municipality_id = $1 and code = 'quote'`, [a.municipalityId])).rows[0];
		const { comparison } = await compareWithPeer({ db: test.db, municipalityId: a.municipalityId, indicator: quote, peerIndicatorId: bQuote });
		expect(comparison?.peer.municipalityName).toBe('B-Dorf');
		expect(comparison?.rows).toEqual([
			{ period: '2023', measuredOn: '2023-12-31', own: { value: 12.5, qualifier: null }, peer: { value: 10, qualifier: null } },
			{ period: '2024', measuredOn: '2024-12-31', own: { value: 13.25, qualifier: null }, peer: null },
			{ period: '2025-03', measuredOn: '2025-03-31', own: { value: 0.000123, qualifier: null }, peer: null },
			{ period: '2025-Q1', measuredOn: '2025-03-31', own: { value: 5, qualifier: '<' }, peer: null },
			{ period: '2025', measuredOn: '2025-12-31', own: null, peer: { value: 9.5, qualifier: null } }
		]);
	});

	it('an indicator of a draft edition, of the own municipality or unknown compares with nothing', async () => {
		const quote = (await pool.query(`select id, code, unit from indicators where municipality_id = $1 and code = 'quote'`, [a.municipalityId])).rows[0];
		for (const peerIndicatorId of [bDraftQuote, cQuote, quote.id, '00000000-0000-4000-8000-000000000000']) {
			const result = await compareWithPeer({ db: test.db, municipalityId: a.municipalityId, indicator: quote, peerIndicatorId });
			expect(result.comparison).toBeNull();
			expect(result.peers).toHaveLength(1);
		}
	});
});
