import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import { createTestDatabase, type TestDatabase } from '../db/test-db';
import { editions, fields, goals, measures } from '../document/document.schema';
import { ideaTraces } from '../document/document-trace.schema';
import { limitApiReads } from '../http/rate-limit';
import { indicators, measureDistricts, measureOrganisations, measureTracking } from '../monitoring/monitoring.schema';
import { declareDistrictBreakdown, writeMeasurements } from '../monitoring/measurement.service';
import { upsertDisclosureRule } from '../monitoring/disclosure.queries';
import { disclosureRules } from '../monitoring/disclosure.schema';
import { events } from '../participation/event.schema';
import { ideaComments, ideas, ideaSupports } from '../participation/idea.schema';
import { organisations } from '../people/organisation.schema';
import { districts } from '../tenancy/tenancy.schema';
import { defineEndpoint, serveEndpoint, type Endpoint } from './api.http';
import { buildOpenApiDocument } from './api.openapi';
import { apiSchemas } from './api.schemas';
import {
	endpoints,
	getEditionEndpoint,
	getMunicipalityEndpoint,
	listDistrictsEndpoint,
	listEditionsEndpoint,
	listEventsEndpoint,
	listIdeasEndpoint,
	listIndicatorsEndpoint,
	listMeasurementsEndpoint,
	listMeasuresEndpoint,
	listMunicipalitiesEndpoint,
	listStrategiesEndpoint,
	measurementsCsvEndpoint,
	measuresCsvEndpoint
} from './api.service';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

let test: TestDatabase;
const now = new Date('2026-03-01T10:00:00Z');
const ORIGIN = 'http://leitbild.test';
const ids = { indicatorA: '', indicatorB: '', measuresA: [] as string[], measureB: '', nord: '', ideasA: [] as string[], hiddenIdea: '', ideaB: '' };

const edition = (fields: { title: string; goals: { title: string; measures: { title: string }[] }[] }[]) => ({
	number: 1,
	periodStart: 2025,
	periodEnd: 2030,
	stage: 'implementing' as const,
	fields
});

beforeAll(async () => {
	test = await createTestDatabase({
		accounts: [{ email: 'ideengeberin@example.org', name: 'Ida Ideengeberin', password: 'ein-langes-passwort' }],
		municipalities: [
			{
				slug: 'a-stadt',
				name: 'A-Stadt',
				districts: ['Nord', 'Süd'],
				strategies: [
					{
						slug: 'leitbild',
						title: 'Leitbild A',
						editions: [
							edition([
								{
									title: 'Arbeit',
									goals: [
										{ title: 'Anerkennung', measures: [{ title: 'Lotsendienst' }, { title: 'Sprechstunde' }, { title: 'Beratung' }] },
										{ title: 'Ausbildung', measures: [{ title: 'Patenschaften' }] }
									]
								},
								{ title: 'Bildung', goals: [{ title: 'Kitas', measures: [{ title: 'Fortbildung' }, { title: 'Elterncafé' }, { title: 'Sprachkurse' }] }] }
							])
						]
					}
				]
			},
			{
				slug: 'b-dorf',
				name: 'B-Dorf',
				districts: ['Mitte'],
				strategies: [{ slug: 'leitbild', title: 'Leitbild B', editions: [edition([{ title: 'Geheimfeld B', goals: [{ title: 'Ziel B', measures: [{ title: 'Maßnahme B' }] }] }])] }]
			}
		]
	});
	const a = test.ids.municipalityIds.get('a-stadt')!;
	const b = test.ids.municipalityIds.get('b-dorf')!;
	const [editionA] = await test.db.select().from(editions).where(eq(editions.municipalityId, a));
	const [editionB] = await test.db.select().from(editions).where(eq(editions.municipalityId, b));
	ids.measuresA = (await test.db.select().from(measures).where(eq(measures.municipalityId, a))).map((m) => m.id);
	ids.measureB = (await test.db.select().from(measures).where(eq(measures.municipalityId, b)))[0].id;
	const districtRows = await test.db.select().from(districts);
	ids.nord = districtRows.find((d) => d.slug === 'nord')!.id;
	await test.db.update(districts).set({ shape: { type: 'Polygon', coordinates: [[[7.6, 51.9], [7.7, 51.9], [7.7, 52], [7.6, 51.9]]] } }).where(eq(districts.id, ids.nord));
	const [org] = await test.db.insert(organisations).values({ municipalityId: a, slug: 'lotsen', name: 'Lotsenverein', sector: 'association', email: 'vorstand@lotsen.example.org', contactPerson: 'Frau Beispiel' }).returning();
	await test.db.insert(measureTracking).values([
		{ measureId: ids.measuresA[0], municipalityId: a, editionId: editionA.id, status: 'in_progress', progress: 40, responsibleOffice: 'Integrationsbüro' },
		{ measureId: ids.measureB, municipalityId: b, editionId: editionB.id, status: 'done', progress: 100 }
	]);
	await test.db.insert(measureOrganisations).values({ measureId: ids.measuresA[0], organisationId: org.id, municipalityId: a });
	await test.db.insert(measureDistricts).values({ measureId: ids.measuresA[0], districtId: ids.nord, municipalityId: a });
	const indicatorValues = { direction: 'higher_is_better' as const, baselineValue: 10, baselineDate: '2024-01-01', targetValue: 20, targetDate: '2030-12-31', frequency: 'quarterly' as const };
	const [indicatorA] = await test.db.insert(indicators).values({ ...indicatorValues, municipalityId: a, editionId: editionA.id, measureId: ids.measuresA[0], code: 'beratene', name: 'Beratene Personen', unit: 'Personen' }).returning();
	const [indicatorB] = await test.db.insert(indicators).values({ ...indicatorValues, municipalityId: b, editionId: editionB.id, measureId: ids.measureB, code: 'b', name: 'Indikator B' }).returning();
	ids.indicatorA = indicatorA.id;
	ids.indicatorB = indicatorB.id;
	await declareDistrictBreakdown(test.db, a, indicatorA.id);
	await declareDistrictBreakdown(test.db, b, indicatorB.id);
	// 23 values, several ending on the same date (ranges with different starts), so that paging must break ties by id.
	await writeMeasurements(
		test.db,
		a,
		Array.from({ length: 23 }, (_, i) => ({
			indicatorId: indicatorA.id,
			periodKind: 'range' as const,
			periodStart: `2025-01-0${1 + (i % 4)}`,
			periodEnd: `2025-0${1 + Math.floor(i / 4)}-15`,
			value: 10 + i / 2,
			districtId: i % 3 === 0 ? ids.nord : null,
			sourceNote: i === 0 ? '=HYPERLINK("x")' : 'Statistikstelle'
		}))
	);
	await writeMeasurements(test.db, b, [{ indicatorId: indicatorB.id, periodKind: 'range', periodStart: '2025-01-15', periodEnd: '2025-01-15', value: 99 }]);
	const at = (iso: string) => new Date(iso);
	await test.db.insert(events).values([
		...Array.from({ length: 7 }, (_, i) => ({
			municipalityId: a,
			type: 'workshop' as const,
			title: `Werkstatt ${i + 1}`,
			startsAt: at(`2026-04-0${1 + (i % 3)}T16:00:00Z`),
			endsAt: at(`2026-04-0${1 + (i % 3)}T18:00:00Z`),
			organiserEmail: 'privat@example.org'
		})),
		{ municipalityId: a, type: 'workshop' as const, title: 'Vergangen', startsAt: at('2026-01-10T16:00:00Z'), endsAt: at('2026-01-10T18:00:00Z') },
		{ municipalityId: a, type: 'other' as const, title: 'Eingereicht', publication: 'submitted' as const, startsAt: at('2026-04-05T16:00:00Z'), endsAt: at('2026-04-05T18:00:00Z') },
		{ municipalityId: a, type: 'other' as const, title: 'Abgelehnt', publication: 'rejected' as const, startsAt: at('2026-04-05T16:00:00Z'), endsAt: at('2026-04-05T18:00:00Z') },
		{ municipalityId: b, type: 'workshop' as const, title: 'Termin in B', startsAt: at('2026-04-05T16:00:00Z'), endsAt: at('2026-04-05T18:00:00Z') }
	]);
	// Five ideas in A (one hidden by moderation, one transcribed from a workshop; three share a creation time, so
	// paging must break ties by id) and one in B.
	const author = test.ids.accountIds.get('ideengeberin@example.org')!;
	const [fieldA] = await test.db.select().from(fields).where(eq(fields.municipalityId, a)).orderBy(fields.position).limit(1);
	const [goalA] = await test.db.select().from(goals).where(eq(goals.fieldId, fieldA.id)).orderBy(goals.position).limit(1);
	const [fieldB] = await test.db.select().from(fields).where(eq(fields.municipalityId, b));
	const idea = (title: string, createdAt: string, more: Partial<typeof ideas.$inferInsert> = {}) => ({
		municipalityId: a,
		editionId: editionA.id,
		fieldId: fieldA.id,
		authorUserId: author,
		title,
		body: `Text zu ${title}`,
		createdAt: at(createdAt),
		...more
	});
	const insertedA = await test.db
		.insert(ideas)
		.values([
			idea('Sprachcafé', '2026-02-01T10:00:00Z', { status: 'adopted', statusExplanation: 'Im Entwurf aufgegriffen.', districtId: ids.nord, language: 'de' }),
			idea('Patenschaften', '2026-02-02T10:00:00Z'),
			idea('Beratung am Abend', '2026-02-02T10:00:00Z', { sourceLabel: 'Werkstatt 1', authorUserId: null }),
			idea('Verborgen', '2026-02-02T10:00:00Z', { hiddenReason: 'Beleidigung' }),
			idea('Mehrsprachige Formulare', '2026-02-03T10:00:00Z', { status: 'considered' })
		])
		.returning();
	ids.ideasA = insertedA.filter((row) => !row.hiddenReason).map((row) => row.id);
	ids.hiddenIdea = insertedA.find((row) => row.hiddenReason)!.id;
	const [ideaB] = await test.db.insert(ideas).values({ municipalityId: b, editionId: editionB.id, fieldId: fieldB.id, title: 'Idee aus B', body: 'Geheim in B' }).returning();
	ids.ideaB = ideaB.id;
	await test.db.insert(ideaSupports).values({ municipalityId: a, ideaId: insertedA[0].id, userId: author });
	await test.db.insert(ideaComments).values([
		{ municipalityId: a, ideaId: insertedA[0].id, authorUserId: author, body: 'Gute Idee' },
		{ municipalityId: a, ideaId: insertedA[0].id, authorUserId: author, body: 'Versteckt', hiddenReason: 'Spam' }
	]);
	await test.db.insert(ideaTraces).values({ municipalityId: a, editionId: editionA.id, ideaId: insertedA[0].id, goalId: goalA.id, createdByName: 'Büro' });
});
afterAll(() => test.drop());

let addressCounter = 0;
type Answer = { status: number; headers: Headers; body: unknown; text: string };

async function call(endpoint: Endpoint, path: string, options: { headers?: Record<string, string>; address?: string } = {}): Promise<Answer> {
	const url = new URL(`/api/v1${path}`, ORIGIN);
	const params = matchParams(endpoint.path, url.pathname.slice('/api/v1'.length));
	const response = await serveEndpoint(endpoint, {
		db: test.db,
		url,
		params,
		headers: new Headers(options.headers),
		// A fresh address per call keeps the rate limit out of every test but its own.
		address: options.address ?? `10.0.0.${addressCounter++}`,
		now
	});
	const text = response.status === 304 ? '' : await response.text();
	const type = response.headers.get('content-type') ?? '';
	return { status: response.status, headers: response.headers, text, body: type.includes('json') && text ? JSON.parse(text) : text };
}

function matchParams(template: string, path: string): Record<string, string> {
	const names = template.split('/');
	const parts = path.split('/');
	const params: Record<string, string> = {};
	names.forEach((name, i) => {
		const match = /^\{(\w+)\}(.*)$/.exec(name);
		if (match) params[match[1]] = decodeURIComponent(parts[i].slice(0, parts[i].length - match[2].length));
	});
	return params;
}

/** Fetches a list page by page along `next`, as a client would. */
async function walk(endpoint: Endpoint, path: string) {
	const items: { id: string }[] = [];
	let next: string | null = path;
	let pages = 0;
	while (next) {
		const answer: Answer = await call(endpoint, next);
		expect(answer.status).toBe(200);
		const body = endpoint.response.parse(answer.body) as { data: { id: string }[]; next: string | null };
		items.push(...body.data);
		next = body.next ? new URL(body.next).pathname.slice('/api/v1'.length) + new URL(body.next).search : null;
		pages++;
	}
	return { items, pages };
}

const A = '/municipalities/a-stadt';
const B = '/municipalities/b-dorf';
const EDITION_A = `${A}/strategies/leitbild/editions/1`;

describe('every answer matches the schema it is documented with', () => {
	const cases: [Endpoint, string][] = [
		[listMunicipalitiesEndpoint, '/municipalities'],
		[getMunicipalityEndpoint, A],
		[listStrategiesEndpoint, `${A}/strategies`],
		[listEditionsEndpoint, `${A}/strategies/leitbild/editions`],
		[getEditionEndpoint, EDITION_A],
		[listMeasuresEndpoint, `${EDITION_A}/measures`],
		[listIndicatorsEndpoint, `${EDITION_A}/indicators`],
		[listDistrictsEndpoint, `${A}/districts`],
		[listEventsEndpoint, `${A}/events`],
		[listIdeasEndpoint, `${EDITION_A}/ideas`]
	];
	it.each(cases)('%#: %s', async (endpoint, path) => {
		const answer = await call(endpoint, path);
		expect(answer.status).toBe(200);
		expect(() => endpoint.response.parse(answer.body)).not.toThrow();
	});

	it('the measurements of an indicator match their schema', async () => {
		const answer = await call(listMeasurementsEndpoint, `${A}/indicators/${ids.indicatorA}/measurements`);
		expect(listMeasurementsEndpoint.response.parse(answer.body)).toBeTruthy();
	});

	it('an edition carries its outline with ids, lineage ids and the document numbering', async () => {
		const body = (await call(getEditionEndpoint, EDITION_A)).body as z.output<typeof getEditionEndpoint.response> & {
			fields: { number: string; lineageId: string | null; goals: { number: string; lineageId: string; measures: { number: string; title: string }[] }[] }[];
		};
		expect(body.fields.map((f) => f.number)).toEqual(['1', '2']);
		expect(body.fields[0].goals[1].number).toBe('1.2');
		expect(body.fields[1].goals[0].measures.map((m) => `${m.number} ${m.title}`)).toEqual(['2.1.1 Fortbildung', '2.1.2 Elterncafé', '2.1.3 Sprachkurse']);
		expect(body.fields[0].goals[0].lineageId).toMatch(/^[0-9a-f-]{36}$/);
	});

	it('districts are a GeoJSON FeatureCollection; a district without a drawn shape has no geometry', async () => {
		const answer = await call(listDistrictsEndpoint, `${A}/districts`);
		expect(answer.headers.get('content-type')).toContain('application/geo+json');
		const body = answer.body as { type: string; features: { properties: { slug: string }; geometry: { type: string } | null }[] };
		expect(body.type).toBe('FeatureCollection');
		expect(body.features.find((f) => f.properties.slug === 'nord')?.geometry?.type).toBe('Polygon');
		expect(body.features.find((f) => f.properties.slug === 'sued')?.geometry).toBeNull();
	});
});

describe('only public data of the municipality in the address goes out', () => {
	it('the lists of one municipality never contain data of another', async () => {
		const all = [
			(await call(listMeasuresEndpoint, `${EDITION_A}/measures?limit=200`)).text,
			(await call(listIndicatorsEndpoint, `${EDITION_A}/indicators`)).text,
			(await call(listDistrictsEndpoint, `${A}/districts`)).text,
			(await call(listEventsEndpoint, `${A}/events`)).text,
			(await call(getEditionEndpoint, EDITION_A)).text,
			(await call(listStrategiesEndpoint, `${A}/strategies`)).text,
			(await call(listIdeasEndpoint, `${EDITION_A}/ideas?limit=200`)).text
		].join('\n');
		for (const foreign of [ids.measureB, ids.indicatorB, ids.ideaB, 'Geheimfeld B', 'Maßnahme B', 'Indikator B', 'Mitte', 'Termin in B', 'Leitbild B', 'Geheim in B']) {
			expect(all).not.toContain(foreign);
		}
	});

	it('an indicator of another municipality is not found, in JSON and in CSV', async () => {
		for (const endpoint of [listMeasurementsEndpoint, measurementsCsvEndpoint]) {
			const suffix = endpoint === measurementsCsvEndpoint ? 'measurements.csv' : 'measurements';
			const answer = await call(endpoint, `${A}/indicators/${ids.indicatorB}/${suffix}`);
			expect(answer.status).toBe(404);
			expect(answer.body).toMatchObject({ code: 'not_found' });
			expect((await call(endpoint, `${B}/indicators/${ids.indicatorB}/${suffix}`)).status).toBe(200);
		}
	});

	it('unknown municipalities, strategies, editions and malformed ids answer 404 in JSON', async () => {
		for (const [endpoint, path] of [
			[getMunicipalityEndpoint, '/municipalities/nirgendwo'],
			[listEditionsEndpoint, `${A}/strategies/unbekannt/editions`],
			[getEditionEndpoint, `${A}/strategies/leitbild/editions/9`],
			[getEditionEndpoint, `${A}/strategies/leitbild/editions/eins`],
			[listMeasurementsEndpoint, `${A}/indicators/keine-uuid/measurements`]
		] as [Endpoint, string][]) {
			const answer = await call(endpoint, path);
			expect(answer.status, path).toBe(404);
			expect(answer.headers.get('content-type')).toContain('application/json');
			expect(answer.body).toMatchObject({ code: 'not_found' });
		}
	});

	it('only published events appear, upcoming ones by default, without the organiser’s e-mail address', async () => {
		const { items } = await walk(listEventsEndpoint, `${A}/events`);
		const titles = (items as unknown as { title: string }[]).map((e) => e.title);
		expect(titles).toHaveLength(7);
		expect(titles).not.toContain('Eingereicht');
		expect(titles).not.toContain('Abgelehnt');
		expect(titles).not.toContain('Vergangen');
		expect(JSON.stringify(items)).not.toContain('privat@example.org');
	});

	it('from and to choose the period of events', async () => {
		const past = (await call(listEventsEndpoint, `${A}/events?from=2026-01-01&to=2026-02-01`)).body as { data: { title: string }[] };
		expect(past.data.map((e) => e.title)).toEqual(['Vergangen']);
		const firstDay = (await call(listEventsEndpoint, `${A}/events?from=2026-04-01T00:00:00Z&to=2026-04-02`)).body as { data: { title: string }[] };
		expect(firstDay.data).toHaveLength(3);
	});

	it('a measure shows its status, progress, district and the names of its partner organisations, nothing of their contacts', async () => {
		const answer = await call(listMeasuresEndpoint, `${EDITION_A}/measures?limit=1`);
		const [measure] = (answer.body as { data: Record<string, unknown>[] }).data;
		expect(measure).toMatchObject({ number: '1.1.1', status: 'in_progress', progress: 40, organisations: ['Lotsenverein'], responsibleOffice: 'Integrationsbüro' });
		expect(measure.districts).toEqual([{ id: ids.nord, slug: 'nord', name: 'Nord' }]);
		expect(answer.text).not.toContain('vorstand@lotsen.example.org');
		expect(answer.text).not.toContain('Frau Beispiel');
	});

	it('ideas go out without their authors, hidden ones and hidden comments not at all, with what became of them', async () => {
		const answer = await call(listIdeasEndpoint, `${EDITION_A}/ideas`);
		const body = answer.body as { data: Record<string, unknown>[] };
		const titles = body.data.map((idea) => idea.title);
		// Oldest first; the two of the same second in the order of their ids.
		expect([titles[0], titles.at(-1), titles.length]).toEqual(['Sprachcafé', 'Mehrsprachige Formulare', 4]);
		expect(titles.slice(1, 3).sort()).toEqual(['Beratung am Abend', 'Patenschaften']);
		expect(body.data[0]).toMatchObject({
			status: 'adopted',
			statusExplanation: 'Im Entwurf aufgegriffen.',
			districtId: ids.nord,
			language: 'de',
			source: 'online',
			supports: 1,
			comments: 1,
			takenUpIn: ['1.1'],
			createdAt: '2026-02-01T10:00:00.000Z',
			links: { html: `${ORIGIN}/a-stadt/strategies/leitbild/editions/1/ideas/${ids.ideasA[0]}` }
		});
		expect(body.data.find((idea) => idea.title === 'Beratung am Abend')).toMatchObject({ source: 'transcribed', supports: 0, comments: 0, takenUpIn: [] });
		for (const secret of ['Ida Ideengeberin', 'ideengeberin@example.org', 'Verborgen', ids.hiddenIdea, 'Beleidigung', 'Werkstatt 1', 'Versteckt']) {
			expect(answer.text).not.toContain(secret);
		}
		const considered = (await call(listIdeasEndpoint, `${EDITION_A}/ideas?status=considered`)).body as { data: { title: string }[] };
		expect(considered.data.map((idea) => idea.title)).toEqual(['Mehrsprachige Formulare']);
	});

	it('ideas narrowed to a district or a field of action, also together with a status; another town’s field names none', async () => {
		const titles = async (query: string) => ((await call(listIdeasEndpoint, `${EDITION_A}/ideas?${query}`)).body as { data: { title: string }[] }).data.map((idea) => idea.title).sort();
		const [fieldA] = await test.db.select().from(fields).where(eq(fields.municipalityId, test.ids.municipalityIds.get('a-stadt')!)).orderBy(fields.position).limit(1);
		const [fieldB] = await test.db.select().from(fields).where(eq(fields.municipalityId, test.ids.municipalityIds.get('b-dorf')!));
		expect(await titles(`district=${ids.nord}`)).toEqual(['Sprachcafé']);
		expect(await titles(`field=${fieldA.id}`)).toEqual(['Beratung am Abend', 'Mehrsprachige Formulare', 'Patenschaften', 'Sprachcafé']);
		expect(await titles(`field=${fieldA.id}&status=new`)).toEqual(['Beratung am Abend', 'Patenschaften']);
		expect(await titles(`field=${fieldB.id}`)).toEqual([]);
		const walked = await walk(listIdeasEndpoint, `${EDITION_A}/ideas?field=${fieldA.id}&status=new&limit=1`);
		expect(walked.pages).toBe(2);
	});
});

describe('cursor pagination walks every item once', () => {
	it('measures page by page in document order, without gaps or duplicates', async () => {
		const { items, pages } = await walk(listMeasuresEndpoint, `${EDITION_A}/measures?limit=2`);
		expect(pages).toBe(4);
		const numbers = (items as unknown as { number: string }[]).map((m) => m.number);
		expect(numbers).toEqual(['1.1.1', '1.1.2', '1.1.3', '1.2.1', '2.1.1', '2.1.2', '2.1.3']);
		expect(new Set(items.map((m) => m.id)).size).toBe(ids.measuresA.length);
	});

	it('indicators page by page by name in code point order, ties on a name broken by id', async () => {
		const b = test.ids.municipalityIds.get('b-dorf')!;
		const [editionB] = await test.db.select().from(editions).where(eq(editions.municipalityId, b));
		const values = { municipalityId: b, editionId: editionB.id, measureId: ids.measureB, direction: 'lower_is_better' as const, baselineValue: 5, baselineDate: '2024-01-01', targetValue: 1, targetDate: '2030-12-31', frequency: 'yearly' as const };
		const added = await test.db
			.insert(indicators)
			.values([
				{ ...values, code: 'aerzte', name: 'Ärztliche Beratungen' },
				{ ...values, code: 'zuzug-1', name: 'Zuzüge' },
				{ ...values, code: 'zuzug-2', name: 'Zuzüge' },
				{ ...values, code: 'abschluesse', name: 'Abschlüsse' }
			])
			.returning();
		try {
			const { items, pages } = await walk(listIndicatorsEndpoint, `${B}/strategies/leitbild/editions/1/indicators?limit=2`);
			expect(pages).toBe(3);
			const zuzuege = added.filter((i) => i.name === 'Zuzüge').map((i) => i.id).sort();
			// "Ä" (U+00C4) follows "Z" by code point: the order the cursor compares in.
			expect(items.map((i) => i.id)).toEqual([added[3].id, ids.indicatorB, ...zuzuege, added[0].id]);
		} finally {
			await test.db.delete(indicators).where(inArray(indicators.id, added.map((i) => i.id)));
		}
	});

	it('a cursor past the last measure gives an empty last page', async () => {
		const body = (await call(listMeasuresEndpoint, `${EDITION_A}/measures?cursor=${Buffer.from('[9,1,1]').toString('base64url')}`)).body as { data: unknown[]; next: string | null };
		expect(body).toEqual({ data: [], next: null });
	});

	it('measurements page by page, oldest first, ties on a date broken by id', async () => {
		const { items, pages } = await walk(listMeasurementsEndpoint, `${A}/indicators/${ids.indicatorA}/measurements?limit=5`);
		expect(pages).toBe(5);
		expect(items).toHaveLength(23);
		expect(new Set(items.map((m) => m.id)).size).toBe(23);
		const keys = (items as unknown as { date: string; id: string }[]).map((m) => `${m.date}|${m.id}`);
		expect(keys).toEqual([...keys].sort());
	});

	it('ideas page by page, oldest first, ties on a creation time broken by id, also under a status filter', async () => {
		const { items, pages } = await walk(listIdeasEndpoint, `${EDITION_A}/ideas?limit=1`);
		expect(pages).toBe(4);
		expect(items.map((idea) => idea.id).sort()).toEqual([...ids.ideasA].sort());
		const filtered = await walk(listIdeasEndpoint, `${EDITION_A}/ideas?status=new&limit=1`);
		expect((filtered.items as unknown as { title: string }[]).map((idea) => idea.title).sort()).toEqual(['Beratung am Abend', 'Patenschaften']);
		expect(filtered.pages).toBe(2);
	});

	it('a page of measurements withholds exactly what the whole series withholds, though it reads only its own periods', async () => {
		const a = test.ids.municipalityIds.get('a-stadt')!;
		// Small district values are withheld, and with them what would let a reader work them out.
		await upsertDisclosureRule(test.db, { municipalityId: a, indicatorId: ids.indicatorA, minCount: 12 });
		try {
			const path = `${A}/indicators/${ids.indicatorA}/measurements`;
			const whole = ((await call(listMeasurementsEndpoint, `${path}?limit=200`)).body as { data: { id: string; value: number | null; suppressed: boolean }[] }).data;
			const paged = (await walk(listMeasurementsEndpoint, `${path}?limit=4`)).items as unknown as typeof whole;
			expect(whole.filter((cell) => cell.suppressed).length).toBeGreaterThan(0);
			expect(paged.map(({ id, value, suppressed }) => ({ id, value, suppressed }))).toEqual(whole.map(({ id, value, suppressed }) => ({ id, value, suppressed })));
		} finally {
			await test.db.delete(disclosureRules).where(eq(disclosureRules.indicatorId, ids.indicatorA));
		}
	});

	it('events page by page, with a page size of one', async () => {
		const { items, pages } = await walk(listEventsEndpoint, `${A}/events?limit=1`);
		expect(pages).toBe(7);
		expect(new Set(items.map((e) => e.id)).size).toBe(7);
	});

	it('the next page of upcoming events keeps the moment the walk started', async () => {
		const body = (await call(listEventsEndpoint, `${A}/events?limit=2`)).body as { next: string };
		expect(new URL(body.next).searchParams.get('from')).toBe(now.toISOString());
	});

	it('the last page says so with next: null', async () => {
		const body = (await call(listMeasuresEndpoint, `${EDITION_A}/measures?limit=200`)).body as { data: unknown[]; next: string | null };
		expect(body.data).toHaveLength(7);
		expect(body.next).toBeNull();
	});
});

describe('bad requests are refused with a JSON error and a stable code', () => {
	it.each(['limit=0', 'limit=201', 'limit=zehn', 'sort=title', 'cursor=' + 'x'.repeat(401)])('%s → 400 invalid_parameter', async (query) => {
		const answer = await call(listMeasuresEndpoint, `${EDITION_A}/measures?${query}`);
		expect(answer.status).toBe(400);
		expect(answer.body).toMatchObject({ code: 'invalid_parameter' });
	});

	it.each([
		[listMeasuresEndpoint, `${EDITION_A}/measures?cursor=kaputt`],
		[listMeasuresEndpoint, `${EDITION_A}/measures?cursor=${Buffer.from('[1,2]').toString('base64url')}`],
		[listMeasuresEndpoint, `${EDITION_A}/measures?cursor=${Buffer.from('[1,0.5,2]').toString('base64url')}`],
		[listIndicatorsEndpoint, `${EDITION_A}/indicators?cursor=${Buffer.from('["Beratene Personen","keine-uuid"]').toString('base64url')}`],
		[listMeasurementsEndpoint, `${A}/indicators/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}/measurements?cursor=${Buffer.from('[1,2]').toString('base64url')}`],
		[listEventsEndpoint, `${A}/events?cursor=${Buffer.from('["gestern","x"]').toString('base64url')}`],
		[listIdeasEndpoint, `${EDITION_A}/ideas?cursor=${Buffer.from('["gestern","keine-uuid"]').toString('base64url')}`],
		[listIdeasEndpoint, `${EDITION_A}/ideas?cursor=${Buffer.from('[1,2]').toString('base64url')}`]
	] as [Endpoint, string][])('a cursor this API never handed out → 400 invalid_cursor (%#)', async (endpoint, path) => {
		const answer = await call(endpoint, path);
		if (endpoint === listMeasurementsEndpoint) {
			// The indicator does not exist: the missing resource is reported before the cursor is read.
			expect(answer.status).toBe(404);
			return;
		}
		expect(answer.status).toBe(400);
		expect(answer.body).toMatchObject({ code: 'invalid_cursor' });
	});

	it('a status ideas do not have → 400', async () => {
		const answer = await call(listIdeasEndpoint, `${EDITION_A}/ideas?status=geheim`);
		expect(answer.status).toBe(400);
		expect(answer.body).toMatchObject({ code: 'invalid_parameter', details: [{ path: 'status' }] });
	});

	it('a field or district that is no id → 400', async () => {
		const answer = await call(listIdeasEndpoint, `${EDITION_A}/ideas?field=wirtschaft&district=nord`);
		expect(answer.status).toBe(400);
		expect((answer.body as { details: { path: string }[] }).details.map((detail) => detail.path).sort()).toEqual(['district', 'field']);
	});

	it('a malformed date in the events filter → 400', async () => {
		const answer = await call(listEventsEndpoint, `${A}/events?from=morgen`);
		expect(answer.status).toBe(400);
		expect(answer.body).toMatchObject({ code: 'invalid_parameter', details: [{ path: 'from' }] });
	});
});

describe('HTTP: CORS, caching and the rate limit', () => {
	it('any origin may read; the answer may be cached for a minute and carries an ETag', async () => {
		const answer = await call(listMunicipalitiesEndpoint, '/municipalities');
		expect(answer.headers.get('access-control-allow-origin')).toBe('*');
		expect(answer.headers.get('access-control-allow-credentials')).toBeNull();
		expect(answer.headers.get('cache-control')).toBe('public, max-age=60');
		expect(answer.headers.get('etag')).toMatch(/^".+"$/);
	});

	it('an unchanged answer is 304 for the ETag the client already has; a change gives a new ETag', async () => {
		const first = await call(getMunicipalityEndpoint, A);
		const etag = first.headers.get('etag')!;
		const again = await call(getMunicipalityEndpoint, A, { headers: { 'if-none-match': etag } });
		expect(again.status).toBe(304);
		expect(again.text).toBe('');
		const other = await call(getMunicipalityEndpoint, B, { headers: { 'if-none-match': etag } });
		expect(other.status).toBe(200);
		expect(other.headers.get('etag')).not.toBe(etag);
	});

	it('an address that asked too often gets 429 with Retry-After and a JSON error, others still get answers', async () => {
		const address = '192.0.2.77';
		for (let i = 0; i < 600; i++) await limitApiReads(address);
		const refused = await call(listMunicipalitiesEndpoint, '/municipalities', { address });
		expect(refused.status).toBe(429);
		expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
		expect(refused.body).toMatchObject({ code: 'rate_limited' });
		expect((await call(listMunicipalitiesEndpoint, '/municipalities', { address: '192.0.2.78' })).status).toBe(200);
	});
});

describe('CSV downloads', () => {
	it('measures as CSV: fixed English column keys, one row per measure, in document order', async () => {
		const answer = await call(measuresCsvEndpoint, `${EDITION_A}/measures.csv`);
		expect(answer.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		const lines = answer.text.trimEnd().split('\r\n');
		expect(lines[0]).toBe('number,id,lineage_id,title,field,goal,status,status_reason,progress,planned_start,planned_end,actual_start,actual_end,responsible_office,organisations,city_wide,districts,budget_euros');
		expect(lines).toHaveLength(8);
		expect(lines[1]).toMatch(/^1\.1\.1,[0-9a-f-]{36},[0-9a-f-]{36},Lotsendienst,Arbeit,Anerkennung,in_progress,,40,,,,,Integrationsbüro,Lotsenverein,false,nord,$/);
		expect(lines[6]).toContain('Elterncafé');
	});

	it('measurements as CSV: every value, and text that a spreadsheet would run as a formula stays text', async () => {
		const answer = await call(measurementsCsvEndpoint, `${A}/indicators/${ids.indicatorA}/measurements.csv`);
		const lines = answer.text.trimEnd().split('\r\n');
		expect(lines[0]).toBe('date,value,district,source_note,id,suppressed');
		expect(lines).toHaveLength(24);
		expect(answer.text).toContain(`"'=HYPERLINK(""x"")"`);
	});
});

describe('the OpenAPI document', () => {
	const document = buildOpenApiDocument(ORIGIN);

	it('is a valid OpenAPI 3.1 document by an independent validator', async () => {
		const result = await new Validator().validate(document as unknown as Parameters<Validator["validate"]>[0]);
		expect(result.errors ?? []).toEqual([]);
		expect(result.valid).toBe(true);
		expect(document.openapi).toBe('3.1.0');
	});

	it('documents every endpoint with its path parameters', () => {
		for (const endpoint of endpoints) {
			const operation = (document.paths[endpoint.path] as { get: { operationId: string; parameters: { name: string; in: string }[] } }).get;
			expect(operation.operationId).toBe(endpoint.operationId);
			const inPath = [...endpoint.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
			expect(operation.parameters.filter((p) => p.in === 'path').map((p) => p.name)).toEqual(inPath);
		}
	});

	it('real answers validate against the document’s response schemas (ajv, JSON Schema 2020-12)', async () => {
		const ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));
		ajv.addSchema({ $id: 'https://leitbild.test/openapi.json', components: document.components });
		const jsonEndpoints = endpoints.filter((e) => e.format !== 'csv');
		const paths: Record<string, string> = {
			listMunicipalities: '/municipalities',
			getMunicipality: A,
			listStrategies: `${A}/strategies`,
			listEditions: `${A}/strategies/leitbild/editions`,
			getEdition: EDITION_A,
			listMeasures: `${EDITION_A}/measures?limit=3`,
			listIndicators: `${EDITION_A}/indicators`,
			listMeasurements: `${A}/indicators/${ids.indicatorA}/measurements`,
			listDistricts: `${A}/districts`,
			listSources: `${A}/sources`,
			listEvents: `${A}/events`,
			listIdeas: `${EDITION_A}/ideas?limit=2`,
			getDataPackage: `${EDITION_A}/datapackage.json`
		};
		expect(jsonEndpoints.map((e) => e.operationId).sort()).toEqual(Object.keys(paths).sort());
		for (const endpoint of jsonEndpoints) {
			const name = apiSchemas.get(endpoint.response)!.id;
			const validate = ajv.getSchema(`https://leitbild.test/openapi.json#/components/schemas/${name}`)!;
			const answer = await call(endpoint, paths[endpoint.operationId]);
			expect(answer.status).toBe(200);
			expect(validate(answer.body), `${endpoint.operationId}: ${JSON.stringify(validate.errors)}`).toBe(true);
		}
		const errorAnswer = await call(getMunicipalityEndpoint, '/municipalities/nirgendwo');
		expect(ajv.getSchema('https://leitbild.test/openapi.json#/components/schemas/Error')!(errorAnswer.body)).toBe(true);
	});

	it('an answer that breaks its schema is caught by the document’s schema (the check can fail)', () => {
		const ajv = addFormats(new Ajv2020({ strict: false }));
		ajv.addSchema({ $id: 'https://leitbild.test/openapi.json', components: document.components });
		const validate = ajv.getSchema('https://leitbild.test/openapi.json#/components/schemas/MeasurementList')!;
		expect(validate({ data: [{ id: 'x', indicatorId: 'y', date: '15.01.2025', value: '1,5', district: null, sourceNote: '' }], next: null })).toBe(false);
	});
});

describe('when no database connection comes free in time', () => {
	it('an endpoint answers 503 with code busy and Retry-After, nothing else of the failure', async () => {
		const busy = defineEndpoint({
			operationId: 'busyForTest',
			path: '/busy',
			summary: 'Fails as a busy pool does.',
			params: z.object({}),
			query: z.object({}),
			response: z.object({}),
			load: async () => {
				throw new DrizzleQueryError('select secret from somewhere', [], new Error('timeout exceeded when trying to connect'));
			}
		});
		const answer = await call(busy, '/busy');
		expect(answer.status).toBe(503);
		expect(answer.headers.get('retry-after')).toBe('5');
		expect(answer.body).toEqual({ code: 'busy', message: 'The server is busy; try again in 5 seconds.' });
	});
});
