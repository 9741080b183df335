// Data access for staleness: the newest value of each indicator and the release calendars of their
// sources, each in one bounded query for a whole edition (or a whole municipality's to-do list).
import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lte, ne, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { editions, strategies } from '../document/document.schema';
import { municipalities } from '../tenancy/tenancy.schema';
import { indicatorMeasurements } from './measurement.schema';
import { indicatorSources, indicators } from './monitoring.schema';

const MAX_INDICATORS = 2000;
const MAX_SOURCES = 500;

/**
 * Per indicator, the end of its newest period and the day the newest value of that period was recorded
 * (entered or imported), withheld values included. One backward index step per indicator, reading only
 * the rows of its newest period.
 */
export async function selectNewestValues(db: Executor, municipalityId: string, indicatorIds: string[]) {
	if (indicatorIds.length === 0) return [];
	const newest = db
		.select({
			periodEnd: sql<string>`${indicatorMeasurements.measuredOn}`.as('newest_period_end'),
			recordedAt: sql<string>`${indicatorMeasurements.createdAt}`.as('newest_recorded_at')
		})
		.from(indicatorMeasurements)
		.where(and(eq(indicatorMeasurements.municipalityId, municipalityId), eq(indicatorMeasurements.indicatorId, indicators.id)))
		.orderBy(desc(indicatorMeasurements.measuredOn), desc(indicatorMeasurements.createdAt))
		.limit(1)
		.as('newest_value');
	return db
		.select({
			indicatorId: indicators.id,
			periodEnd: newest.periodEnd,
			// The record day as a calendar date where the municipality is, like the `today` it is compared with.
			recordedOn: sql<string>`(${newest.recordedAt} at time zone ${municipalities.timeZone})::date::text`
		})
		.from(indicators)
		.innerJoin(municipalities, eq(municipalities.id, indicators.municipalityId))
		.innerJoinLateral(newest, sql`true`)
		.where(and(eq(indicators.municipalityId, municipalityId), inArray(indicators.id, indicatorIds)));
}

const calendarColumns = {
	id: indicatorSources.id,
	key: indicatorSources.key,
	publisher: indicatorSources.publisher,
	dataset: indicatorSources.dataset,
	frequency: indicatorSources.frequency,
	lastReleaseOn: indicatorSources.lastReleaseOn,
	nextReleaseOn: indicatorSources.nextReleaseOn
};

export type SourceCalendar = Awaited<ReturnType<typeof selectReleaseCalendars>>[number];

export async function selectReleaseCalendars(db: Executor, municipalityId: string, sourceIds: string[]) {
	if (sourceIds.length === 0) return [];
	return db
		.select(calendarColumns)
		.from(indicatorSources)
		.where(and(eq(indicatorSources.municipalityId, municipalityId), inArray(indicatorSources.id, sourceIds)))
		.limit(MAX_SOURCES);
}

/** Sources whose next release falls between `from` and `until` (both included), soonest first. */
export async function selectSourcesReleasingBy(db: Executor, municipalityId: string, from: string, until: string) {
	return db
		.select(calendarColumns)
		.from(indicatorSources)
		.where(
			and(
				eq(indicatorSources.municipalityId, municipalityId),
				isNotNull(indicatorSources.nextReleaseOn),
				gte(indicatorSources.nextReleaseOn, from),
				lte(indicatorSources.nextReleaseOn, until)
			)
		)
		.orderBy(asc(indicatorSources.nextReleaseOn), asc(indicatorSources.publisher))
		.limit(MAX_SOURCES);
}

/** The indicators of every edition still in use (not superseded), with edition and strategy, for the to-do list. */
export async function selectIndicatorsOfMunicipality(db: Executor, municipalityId: string) {
	return db
		.select({
			id: indicators.id,
			name: indicators.name,
			code: indicators.code,
			frequency: indicators.frequency,
			baselineDate: indicators.baselineDate,
			sourceId: indicators.sourceId,
			editionId: editions.id,
			editionNumber: editions.number,
			editionStage: editions.stage,
			strategySlug: strategies.slug,
			strategyTitle: strategies.title
		})
		.from(indicators)
		.innerJoin(editions, eq(editions.id, indicators.editionId))
		.innerJoin(strategies, eq(strategies.id, editions.strategyId))
		.where(and(eq(indicators.municipalityId, municipalityId), ne(editions.stage, 'superseded')))
		.orderBy(asc(strategies.title), desc(editions.number), asc(indicators.name))
		.limit(MAX_INDICATORS);
}

/** Demo: a source, unless one with its key exists already; returns the id either way. */
export async function insertSourceUnlessKeyExists(tx: Executor, values: typeof indicatorSources.$inferInsert) {
	await tx.insert(indicatorSources).values(values).onConflictDoNothing();
	const [row] = await tx
		.select({ id: indicatorSources.id })
		.from(indicatorSources)
		.where(and(eq(indicatorSources.municipalityId, values.municipalityId), eq(indicatorSources.key, values.key)))
		.limit(1);
	return row.id;
}

/** Demo: names the source of the indicators with these codes that have none yet. */
export async function setSourceOfIndicatorsWithoutOne(tx: Executor, municipalityId: string, codes: string[], sourceId: string) {
	if (codes.length === 0) return;
	await tx
		.update(indicators)
		.set({ sourceId })
		.where(and(eq(indicators.municipalityId, municipalityId), inArray(indicators.code, codes), isNull(indicators.sourceId)));
}
