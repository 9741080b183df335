// The open-data API: read-only, public data only — what the public pages show, never personal data,
// never unpublished events. Every endpoint is scoped by the municipality in its path.
import { z } from 'zod';
import { getEditionPage, getStrategyBySlug, listStrategiesWithEditions } from '../document/document.service';
import { selectIndicator } from '../monitoring/monitor.queries';
import { todayIn } from '../monitoring/monitoring.http';
import { listIndicatorsAfter, listMeasuresAfter, loadEditionMonitor, type OutlineNumber } from '../monitoring/monitoring.service';
import { loadDisclosure, type Disclosed } from '../monitoring/disclosure.service';
import { listPublicSources } from '../monitoring/provenance.service';
import { getMunicipalityBySlug, listDistricts, listMunicipalities } from '../tenancy/tenancy.service';
import { selectMeasurementPage, selectPublishedEventPage } from './api.queries';
import {
	ApiError,
	apiNotFound,
	API_BASE,
	decodeCursor,
	defineEndpoint,
	nextUrl,
	noQuery,
	pageOfList,
	pageOfRows,
	pageQuery,
	limitParam,
	cursorParam,
	type CursorKey,
	type Endpoint
} from './api.http';
import {
	districtCollectionSchema,
	editionListSchema,
	editionSchema,
	eventListSchema,
	ideaListSchema,
	indicatorListSchema,
	measureCsvRowSchema,
	measureListSchema,
	dataPackageSchema,
	measurementCsvRowSchema,
	measurementListSchema,
	sourceListSchema,
	municipalityDetailSchema,
	municipalityListSchema,
	strategyListSchema
} from './api.schemas';
import { toCsv } from '../shared/csv';
import { buildDataPackage } from '../monitoring/exchange-package';
import type { Executor } from '../db/client';
import { listPublicIdeasAfter } from '../participation/idea-open-data.service';
import { ideaStatuses } from '../participation/idea.schema';

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,99}$/).describe('Slug as in the public address.');
const municipalityParams = z.object({ municipality: slug });
const strategyParams = municipalityParams.extend({ strategy: slug });
const editionParams = strategyParams.extend({ number: z.coerce.number().int().min(1).max(1_000_000).describe('Edition number.') });
const indicatorParams = municipalityParams.extend({ id: z.uuid().describe('Indicator id.') });

const absolute = (url: URL, path: string) => new URL(path, url.origin).toString();
const apiUrl = (url: URL, path: string) => absolute(url, `${API_BASE}${path}`);
const cursorOf = (cursor: string | undefined): CursorKey | null => (cursor ? decodeCursor(cursor) : null);

async function municipalityOf(db: Executor, slugValue: string) {
	return getMunicipalityBySlug({ db, slug: slugValue });
}

const MAX_CSV_ROWS = 100_000;
const CSV_BATCH = 5_000;

export const listMunicipalitiesEndpoint = defineEndpoint({
	operationId: 'listMunicipalities',
	path: '/municipalities',
	summary: 'Municipalities on this installation, by name.',
	params: z.object({}),
	query: pageQuery,
	response: municipalityListSchema,
	async load({ db, query, url }) {
		const rows = await listMunicipalities({ db });
		const page = pageOfList(rows, (m) => [m.name, m.slug], cursorOf(query.cursor), query.limit);
		return {
			data: page.items.map((m) => ({
				id: m.id,
				slug: m.slug,
				name: m.name,
				description: m.description,
				region: m.regionSlug && m.regionName ? { slug: m.regionSlug, name: m.regionName } : null,
				links: { self: apiUrl(url, `/municipalities/${m.slug}`), html: absolute(url, `/${m.slug}`) }
			})),
			next: nextUrl(url, page.nextKey)
		};
	}
});

export const getMunicipalityEndpoint = defineEndpoint({
	operationId: 'getMunicipality',
	path: '/municipalities/{municipality}',
	summary: 'One municipality with its contact point.',
	params: municipalityParams,
	query: noQuery,
	response: municipalityDetailSchema,
	async load({ db, params, url }) {
		const m = await municipalityOf(db, params.municipality);
		const contact = m.contactPoint;
		return {
			id: m.id,
			slug: m.slug,
			name: m.name,
			description: m.description,
			region: m.region ? { slug: m.region.slug, name: m.region.name } : null,
			timeZone: m.timeZone,
			contactPoint: contact
				? {
						office: contact.office,
						street: contact.street,
						postalCode: contact.postalCode,
						city: contact.city,
						phone: contact.phone,
						fax: contact.fax,
						email: contact.email,
						web: contact.web,
						openingHours: contact.openingHours
					}
				: null,
			links: { self: apiUrl(url, `/municipalities/${m.slug}`), html: absolute(url, `/${m.slug}`) }
		};
	}
});

const editionLinks = (url: URL, m: string, s: string, n: number) => ({
	self: apiUrl(url, `/municipalities/${m}/strategies/${s}/editions/${n}`),
	html: absolute(url, `/${m}/strategies/${s}/editions/${n}`)
});

export const listStrategiesEndpoint = defineEndpoint({
	operationId: 'listStrategies',
	path: '/municipalities/{municipality}/strategies',
	summary: 'Strategies of a municipality with their editions.',
	params: municipalityParams,
	query: pageQuery,
	response: strategyListSchema,
	async load({ db, params, query, url }) {
		const m = await municipalityOf(db, params.municipality);
		const strategies = await listStrategiesWithEditions({ db, municipalityId: m.id });
		const page = pageOfList(strategies, (s) => [s.position, s.slug], cursorOf(query.cursor), query.limit);
		return {
			data: page.items.map((s) => ({
				id: s.id,
				slug: s.slug,
				title: s.title,
				summary: s.summary,
				editions: [...s.editions]
					.sort((a, b) => a.number - b.number)
					.map((e) => ({
						id: e.id,
						number: e.number,
						periodStart: e.periodStart,
						periodEnd: e.periodEnd,
						stage: e.stage,
						links: editionLinks(url, m.slug, s.slug, e.number)
					})),
				links: {
					editions: apiUrl(url, `/municipalities/${m.slug}/strategies/${s.slug}/editions`),
					html: absolute(url, `/${m.slug}/strategies/${s.slug}`)
				}
			})),
			next: nextUrl(url, page.nextKey)
		};
	}
});

export const listEditionsEndpoint = defineEndpoint({
	operationId: 'listEditions',
	path: '/municipalities/{municipality}/strategies/{strategy}/editions',
	summary: 'Editions of a strategy, oldest first.',
	params: strategyParams,
	query: pageQuery,
	response: editionListSchema,
	async load({ db, params, query, url }) {
		const m = await municipalityOf(db, params.municipality);
		const strategy = await getStrategyBySlug({ db, municipalityId: m.id, slug: params.strategy });
		const page = pageOfList(strategy.editions, (e) => [e.number], cursorOf(query.cursor), query.limit);
		return {
			data: page.items.map((e) => ({
				id: e.id,
				number: e.number,
				periodStart: e.periodStart,
				periodEnd: e.periodEnd,
				stage: e.stage,
				summary: e.summary,
				links: editionLinks(url, m.slug, strategy.slug, e.number)
			})),
			next: nextUrl(url, page.nextKey)
		};
	}
});

export const getEditionEndpoint = defineEndpoint({
	operationId: 'getEdition',
	path: '/municipalities/{municipality}/strategies/{strategy}/editions/{number}',
	summary: 'One edition with its timeline and outline: fields of action → goals → measures, numbered as in the document.',
	params: editionParams,
	query: noQuery,
	response: editionSchema,
	async load({ db, params, url }) {
		const m = await municipalityOf(db, params.municipality);
		const page = await getEditionPage({ db, municipalityId: m.id, strategySlug: params.strategy, number: params.number });
		const { edition, strategy } = page;
		const base = `/municipalities/${m.slug}/strategies/${strategy.slug}/editions/${edition.number}`;
		return {
			id: edition.id,
			number: edition.number,
			periodStart: edition.periodStart,
			periodEnd: edition.periodEnd,
			stage: edition.stage,
			summary: edition.summary,
			strategy: { id: strategy.id, slug: strategy.slug, title: strategy.title },
			stageDates: page.stageDates.map((s) => ({ stage: s.stage, startsOn: s.startsOn, endsOn: s.endsOn })),
			fields: page.outline.map((f) => ({
				id: f.id,
				lineageId: f.lineageId,
				number: f.number,
				title: f.title,
				description: f.description,
				isFocus: f.isFocus,
				goals: f.goals.map((g) => ({
					id: g.id,
					lineageId: g.lineageId,
					number: g.number,
					title: g.title,
					description: g.description,
					measures: g.measures.map((x) => ({ id: x.id, lineageId: x.lineageId, number: x.number, title: x.title, description: x.description }))
				}))
			})),
			links: {
				...editionLinks(url, m.slug, strategy.slug, edition.number),
				measures: apiUrl(url, `${base}/measures`),
				measuresCsv: apiUrl(url, `${base}/measures.csv`),
				indicators: apiUrl(url, `${base}/indicators`),
				ideas: apiUrl(url, `${base}/ideas`),
				dataPackage: apiUrl(url, `${base}/datapackage.json`)
			}
		};
	}
});

async function editionMonitorOf(db: Executor, params: z.output<typeof editionParams>, now: Date) {
	const m = await municipalityOf(db, params.municipality);
	const monitor = await loadEditionMonitor({ db, municipalityId: m.id, strategySlug: params.strategy, number: params.number, today: todayIn(m.timeZone, now) });
	const monitorPath = `/${m.slug}/strategies/${monitor.strategy.slug}/editions/${monitor.edition.number}/monitor`;
	const measures = monitor.fields.flatMap((field) => field.goals.flatMap((goal) => goal.measures.map((measure) => ({ field, goal, measure }))));
	return { municipality: m, monitor, monitorPath, measures };
}

type MonitorMeasureRow = Awaited<ReturnType<typeof editionMonitorOf>>['measures'][number];

/** A measures cursor is the last measure's number, part by part ([2, 10, 3] for 2.10.3). */
const measureCursor = (key: CursorKey | null): OutlineNumber | null => {
	if (!key) return null;
	if (key.length !== 3 || !key.every((part) => typeof part === 'number' && Number.isInteger(part) && part >= 1 && part <= 1_000_000)) {
		throw new ApiError(400, 'invalid_cursor', 'The cursor is not one this API handed out.');
	}
	return key as OutlineNumber;
};

export const listMeasuresEndpoint = defineEndpoint({
	operationId: 'listMeasures',
	path: '/municipalities/{municipality}/strategies/{strategy}/editions/{number}/measures',
	summary: 'Measures of an edition with status, progress, districts and partner organisations, in document order.',
	params: editionParams,
	query: pageQuery,
	response: measureListSchema,
	async load({ db, params, query, url }) {
		const m = await municipalityOf(db, params.municipality);
		const after = measureCursor(cursorOf(query.cursor));
		const { strategy, edition, measures } = await listMeasuresAfter({ db, municipalityId: m.id, strategySlug: params.strategy, number: params.number, after, limit: query.limit });
		const monitorPath = `/${m.slug}/strategies/${strategy.slug}/editions/${edition.number}/monitor`;
		const page = pageOfRows(measures, (measure) => measure.number, query.limit);
		return {
			data: page.items.map((measure) => ({
				id: measure.id,
				lineageId: measure.lineageId,
				number: measure.number.join('.'),
				title: measure.title,
				fieldId: measure.fieldId,
				goalId: measure.goalId,
				status: measure.tracking.status,
				statusReason: measure.tracking.statusReason,
				plannedStart: measure.tracking.plannedStart,
				plannedEnd: measure.tracking.plannedEnd,
				actualStart: measure.tracking.actualStart,
				actualEnd: measure.tracking.actualEnd,
				responsibleOffice: measure.tracking.responsibleOffice,
				organisations: measure.organisations.map((o) => o.name),
				cityWide: measure.tracking.cityWide,
				districts: measure.districts.map((d) => ({ id: d.id, slug: d.slug, name: d.name })),
				budgetEuros: measure.tracking.budgetEuros,
				progress: measure.tracking.progress,
				links: { html: absolute(url, `${monitorPath}/measures/${measure.id}`) }
			})),
			next: nextUrl(url, page.nextKey)
		};
	}
});

/** An ideas cursor is the last idea's creation time (PostgreSQL's text, microseconds kept) and id. */
const ideaCursor = (key: CursorKey | null) => {
	if (!key) return null;
	const [createdAt, id] = key;
	if (key.length !== 2 || typeof createdAt !== 'string' || typeof id !== 'string' || Number.isNaN(Date.parse(createdAt)) || !z.uuid().safeParse(id).success) {
		throw new ApiError(400, 'invalid_cursor', 'The cursor is not one this API handed out.');
	}
	return { createdAt, id };
};

export const listIdeasEndpoint = defineEndpoint({
	operationId: 'listIdeas',
	path: '/municipalities/{municipality}/strategies/{strategy}/editions/{number}/ideas',
	summary: 'Visible ideas of an edition, oldest first, with status, field of action, district, supports, comments and the goals and measures they fed into. Authors are not published.',
	params: editionParams,
	query: pageQuery.extend({
		status: z.enum(ideaStatuses).optional().describe('Only ideas with this status.'),
		field: z.uuid().optional().describe('Only ideas in this field of action (its id, as in the edition).'),
		district: z.uuid().optional().describe('Only ideas about this district (its id, as in the districts list).')
	}),
	response: ideaListSchema,
	async load({ db, params, query, url }) {
		const m = await municipalityOf(db, params.municipality);
		const { edition, ideas } = await listPublicIdeasAfter({
			db,
			municipalityId: m.id,
			strategySlug: params.strategy,
			number: params.number,
			after: ideaCursor(cursorOf(query.cursor)),
			status: query.status,
			fieldId: query.field,
			districtId: query.district,
			limit: query.limit + 1
		});
		const ideasPath = `/${m.slug}/strategies/${edition.strategySlug}/editions/${edition.number}/ideas`;
		const page = pageOfRows(ideas, (idea) => [idea.cursor, idea.id], query.limit);
		return {
			data: page.items.map((idea) => ({
				id: idea.id,
				createdAt: idea.createdAt.toISOString(),
				title: idea.title,
				body: idea.body,
				language: idea.language,
				status: idea.status,
				statusExplanation: idea.statusExplanation,
				fieldId: idea.fieldId,
				districtId: idea.districtId,
				source: idea.transcribed ? ('transcribed' as const) : ('online' as const),
				mergedIntoId: idea.mergedIntoId,
				supports: idea.supportCount,
				comments: idea.commentCount,
				takenUpIn: idea.takenUpIn,
				links: { html: absolute(url, `${ideasPath}/${idea.id}`) }
			})),
			next: nextUrl(url, page.nextKey)
		};
	}
});

function measureCsvRow({ field, goal, measure }: MonitorMeasureRow): z.input<typeof measureCsvRowSchema> {
	const t = measure.tracking;
	return {
		number: measure.number,
		id: measure.id,
		lineage_id: measure.lineageId,
		title: measure.title,
		field: field.title,
		goal: goal.title,
		status: t.status,
		status_reason: t.statusReason,
		progress: t.progress,
		planned_start: t.plannedStart ?? '',
		planned_end: t.plannedEnd ?? '',
		actual_start: t.actualStart ?? '',
		actual_end: t.actualEnd ?? '',
		responsible_office: t.responsibleOffice,
		organisations: measure.organisations.map((o) => o.name).join('; '),
		city_wide: t.cityWide,
		districts: measure.districts.map((d) => d.slug).join('; '),
		budget_euros: t.budgetEuros ?? ''
	};
}

export const measuresCsvEndpoint = defineEndpoint({
	operationId: 'downloadMeasuresCsv',
	path: '/municipalities/{municipality}/strategies/{strategy}/editions/{number}/measures.csv',
	summary: 'All measures of an edition as CSV (UTF-8, comma-separated, header row with the column keys of MeasureCsvRow).',
	params: editionParams,
	query: noQuery,
	response: measureCsvRowSchema,
	format: 'csv',
	async load({ db, params, now }) {
		const { measures } = await editionMonitorOf(db, params, now);
		return toCsv(Object.keys(measureCsvRowSchema.shape), measures.map(measureCsvRow));
	}
});

/** An indicators cursor is the last indicator's name and id. */
const indicatorCursor = (key: CursorKey | null) => {
	if (!key) return null;
	const [name, id] = key;
	if (key.length !== 2 || typeof name !== 'string' || typeof id !== 'string' || !z.uuid().safeParse(id).success) {
		throw new ApiError(400, 'invalid_cursor', 'The cursor is not one this API handed out.');
	}
	return { name, id };
};

export const listIndicatorsEndpoint = defineEndpoint({
	operationId: 'listIndicators',
	path: '/municipalities/{municipality}/strategies/{strategy}/editions/{number}/indicators',
	summary: 'Indicators of an edition with baseline, target, newest value and staleness, by name.',
	params: editionParams,
	query: pageQuery,
	response: indicatorListSchema,
	async load({ db, params, query, url, now }) {
		const m = await municipalityOf(db, params.municipality);
		const after = indicatorCursor(cursorOf(query.cursor));
		const { strategy, edition, indicators } = await listIndicatorsAfter({
			db,
			municipalityId: m.id,
			strategySlug: params.strategy,
			number: params.number,
			after,
			limit: query.limit,
			today: todayIn(m.timeZone, now)
		});
		const monitorPath = `/${m.slug}/strategies/${strategy.slug}/editions/${edition.number}/monitor`;
		const page = pageOfRows(indicators, (i) => [i.name, i.id], query.limit);
		const keyOf = new Map((await listPublicSources({ db, municipalityId: m.id })).map((source) => [source.id, source.key]));
		return {
			data: page.items.map((i) => ({
				id: i.id,
				goalId: i.goalId,
				measureId: i.measureId,
				name: i.name,
				definition: i.definition,
				unit: i.unit,
				source: i.source,
				sourceKey: i.sourceId ? (keyOf.get(i.sourceId) ?? null) : null,
				direction: i.direction,
				baseline: { value: i.baselineValue, date: i.baselineDate },
				target: { value: i.targetValue, date: i.targetDate },
				frequency: i.frequency,
				latest: i.latest ? { value: i.latest.value, date: i.latest.measuredOn } : null,
				stale: i.stale,
				links: {
					measurements: apiUrl(url, `/municipalities/${m.slug}/indicators/${i.id}/measurements`),
					measurementsCsv: apiUrl(url, `/municipalities/${m.slug}/indicators/${i.id}/measurements.csv`),
					html: absolute(url, `${monitorPath}/indicators/${i.id}`)
				}
			})),
			next: nextUrl(url, page.nextKey)
		};
	}
});

const publicCsvValue = (shown: Disclosed) => ({ value: shown.value ?? ('' as const), suppressed: shown.suppression !== null });

const measurementCursor = (key: CursorKey | null) => {
	if (!key) return null;
	const [date, id] = key;
	if (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date) || typeof id !== 'string' || !z.uuid().safeParse(id).success) {
		throw new ApiError(400, 'invalid_cursor', 'The cursor is not one this API handed out.');
	}
	return { date, id };
};

async function indicatorOf(db: Executor, params: z.output<typeof indicatorParams>) {
	const m = await municipalityOf(db, params.municipality);
	// An indicator of another municipality is as unknown here as one that never existed.
	const indicator = await selectIndicator(db, m.id, params.id);
	if (!indicator) throw apiNotFound('indicator');
	return { municipality: m, indicator };
}

export const listMeasurementsEndpoint = defineEndpoint({
	operationId: 'listMeasurements',
	path: '/municipalities/{municipality}/indicators/{id}/measurements',
	summary: 'Measurements of an indicator, oldest first; city-wide and per district.',
	params: indicatorParams,
	query: pageQuery,
	response: measurementListSchema,
	async load({ db, params, query, url }) {
		const { municipality: m, indicator } = await indicatorOf(db, params);
		const after = measurementCursor(cursorOf(query.cursor));
		const rows = await selectMeasurementPage(db, { municipalityId: m.id, indicatorId: indicator.id, after, limit: query.limit });
		// Only the periods on this page: the whole history would make every page cost what the indicator holds.
		const disclosure = await loadDisclosure(db, m.id, [indicator], { onDates: [...new Set(rows.map((row) => row.measuredOn))] });
		const page = pageOfRows(rows, (r) => [r.measuredOn, r.id], query.limit);
		return {
			data: page.items.map((r) => ({
				id: r.id,
				indicatorId: r.indicatorId,
				date: r.measuredOn,
				value: disclosure.of(r.id).value,
				suppressed: disclosure.of(r.id).suppression !== null,
				district: r.districtId && r.districtSlug && r.districtName ? { id: r.districtId, slug: r.districtSlug, name: r.districtName } : null,
				sourceNote: r.sourceNote,
				source: r.sourceKey
			})),
			next: nextUrl(url, page.nextKey)
		};
	}
});

export const measurementsCsvEndpoint = defineEndpoint({
	operationId: 'downloadMeasurementsCsv',
	path: '/municipalities/{municipality}/indicators/{id}/measurements.csv',
	summary: `Measurements of an indicator as CSV (UTF-8, comma-separated, header row with the column keys of MeasurementCsvRow), oldest first, at most ${MAX_CSV_ROWS} rows.`,
	params: indicatorParams,
	query: noQuery,
	response: measurementCsvRowSchema,
	format: 'csv',
	async load({ db, params }) {
		const { municipality: m, indicator } = await indicatorOf(db, params);
		const disclosure = await loadDisclosure(db, m.id, [indicator]);
		const rows: z.input<typeof measurementCsvRowSchema>[] = [];
		let after: { date: string; id: string } | null = null;
		// Read in index-ordered batches so that a long series never becomes one huge query.
		while (rows.length < MAX_CSV_ROWS) {
			const batch = await selectMeasurementPage(db, { municipalityId: m.id, indicatorId: indicator.id, after, limit: CSV_BATCH - 1 });
			for (const r of batch) rows.push({ date: r.measuredOn, ...publicCsvValue(disclosure.of(r.id)), district: r.districtSlug ?? '', source_note: r.sourceNote, id: r.id });
			if (batch.length < CSV_BATCH) break;
			const last = batch[batch.length - 1];
			after = { date: last.measuredOn, id: last.id };
		}
		return toCsv(Object.keys(measurementCsvRowSchema.shape), rows.slice(0, MAX_CSV_ROWS));
	}
});

export const listSourcesEndpoint = defineEndpoint({
	operationId: 'listSources',
	path: '/municipalities/{municipality}/sources',
	summary: 'Sources of the indicator values (publisher, dataset, method, licence, release calendar), by key.',
	params: municipalityParams,
	query: pageQuery,
	response: sourceListSchema,
	async load({ db, params, query, url }) {
		const m = await municipalityOf(db, params.municipality);
		const sources = await listPublicSources({ db, municipalityId: m.id });
		const page = pageOfList(sources, (source) => [source.key], cursorOf(query.cursor), query.limit);
		return {
			data: page.items.map((source) => ({
				key: source.key,
				publisher: source.publisher,
				dataset: source.dataset,
				method: source.method,
				licence: source.licence,
				licenceUrl: source.licenceUrl,
				url: source.url,
				frequency: source.frequency,
				lastReleaseOn: source.lastReleaseOn,
				nextReleaseOn: source.nextReleaseOn
			})),
			next: nextUrl(url, page.nextKey)
		};
	}
});

export const listDistrictsEndpoint = defineEndpoint({
	operationId: 'listDistricts',
	path: '/municipalities/{municipality}/districts',
	summary: 'Districts of a municipality as a GeoJSON FeatureCollection (all of them; a municipality has few).',
	params: municipalityParams,
	query: noQuery,
	response: districtCollectionSchema,
	format: 'geo+json',
	async load({ db, params }) {
		const m = await municipalityOf(db, params.municipality);
		const rows = await listDistricts({ db, municipalityId: m.id });
		return {
			type: 'FeatureCollection' as const,
			features: rows.map((d) => ({
				type: 'Feature' as const,
				id: d.id,
				geometry: geometryOf(d.shape),
				properties: { slug: d.slug, name: d.name, position: d.position }
			}))
		};
	}
});

/** Shapes are stored as a geometry or as a whole Feature; anything else is left out rather than passed on. */
function geometryOf(shape: unknown) {
	const candidate = shape && typeof shape === 'object' && 'type' in shape && shape.type === 'Feature' && 'geometry' in shape ? shape.geometry : shape;
	const parsed = districtCollectionSchema.shape.features.element.shape.geometry.safeParse(candidate);
	return parsed.success ? parsed.data : null;
}

const instant = z
	.union([z.iso.date(), z.iso.datetime({ offset: true })])
	.describe('A date (YYYY-MM-DD, midnight UTC) or a date-time with offset.');
const eventsQuery = z.strictObject({
	limit: limitParam,
	cursor: cursorParam,
	from: instant.optional().describe('Only events that end at or after this instant; default now (upcoming events).'),
	to: instant.optional().describe('Only events that start before this instant.')
});

const eventCursor = (key: CursorKey | null) => {
	if (!key) return null;
	const [startsAt, id] = key;
	const date = typeof startsAt === 'string' ? new Date(startsAt) : null;
	if (!date || Number.isNaN(date.getTime()) || typeof id !== 'string' || !z.uuid().safeParse(id).success) {
		throw new ApiError(400, 'invalid_cursor', 'The cursor is not one this API handed out.');
	}
	return { startsAt: date, id };
};

export const listEventsEndpoint = defineEndpoint({
	operationId: 'listEvents',
	path: '/municipalities/{municipality}/events',
	summary: 'Published events of a municipality in order of their start; upcoming ones unless `from` says otherwise.',
	params: municipalityParams,
	query: eventsQuery,
	response: eventListSchema,
	async load({ db, params, query, url, now }) {
		const m = await municipalityOf(db, params.municipality);
		const from = query.from ? new Date(query.from) : now;
		const to = query.to ? new Date(query.to) : null;
		const rows = await selectPublishedEventPage(db, { municipalityId: m.id, from, to, after: eventCursor(cursorOf(query.cursor)), limit: query.limit });
		const page = pageOfRows(rows, (e) => [e.startsAt.toISOString(), e.id], query.limit);
		// The next page keeps the moment this walk started, so that "upcoming" cannot shift between pages.
		const pinned = new URL(url);
		if (!query.from) pinned.searchParams.set('from', from.toISOString());
		return {
			data: page.items.map((e) => ({
				...e,
				startsAt: e.startsAt.toISOString(),
				endsAt: e.endsAt.toISOString(),
				links: { html: absolute(url, `/${m.slug}/events/${e.id}`) }
			})),
			next: nextUrl(pinned, page.nextKey)
		};
	}
});

export const dataPackageEndpoint = defineEndpoint({
	operationId: 'getDataPackage',
	path: '/municipalities/{municipality}/strategies/{strategy}/editions/{number}/datapackage.json',
	summary:
		'The measurements of an edition as a Frictionless Tabular Data Package: a Table Schema (types, constraints, flags, primary key) for the CSV in the exchange format, with the indicators and sources as inline lookup tables.',
	params: editionParams,
	query: noQuery,
	response: dataPackageSchema,
	async load({ db, params, url }) {
		const m = await municipalityOf(db, params.municipality);
		return buildDataPackage({ db, municipality: m, strategySlug: params.strategy, number: params.number, origin: url.origin });
	}
});

/** Every endpoint, in the order the OpenAPI document lists them. */
export const endpoints: Endpoint[] = [
	listMunicipalitiesEndpoint,
	getMunicipalityEndpoint,
	listStrategiesEndpoint,
	listEditionsEndpoint,
	getEditionEndpoint,
	listMeasuresEndpoint,
	measuresCsvEndpoint,
	listIdeasEndpoint,
	listIndicatorsEndpoint,
	listMeasurementsEndpoint,
	measurementsCsvEndpoint,
	listDistrictsEndpoint,
	listSourcesEndpoint,
	listEventsEndpoint,
	dataPackageEndpoint
];
