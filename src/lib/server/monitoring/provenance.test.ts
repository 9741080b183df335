// Provenance on the public indicator page and the registry of sources, on a real database: which
// source each value comes from, how it got in — and that the public never learns who typed it in.
import { Readable } from 'node:stream';
import { and, eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../audit/audit.schema';
import * as schema from '../db/schema';
import { createTestDatabase, type TestDatabase } from '../db/test-db';
import { editions, goals } from '../document/document.schema';
import type { Actor } from '../people/actor';
import { selectRolesOfUser, selectUserByEmail } from '../people/people.queries';
import { isDomainError } from '../shared/errors';
import { serveEndpoint, type Endpoint } from '../api/api.http';
import { listIndicatorsEndpoint, listMeasurementsEndpoint, listSourcesEndpoint } from '../api/api.service';
import { describeLicence } from '$lib/licences';
import { indicatorSourceSchema } from '$lib/validation/provenance';
import { importMeasurements } from './measurement-import';
import { declareDistrictBreakdown } from './measurement.service';
import { addMeasurement } from './monitoring.admin';
import { todayIn } from './monitoring.http';
import { indicators } from './monitoring.schema';
import { getIndicatorPage } from './monitoring.service';
import { createSource, getSourceForStaff, setSeriesSource, updateSource } from './provenance.admin';
import { loadIndicatorProvenance } from './provenance.service';

let test: TestDatabase;
const ids = { a: '', b: '', editionA: '', indicator: '', series: '', survey: '', otherTownSource: '' };
const facilitatorEmail = 'petra.prozess@a-stadt.example.org';
const leakyFileName = `werte-von-${facilitatorEmail}.csv`;

async function actorOf(email: string): Promise<Actor> {
	const user = (await selectUserByEmail(test.db, email))!;
	return { userId: user.id, name: user.name, email: user.email, isPlatformAdmin: user.isPlatformAdmin, memberships: await selectRolesOfUser(test.db, user.id) };
}

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
	try {
		await promise;
	} catch (error) {
		if (isDomainError(error)) return error.code;
		throw error;
	}
	return undefined;
}

const source = (input: Record<string, string>) => indicatorSourceSchema.parse(input);
const pageScope = () => ({ db: test.db, municipalityId: ids.a, strategySlug: 'leitbild', number: 1, indicatorId: ids.indicator, today: '2026-03-01' });
const quarters = (from: number, to: number) => Array.from({ length: (to - from + 1) * 4 }, (_, i) => `${from + Math.floor(i / 4)}-Q${(i % 4) + 1}`);

beforeAll(async () => {
	const edition = (title: string) => ({ number: 1, periodStart: 2025, periodEnd: 2030, stage: 'implementing' as const, fields: [{ title, goals: [{ title: 'Beraten' }] }] });
	test = await createTestDatabase({
		municipalities: [
			{ slug: 'a-stadt', name: 'A-Stadt', districts: ['Nord', 'Süd'], strategies: [{ slug: 'leitbild', title: 'Leitbild', editions: [edition('Arbeit')] }] },
			{ slug: 'b-dorf', name: 'B-Dorf', districts: ['Mitte'], strategies: [{ slug: 'leitbild', title: 'Leitbild', editions: [edition('Bildung')] }] }
		],
		accounts: [
			{ email: facilitatorEmail, name: 'Petra Prozess', password: 'passwort-prozess', roles: [{ municipality: 'a-stadt', role: 'facilitator' }] },
			{ email: 'teilnahme@a-stadt.example.org', name: 'Tina Teilnahme', password: 'passwort-teilnahme', roles: [{ municipality: 'a-stadt', role: 'participant' }] },
			{ email: 'admin@b-dorf.example.org', name: 'Bernd Admin', password: 'passwort-admin-b', roles: [{ municipality: 'b-dorf', role: 'admin' }] }
		]
	});
	ids.a = test.ids.municipalityIds.get('a-stadt')!;
	ids.b = test.ids.municipalityIds.get('b-dorf')!;
	[{ id: ids.editionA }] = await test.db.select().from(editions).where(eq(editions.municipalityId, ids.a));
	const [goal] = await test.db.select().from(goals).where(eq(goals.municipalityId, ids.a));
	const [indicator] = await test.db
		.insert(indicators)
		.values({
			municipalityId: ids.a,
			editionId: ids.editionA,
			goalId: goal.id,
			code: 'beratung',
			name: 'Beratungen',
			direction: 'higher_is_better',
			baselineValue: 30,
			baselineDate: '2014-12-31',
			targetValue: 80,
			targetDate: '2030-12-31',
			frequency: 'quarterly'
		})
		.returning();
	ids.indicator = indicator.id;
	await declareDistrictBreakdown(test.db, ids.a, ids.indicator);
	const facilitator = await actorOf(facilitatorEmail);
	ids.series = (await createSource({ db: test.db, actor: facilitator, municipalityId: ids.a, input: source({ key: 'statistik', publisher: 'Statistikstelle A-Stadt', dataset: 'Beratungsstatistik', licenceChoice: 'dl-de-by-2.0', frequency: 'quarterly', lastReleaseOn: '2026-01-15', nextReleaseOn: '2026-04-15' }) })).id;
	ids.survey = (await createSource({ db: test.db, actor: facilitator, municipalityId: ids.a, input: source({ key: 'umfrage', publisher: 'Hochschule A-Stadt', dataset: 'Befragung 2025', licenceChoice: 'cc-by-4.0' }) })).id;
	const adminB = await actorOf('admin@b-dorf.example.org');
	ids.otherTownSource = (await createSource({ db: test.db, actor: adminB, municipalityId: ids.b, input: source({ key: 'statistik', publisher: 'Statistik B-Dorf' }) })).id;
	await setSeriesSource({ db: test.db, actor: facilitator, municipalityId: ids.a, editionId: ids.editionA, indicatorId: ids.indicator, sourceId: ids.series });
	const header = 'indicator,period,value,qualifier,unit,dim_district,flags,source,note\n';
	// Ten years of quarters, the newest one from a survey instead of the statistics office.
	const rows = quarters(2015, 2024).map((period) => `beratung,${period},${40 + Number(period.slice(2, 4))},,,total,,,`);
	const imported = await importMeasurements(test.db, Readable.from([header + rows.join('\n') + '\nberatung,2025-Q1,60,,,total,,umfrage,\n']), {
		municipalityId: ids.a,
		editionId: ids.editionA,
		fileName: 'beratungen-2015-2025.csv',
		startedBy: facilitator.userId
	});
	expect(imported.committed).toBe(true);
	const leaky = await importMeasurements(test.db, Readable.from([header + 'beratung,2025-Q2,61,,,total,,statistik,\n']), {
		municipalityId: ids.a,
		editionId: ids.editionA,
		fileName: leakyFileName,
		startedBy: facilitator.userId
	});
	expect(leaky.committed).toBe(true);
	await addMeasurement({ db: test.db, actor: facilitator, municipalityId: ids.a, editionId: ids.editionA, indicatorId: ids.indicator, input: { measuredOn: '2025-09-30', value: 63, districtId: null, sourceNote: '' } });
});
afterAll(() => test.drop());

const rowOn = (page: Awaited<ReturnType<typeof getIndicatorPage>>, measuredOn: string) => {
	const row = page.measurements.find((m) => m.measuredOn === measuredOn)!;
	return page.provenance.values[row.id];
};

describe('provenance on the public indicator page', () => {
	it('shows the series source with publisher, dataset, licence link and release dates', async () => {
		const page = await getIndicatorPage(pageScope());
		expect(page.provenance.series).toEqual({
			key: 'statistik',
			publisher: 'Statistikstelle A-Stadt',
			dataset: 'Beratungsstatistik',
			method: '',
			licence: { label: 'Datenlizenz Deutschland – Namensnennung – Version 2.0', url: 'https://www.govdata.de/dl-de/by-2-0' },
			url: '',
			frequency: 'quarterly',
			lastReleaseOn: '2026-01-15',
			nextReleaseOn: '2026-04-15'
		});
	});

	it('a value from another source than its series gets a marker, and that source is listed once', async () => {
		const page = await getIndicatorPage(pageScope());
		expect(page.provenance.otherSources).toMatchObject([{ marker: 'A', key: 'umfrage', publisher: 'Hochschule A-Stadt', licence: { label: 'CC BY 4.0' } }]);
		expect(rowOn(page, '2025-03-31').sourceMarker).toBe('A');
		// Naming the series' own source, or none, is no deviation.
		expect(rowOn(page, '2025-06-30').sourceMarker).toBeNull();
		expect(rowOn(page, '2024-12-31').sourceMarker).toBeNull();
	});

	it('an imported value names the day and file of its import, a typed-in value the role of whoever entered it', async () => {
		const page = await getIndicatorPage(pageScope());
		const today = todayIn('Europe/Berlin');
		expect(rowOn(page, '2024-12-31').origin).toEqual({ kind: 'import', on: today, fileName: 'beratungen-2015-2025.csv' });
		expect(rowOn(page, '2025-09-30').origin).toEqual({ kind: 'manual', on: today, role: 'facilitator' });
	});

	it('the public page never shows the e-mail address or name of who imported or typed in a value, also not inside a file name', async () => {
		const page = await getIndicatorPage(pageScope());
		expect(rowOn(page, '2025-06-30').origin).toEqual({ kind: 'import', on: todayIn('Europe/Berlin'), fileName: '' });
		const published = JSON.stringify(page);
		expect(published).not.toContain(facilitatorEmail);
		expect(published).not.toContain('@');
		expect(published).not.toContain('Petra Prozess');
	});

	it('reads the provenance of all shown values in one bounded query, however many values are shown', async () => {
		const queries: string[] = [];
		const pool = new pg.Pool({ connectionString: test.url, max: 1 });
		const recordingDb = drizzle(pool, { schema, logger: { logQuery: (query) => queries.push(query) } });
		const page = await getIndicatorPage(pageScope());
		const allIds = page.measurements.map((m) => m.id);
		expect(allIds.length).toBeGreaterThan(40);
		const count = async (measurementIds: string[]) => {
			queries.length = 0;
			const provenance = await loadIndicatorProvenance({ db: recordingDb, municipalityId: ids.a, indicator: { sourceId: ids.series }, measurementIds });
			return { queries: [...queries], shown: Object.keys(provenance.values).length };
		};
		const one = await count(allIds.slice(0, 1));
		const all = await count(allIds);
		expect(one.shown).toBe(1);
		expect(all.shown).toBe(allIds.length);
		expect(all.queries.length).toBe(one.queries.length);
		expect(all.queries.filter((query) => query.includes('"indicator_measurements"'))).toHaveLength(1);
		// Scoped to the municipality and to the values asked for.
		expect(all.queries.find((query) => query.includes('"indicator_measurements"'))).toMatch(/"indicator_measurements"\."municipality_id" = \$\d+ and "indicator_measurements"\."id" in \(/);
		await pool.end();
	});
});

describe('the registry of sources', () => {
	it('facilitators keep sources, every write is audited, and a key is unique within the municipality', async () => {
		const facilitator = await actorOf(facilitatorEmail);
		const updated = await updateSource({
			db: test.db,
			actor: facilitator,
			municipalityId: ids.a,
			sourceId: ids.survey,
			input: source({ key: 'umfrage', publisher: 'Hochschule A-Stadt', dataset: 'Befragung 2025', licenceChoice: 'other', licenceText: 'Nutzung nach Absprache' })
		});
		expect(updated.licence).toBe('Nutzung nach Absprache');
		const audited = await test.db.select().from(auditEvents).where(and(eq(auditEvents.entityType, 'indicator_source'), eq(auditEvents.entityId, ids.survey)));
		expect(audited.map((event) => event.action).sort()).toEqual(['create', 'update']);
		expect(await codeOf(createSource({ db: test.db, actor: facilitator, municipalityId: ids.a, input: source({ key: 'statistik', publisher: 'Doppelt' }) }))).toBe('monitoring_source_key_taken');
		expect(await codeOf(updateSource({ db: test.db, actor: facilitator, municipalityId: ids.a, sourceId: ids.survey, input: source({ key: 'statistik', publisher: 'Doppelt' }) }))).toBe(
			'monitoring_source_key_taken'
		);
	});

	it('participants may not keep sources, and no one reaches another municipality’s sources', async () => {
		const participant = await actorOf('teilnahme@a-stadt.example.org');
		const adminB = await actorOf('admin@b-dorf.example.org');
		const facilitator = await actorOf(facilitatorEmail);
		expect(await codeOf(createSource({ db: test.db, actor: participant, municipalityId: ids.a, input: source({ key: 'neu', publisher: 'Neu' }) }))).toBe('error_forbidden');
		expect(await codeOf(createSource({ db: test.db, actor: null, municipalityId: ids.a, input: source({ key: 'neu', publisher: 'Neu' }) }))).toBe('error_not_signed_in');
		expect(await codeOf(getSourceForStaff({ db: test.db, actor: adminB, municipalityId: ids.a, sourceId: ids.series }))).toBe('error_forbidden');
		expect(await codeOf(getSourceForStaff({ db: test.db, actor: adminB, municipalityId: ids.b, sourceId: ids.series }))).toBe('monitoring_source_not_found');
		expect(
			await codeOf(setSeriesSource({ db: test.db, actor: facilitator, municipalityId: ids.a, editionId: ids.editionA, indicatorId: ids.indicator, sourceId: ids.otherTownSource }))
		).toBe('monitoring_source_unknown');
		const [stored] = await test.db.select({ sourceId: indicators.sourceId }).from(indicators).where(eq(indicators.id, ids.indicator));
		expect(stored.sourceId).toBe(ids.series);
	});

	it('refuses a key outside the CSV alphabet, an unnamed other licence, a next release before the last and a non-web address', () => {
		const issues = (input: Record<string, string>) =>
			Object.fromEntries((indicatorSourceSchema.safeParse({ publisher: 'Amt', ...input }).error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]));
		expect(issues({ key: 'Statistik Amt' })).toEqual({ key: 'validation_provenance_key' });
		expect(indicatorSourceSchema.parse({ key: ' Statistik-Amt ', publisher: 'Amt' }).key).toBe('statistik-amt');
		expect(issues({ key: 'amt', licenceChoice: 'other' })).toEqual({ licenceText: 'validation_required' });
		expect(issues({ key: 'amt', licenceChoice: 'gpl' })).toEqual({ licenceChoice: 'validation_choose' });
		expect(issues({ key: 'amt', lastReleaseOn: '2026-05-01', nextReleaseOn: '2026-04-01' })).toEqual({ nextReleaseOn: 'validation_provenance_next_before_last' });
		expect(issues({ key: 'amt', url: 'javascript:alert(1)' })).toEqual({ url: 'validation_url' });
		expect(issues({ key: 'amt', publisher: '  ' })).toEqual({ publisher: 'validation_required' });
	});

	it('links a licence only when it is a known one, by key, name or address', () => {
		expect(describeLicence('cc-by-4.0')).toEqual({ label: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' });
		expect(describeLicence('http://creativecommons.org/licenses/by/4.0')).toEqual({ label: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' });
		expect(describeLicence('https://example.org/eigene-lizenz')).toEqual({ label: 'https://example.org/eigene-lizenz', url: null });
	});
});

describe('provenance in the open-data API', () => {
	async function call(endpoint: Endpoint, params: Record<string, string>, path: string) {
		const response = await serveEndpoint(endpoint, { db: test.db, url: new URL(`https://leitbild.test/api/v1${path}`), params, headers: new Headers(), address: `10.9.0.${Math.floor(Math.random() * 250)}` });
		expect(response.status).toBe(200);
		return (await response.json()) as { data: Record<string, unknown>[] };
	}

	it('lists the registry with licence addresses, names the source key of each series and of each value with its own', async () => {
		const sources = await call(listSourcesEndpoint, { municipality: 'a-stadt' }, '/municipalities/a-stadt/sources');
		expect(sources.data.map((source) => [source.key, source.publisher, source.licenceUrl])).toEqual([
			['statistik', 'Statistikstelle A-Stadt', 'https://www.govdata.de/dl-de/by-2-0'],
			['umfrage', 'Hochschule A-Stadt', null]
		]);
		// The registry names no account: no id, no e-mail.
		expect(JSON.stringify(sources)).not.toContain('@');
		const list = await call(listIndicatorsEndpoint, { municipality: 'a-stadt', strategy: 'leitbild', number: '1' }, '/municipalities/a-stadt/strategies/leitbild/editions/1/indicators');
		expect(list.data.map((indicator) => indicator.sourceKey)).toEqual(['statistik']);
		const values = await call(listMeasurementsEndpoint, { municipality: 'a-stadt', id: ids.indicator }, `/municipalities/a-stadt/indicators/${ids.indicator}/measurements?limit=100`);
		const sourceOn = (date: string) => values.data.find((value) => value.date === date)?.source;
		expect([sourceOn('2024-12-31'), sourceOn('2025-03-31'), sourceOn('2025-06-30')]).toEqual([null, 'umfrage', 'statistik']);
	});
});
