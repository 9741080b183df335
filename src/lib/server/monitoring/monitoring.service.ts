// The monitoring domain owns how an edition is carried out: each measure's tracking (status, dates,
// owners, districts, progress, updates) and the indicators with their measurements. Public reads here.
import type { Executor } from '../db/client';
import { getEditionHead, getEditionPage } from '../document/document.service';
import { hasRole, type Actor } from '../people/actor';
import { listDistricts } from '../tenancy/tenancy.service';
import { loadDisclosure } from './disclosure.service';
import type { MonitorFilter } from '$lib/validation/monitoring';
import { districtNotFound, indicatorNotFound, measureNotFound } from './monitoring.errors';
import { rollUpProgress, summariseIndicator, type IndicatorSummary } from './monitor.math';
import { judgeStaleness, type NewestValue, type ReleaseCalendar, type Staleness } from './staleness';
import { selectNewestValues, selectReleaseCalendars } from './staleness.queries';
import { scoreIndicator, type Score } from './indicator-score';
import { compareDistricts } from './indicator-compare';
import { loadIndicatorProvenance } from './provenance.service';
import { chooseSeries, describeSeries } from './chart-series';
import { selectBreakdownLabels, selectSeriesKeysOfIndicator } from './chart-series.queries';
import { selectInterimTargets, type InterimTarget } from './indicator-target.queries';
import {
	selectDistrictsOfMeasures,
	selectIndicator,
	selectIndicatorPage,
	selectIndicatorsOfEdition,
	selectIsMeasureOwner,
	selectMeasurePage,
	MAX_SHOWN_MEASUREMENTS,
	RECENT_SHOWN_MEASUREMENTS,
	selectMeasurementsOfIndicator,
	selectOrganisationsOfMeasures,
	selectProgressUpdates,
	selectTrackingOfEdition,
	selectTrackingOfMeasures,
	type Indicator,
	type OutlineNumber,
	type MeasureTracking
} from './monitor.queries';
import type { MeasureStatus } from './monitoring.schema';

export type { Indicator, Measurement, OutlineNumber, ProgressUpdate } from './monitor.queries';

type EditionScope = { db: Executor; municipalityId: string; strategySlug: string; number: number };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const isUuid = (value: string) => UUID.test(value);

/** A measure nobody has reported on yet: planned, nothing done, counted once in the roll-up. */
export type TrackingView = Pick<
	MeasureTracking,
	| 'status'
	| 'statusReason'
	| 'plannedStart'
	| 'plannedEnd'
	| 'actualStart'
	| 'actualEnd'
	| 'responsibleOffice'
	| 'cityWide'
	| 'budgetEuros'
	| 'progress'
	| 'weight'
> & { updatedAt: Date | null };
export const untracked: TrackingView = {
	status: 'planned',
	statusReason: '',
	plannedStart: null,
	plannedEnd: null,
	actualStart: null,
	actualEnd: null,
	responsibleOffice: '',
	cityWide: false,
	budgetEuros: null,
	progress: 0,
	weight: 1,
	updatedAt: null
};

export type IndicatorView = Indicator & {
	latest: { value: number; measuredOn: string } | null;
	stale: boolean;
	/** Why and since when the indicator is stale, or when its next value is expected. */
	staleness: Staleness;
	summary: IndicatorSummary | null;
	interimTargets: { year: number; value: number }[];
	score: Score;
};

function viewIndicator(
	indicator: Indicator,
	latest: { value: number; measuredOn: string } | undefined,
	newest: NewestValue | null,
	source: ReleaseCalendar | null,
	today: string,
	interimTargets: InterimTarget[]
): IndicatorView {
	const path = interimTargets.map(({ year, value }) => ({ year, value }));
	const staleness = judgeStaleness({ indicatorFrequency: indicator.frequency, baselineDate: indicator.baselineDate, newest, source, today });
	return {
		...indicator,
		latest: latest ? { value: latest.value, measuredOn: latest.measuredOn } : null,
		stale: staleness.stale,
		staleness,
		summary: latest
			? summariseIndicator({ direction: indicator.direction, baseline: indicator.baselineValue, target: indicator.targetValue, latest: latest.value })
			: null,
		interimTargets: path,
		score: scoreIndicator({
			direction: indicator.direction,
			baseline: { value: indicator.baselineValue, date: indicator.baselineDate },
			target: { value: indicator.targetValue, date: indicator.targetDate },
			interimTargets: path,
			latest: latest ? { value: latest.value, date: latest.measuredOn } : null
		})
	};
}

function groupBy<T, K>(rows: T[], key: (row: T) => K): Map<K, T[]> {
	const map = new Map<K, T[]>();
	for (const row of rows) {
		const list = map.get(key(row)) ?? [];
		list.push(row);
		map.set(key(row), list);
	}
	return map;
}

/**
 * The whole edition as the monitor sees it, in a fixed handful of queries: the outline, tracking,
 * owners, districts, indicators and their newest values. Progress rolls up over all measures,
 * before any filter, so a filter never changes a goal's progress.
 */
export async function loadEditionMonitor(scope: EditionScope & { today: string }) {
	return (await loadMonitorWithDisclosure(scope)).monitor;
}

/**
 * How many of an indicator's newest reference dates the monitor judges for its newest published value:
 * two years of quarters. When all of them are withheld the monitor shows no value for the indicator.
 */
const NEWEST_VALUE_PERIODS = 8;

/** Indicators with their newest published value, staleness and score, and the disclosure those values came from. */
async function viewIndicators(db: Executor, municipalityId: string, indicatorRows: Indicator[], today: string) {
	const indicatorIds = indicatorRows.map((indicator) => indicator.id);
	const sourceIds = [...new Set(indicatorRows.flatMap((indicator) => (indicator.sourceId ? [indicator.sourceId] : [])))];
	const [newest, calendars, disclosure, interimTargets] = await Promise.all([
		selectNewestValues(db, municipalityId, indicatorIds),
		selectReleaseCalendars(db, municipalityId, sourceIds),
		loadDisclosure(db, municipalityId, indicatorRows, { recentPeriods: NEWEST_VALUE_PERIODS }),
		selectInterimTargets(db, municipalityId, indicatorIds)
	]);
	const interimTargetsOf = groupBy(interimTargets, (row) => row.indicatorId);
	const newestOf = new Map(newest.map((row) => [row.indicatorId, row]));
	const calendarOf = new Map(calendars.map((row) => [row.id, row]));
	const indicatorViews = indicatorRows.map((indicator) =>
		viewIndicator(
			indicator,
			disclosure.latestCity(indicator.id),
			newestOf.get(indicator.id) ?? null,
			(indicator.sourceId && calendarOf.get(indicator.sourceId)) || null,
			today,
			interimTargetsOf.get(indicator.id) ?? []
		)
	);
	return { indicatorViews, disclosure };
}

/**
 * One page of an edition's measures in document order with their tracking, partner organisations and
 * districts: a handful of queries bounded by the page, whatever the size of the edition.
 */
export async function listMeasuresAfter(scope: EditionScope & { after: OutlineNumber | null; limit: number }) {
	const { db, municipalityId } = scope;
	const { strategy, edition } = await getEditionHead(scope);
	const rows = await selectMeasurePage(db, { municipalityId, editionId: edition.id, after: scope.after, limit: scope.limit });
	const ids = rows.map((row) => row.id);
	const [trackingRows, organisationRows, districtRows] = await Promise.all([
		selectTrackingOfMeasures(db, municipalityId, ids),
		selectOrganisationsOfMeasures(db, municipalityId, ids),
		selectDistrictsOfMeasures(db, municipalityId, ids)
	]);
	const trackingOf = new Map(trackingRows.map((row) => [row.measureId, row]));
	const organisationsOf = groupBy(organisationRows, (row) => row.measureId);
	const districtsOf = groupBy(districtRows, (row) => row.measureId);
	return {
		strategy,
		edition,
		measures: rows.map((row) => ({
			...row,
			tracking: trackingOf.get(row.id) ?? untracked,
			organisations: (organisationsOf.get(row.id) ?? []).map(({ id, name }) => ({ id, name })),
			districts: (districtsOf.get(row.id) ?? []).map(({ id, slug, name }) => ({ id, slug, name }))
		}))
	};
}

/** One page of an edition's indicators by name (code point order) then id, viewed as the monitor views them. */
export async function listIndicatorsAfter(scope: EditionScope & { after: { name: string; id: string } | null; limit: number; today: string }) {
	const { db, municipalityId } = scope;
	const { strategy, edition } = await getEditionHead(scope);
	const rows = await selectIndicatorPage(db, { municipalityId, editionId: edition.id, after: scope.after, limit: scope.limit });
	const { indicatorViews } = await viewIndicators(db, municipalityId, rows, scope.today);
	return { strategy, edition, indicators: indicatorViews };
}

/** The monitor and the disclosure its public values came from, for pages that show more cells. */
async function loadMonitorWithDisclosure({ db, municipalityId, strategySlug, number, today }: EditionScope & { today: string }) {
	const page = await getEditionPage({ db, municipalityId, strategySlug, number });
	const editionId = page.edition.id;
	const measureIds = page.outline.flatMap((field) => field.goals.flatMap((goal) => goal.measures.map((measure) => measure.id)));
	const [trackingRows, organisationRows, districtRows, indicatorRows, districtList] = await Promise.all([
		selectTrackingOfEdition(db, municipalityId, editionId),
		selectOrganisationsOfMeasures(db, municipalityId, measureIds),
		selectDistrictsOfMeasures(db, municipalityId, measureIds),
		selectIndicatorsOfEdition(db, municipalityId, editionId),
		listDistricts({ db, municipalityId })
	]);
	const { indicatorViews, disclosure } = await viewIndicators(db, municipalityId, indicatorRows, today);
	const trackingOf = new Map(trackingRows.map((row) => [row.measureId, row]));
	const organisationsOf = groupBy(organisationRows, (row) => row.measureId);
	const districtsOf = groupBy(districtRows, (row) => row.measureId);
	const indicatorsOfGoal = groupBy(indicatorViews.filter((i) => i.goalId), (i) => i.goalId!);
	const indicatorsOfMeasure = groupBy(indicatorViews.filter((i) => i.measureId), (i) => i.measureId!);

	const fields = page.outline.map((field) => {
		const goals = field.goals.map((goal) => {
			const goalMeasures = goal.measures.map((measure) => {
				const tracking = trackingOf.get(measure.id);
				return {
					...measure,
					tracking: tracking ?? untracked,
					organisations: (organisationsOf.get(measure.id) ?? []).map(({ id, name }) => ({ id, name })),
					districts: (districtsOf.get(measure.id) ?? []).map(({ id, slug, name }) => ({ id, slug, name })),
					indicators: indicatorsOfMeasure.get(measure.id) ?? []
				};
			});
			return {
				...goal,
				progress: rollUpProgress(goalMeasures.map((m) => m.tracking)),
				measures: goalMeasures,
				indicators: indicatorsOfGoal.get(goal.id) ?? []
			};
		});
		return { ...field, progress: rollUpProgress(goals.flatMap((goal) => goal.measures.map((m) => m.tracking))), goals };
	});
	return { monitor: { strategy: page.strategy, edition: page.edition, fields, indicators: indicatorViews, districts: districtList }, disclosure };
}

export type EditionMonitor = Awaited<ReturnType<typeof loadEditionMonitor>>;
export type MonitorField = EditionMonitor['fields'][number];
export type MonitorGoal = MonitorField['goals'][number];
export type MonitorMeasure = MonitorGoal['measures'][number];

/** Measures a district sees: those placed in it and those for the whole city. */
const servesDistrict = (measure: MonitorMeasure, slug: string) => measure.tracking.cityWide || measure.districts.some((d) => d.slug === slug);

/** Owner filter values: "office:<name>" for the responsible office, "organisation:<id>" for a partner. */
const ownedBy = (measure: MonitorMeasure, owner: string) =>
	owner.startsWith('office:')
		? measure.tracking.responsibleOffice.trim() === owner.slice('office:'.length)
		: measure.organisations.some((o) => `organisation:${o.id}` === owner);

/** Every office and partner organisation that owns at least one measure of the edition, sorted by name. */
function ownersOf(measures: MonitorMeasure[]) {
	const offices = new Set<string>();
	const organisations = new Map<string, string>();
	for (const measure of measures) {
		const office = measure.tracking.responsibleOffice.trim();
		if (office) offices.add(office);
		for (const organisation of measure.organisations) organisations.set(organisation.id, organisation.name);
	}
	const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'de');
	return {
		offices: [...offices].map((name) => ({ value: `office:${name}`, name })).sort(byName),
		organisations: [...organisations].map(([id, name]) => ({ value: `organisation:${id}`, name })).sort(byName)
	};
}

/** The public monitor: fields → goals → measures, narrowed by the visitor's filters. */
export async function getMonitor(scope: EditionScope & { filter: MonitorFilter; today: string }) {
	const monitor = await loadEditionMonitor(scope);
	const { field, status, district, goal: goalId, owner } = scope.filter;
	const filtering = Boolean(field || status || district || goalId || owner);
	const matches = (measure: MonitorMeasure) =>
		(!status || measure.tracking.status === status) && (!district || servesDistrict(measure, district)) && (!owner || ownedBy(measure, owner));
	const shown = monitor.fields
		.filter((f) => !field || f.id === field)
		.map((f) => ({
			...f,
			goals: f.goals
				.filter((goal) => !goalId || goal.id === goalId)
				.map((goal) => ({ ...goal, measures: goal.measures.filter(matches) }))
				.filter((goal) => !filtering || goal.measures.length > 0)
		}))
		.filter((f) => !filtering || f.goals.length > 0);
	const all = monitor.fields.flatMap((f) => f.goals.flatMap((goal) => goal.measures));
	const statusCounts = new Map<MeasureStatus, number>();
	for (const measure of all) statusCounts.set(measure.tracking.status, (statusCounts.get(measure.tracking.status) ?? 0) + 1);
	return {
		...monitor,
		fields: shown,
		allFields: monitor.fields.map(({ id, title, number, goals }) => ({ id, title, number, goals: goals.map((g) => ({ id: g.id, title: g.title, number: g.number })) })),
		owners: ownersOf(all),
		shownMeasureCount: shown.reduce((sum, f) => sum + f.goals.reduce((s, goal) => s + goal.measures.length, 0), 0),
		measureCount: all.length,
		statusCounts: Object.fromEntries(statusCounts) as Partial<Record<MeasureStatus, number>>,
		overallProgress: rollUpProgress(all.map((m) => m.tracking))
	};
}

function findMeasure(monitor: EditionMonitor, measureId: string) {
	for (const field of monitor.fields) {
		for (const goal of field.goals) {
			const measure = goal.measures.find((m) => m.id === measureId);
			if (measure) return { field, goal, measure };
		}
	}
	return undefined;
}

/** Staff of the municipality, or a member of one of the measure's organisations. */
export async function mayReportOn(db: Executor, actor: Actor | null, municipalityId: string, measureId: string): Promise<boolean> {
	if (!actor) return false;
	if (actor.isPlatformAdmin || hasRole(actor, municipalityId, 'admin') || hasRole(actor, municipalityId, 'facilitator')) return true;
	return selectIsMeasureOwner(db, municipalityId, measureId, actor.userId);
}

export async function getMeasurePage(scope: EditionScope & { measureId: string; actor: Actor | null; today: string }) {
	if (!isUuid(scope.measureId)) throw measureNotFound();
	const monitor = await loadEditionMonitor(scope);
	const found = findMeasure(monitor, scope.measureId);
	if (!found) throw measureNotFound();
	const [updates, mayReport] = await Promise.all([
		selectProgressUpdates(scope.db, scope.municipalityId, scope.measureId),
		mayReportOn(scope.db, scope.actor, scope.municipalityId, scope.measureId)
	]);
	return { strategy: monitor.strategy, edition: monitor.edition, ...found, updates, mayReport };
}

/** `recent`: the newest values (RECENT_SHOWN_MEASUREMENTS); `whole`: as far back as a page holds. */
export type IndicatorHistory = 'recent' | 'whole';

/**
 * An indicator's public page. `series` are the series keys the reader asked for (capped, see
 * chooseSeries); staff see the overall and per-district values, uncapped, as they enter them, and
 * withheld values stay visible to them, marked.
 */
export async function getIndicatorPage(
	scope: EditionScope & { indicatorId: string; today: string; staff?: boolean; series?: readonly string[]; history?: IndicatorHistory }
) {
	if (!isUuid(scope.indicatorId)) throw indicatorNotFound();
	// The edition's outline names the goal or measure; of the monitor, only this indicator is read.
	const [page, row] = await Promise.all([
		getEditionPage({ db: scope.db, municipalityId: scope.municipalityId, strategySlug: scope.strategySlug, number: scope.number }),
		selectIndicator(scope.db, scope.municipalityId, scope.indicatorId)
	]);
	if (!row || row.editionId !== page.edition.id) throw indicatorNotFound();
	const {
		indicatorViews: [indicator]
	} = await viewIndicators(scope.db, scope.municipalityId, [row], scope.today);
	const [seriesKeys, labels] = await Promise.all([
		selectSeriesKeysOfIndicator(scope.db, scope.municipalityId, indicator.id),
		selectBreakdownLabels(scope.db, scope.municipalityId, indicator.id)
	]);
	const options = describeSeries(seriesKeys, labels);
	const overview = options.filter((option) => option.detailLevel === 0 || option.districtSlug !== null);
	const choice = scope.staff ? { ...chooseSeries(options, [], options.length), shownKeys: overview.map((option) => option.key) } : chooseSeries(options, scope.series ?? []);
	const shownKeys = new Set(choice.shownKeys);
	const optionOf = new Map(options.map((option) => [option.key, option]));
	// The district comparison reads the overall and per-district series whichever the chart shows.
	const readKeys = [...new Set([...choice.shownKeys, ...overview.map((option) => option.key)])];
	// Staff check and correct values, so they see as far back as a page holds.
	const history: IndicatorHistory = scope.history ?? (scope.staff ? 'whole' : 'recent');
	// However many districts there are, the recent view still shows every read series on a few dates.
	const limit = history === 'whole' ? MAX_SHOWN_MEASUREMENTS : Math.max(RECENT_SHOWN_MEASUREMENTS, readKeys.length * 4);
	const { rows, olderLeftOut } = await selectMeasurementsOfIndicator(scope.db, scope.municipalityId, indicator.id, readKeys, limit);
	// The monitor judged only the newest periods; the page judges the periods it shows.
	const shownDates = new Set(rows.map((row) => row.measuredOn)).size;
	const seriesDisclosure = await loadDisclosure(scope.db, scope.municipalityId, [indicator], { recentPeriods: Math.max(1, shownDates) });
	const measurements = rows
		.filter((row) => shownKeys.has(row.seriesKey))
		.map((row) => {
			const shown = seriesDisclosure.of(row.id);
			const parts = optionOf.get(row.seriesKey)?.parts ?? [];
			return { ...row, seriesName: parts.length === 0 ? null : parts.join(', '), value: scope.staff ? row.value : shown.value, suppression: shown.suppression };
		});
	let subject: { kind: 'goal' | 'measure'; id: string; title: string; number: string } | null = null;
	for (const field of page.outline) {
		for (const goal of field.goals) {
			if (goal.id === indicator.goalId) subject = { kind: 'goal', id: goal.id, title: goal.title, number: goal.number };
			const measure = goal.measures.find((m) => m.id === indicator.measureId);
			if (measure) subject = { kind: 'measure', id: measure.id, title: measure.title, number: measure.number };
		}
	}
	// Compared on published values only, also for staff: the comparison is what the public reads.
	const overviewKeys = new Set(overview.map((option) => option.key));
	const published = rows.flatMap((row) => {
		const value = seriesDisclosure.of(row.id).value;
		return value === null || !overviewKeys.has(row.seriesKey) ? [] : [{ ...row, value }];
	});
	const provenance = await loadIndicatorProvenance({ db: scope.db, municipalityId: scope.municipalityId, indicator, measurementIds: rows.map((row) => row.id) });
	const series = {
		options: choice.options.map((option) => ({ key: option.key, name: option.parts.length === 0 ? null : option.parts.join(', '), shown: shownKeys.has(option.key) })),
		shown: choice.shownKeys.length,
		total: options.length,
		cap: choice.cap,
		overallKey: choice.overallKey
	};
	return {
		strategy: page.strategy,
		edition: page.edition,
		indicator,
		subject,
		measurements,
		series,
		history,
		olderLeftOut,
		shownDates,
		districtComparison: compareDistricts(published),
		provenance
	};
}

export async function getDistrictPage(scope: EditionScope & { districtSlug: string; today: string }) {
	const { monitor, disclosure } = await loadMonitorWithDisclosure(scope);
	const district = monitor.districts.find((d) => d.slug === scope.districtSlug);
	if (!district) throw districtNotFound();
	const measures = monitor.fields.flatMap((field) =>
		field.goals.flatMap((goal) => goal.measures.filter((m) => servesDistrict(m, district.slug)).map((measure) => ({ ...measure, goalTitle: goal.title, fieldTitle: field.title })))
	);
	const valueOf = new Map(
		monitor.indicators.flatMap((indicator) => {
			const latest = disclosure.latestInDistrict(indicator.id, district.slug);
			return latest ? [[indicator.id, latest] as const] : [];
		})
	);
	return {
		strategy: monitor.strategy,
		edition: monitor.edition,
		district,
		districts: monitor.districts,
		localMeasures: measures.filter((m) => !m.tracking.cityWide),
		cityWideMeasures: measures.filter((m) => m.tracking.cityWide),
		progress: rollUpProgress(measures.filter((m) => !m.tracking.cityWide).map((m) => m.tracking)),
		indicatorValues: monitor.indicators
			.filter((indicator) => valueOf.has(indicator.id))
			.map((indicator) => ({ indicator, value: valueOf.get(indicator.id)!.value, measuredOn: valueOf.get(indicator.id)!.measuredOn }))
	};
}

