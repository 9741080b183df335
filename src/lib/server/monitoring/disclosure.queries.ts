// Reads for disclosure control: every cell of a set of indicators (the additive groups need all
// members of a period, not only those a page shows) and the municipality's minimum counts.
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { disclosureRules } from './disclosure.schema';
import { indicatorMeasurements } from './measurement.schema';
import { indicators } from './monitoring.schema';
import { insertRevisions, lockStateById } from './measurement-revision.queries';

export const MAX_DISCLOSURE_CELLS = 50_000;

/**
 * The cells of the indicators, newest period first; on the given reference dates only (a period's last day) when
 * dates are given: whole periods, so whole groups, for a page of values read by date. That read goes through the
 * (municipality, indicator, date) index, so a page's cost does not grow with the indicator's history.
 */
export async function selectCellsOfIndicators(db: Executor, municipalityId: string, indicatorIds: string[], onDates?: string[]) {
	if (indicatorIds.length === 0 || onDates?.length === 0) return [];
	return db
		.select({
			id: indicatorMeasurements.id,
			indicatorId: indicatorMeasurements.indicatorId,
			periodStart: indicatorMeasurements.periodStart,
			periodEnd: indicatorMeasurements.periodEnd,
			seriesKey: indicatorMeasurements.seriesKey,
			value: indicatorMeasurements.value,
			qualifier: indicatorMeasurements.qualifier,
			suppressed: indicatorMeasurements.suppressed
		})
		.from(indicatorMeasurements)
		.where(
			and(
				eq(indicatorMeasurements.municipalityId, municipalityId),
				inArray(indicatorMeasurements.indicatorId, indicatorIds),
				onDates ? inArray(indicatorMeasurements.measuredOn, onDates) : undefined
			)
		)
		.orderBy(desc(indicatorMeasurements.periodEnd), desc(indicatorMeasurements.periodStart), desc(indicatorMeasurements.createdAt))
		.limit(MAX_DISCLOSURE_CELLS + 1);
}

/**
 * The cells of each indicator's newest `periods` reference dates only, whole periods at a time: what a
 * page of newest values needs. Reading every cell of an edition grew with its history (100,000 cells a
 * town at a million measurements); this reads a few dozen per indicator through the
 * (municipality, indicator, date) index.
 */
export async function selectRecentCellsOfIndicators(db: Executor, municipalityId: string, indicatorIds: string[], periods: number) {
	if (indicatorIds.length === 0) return [];
	const { rows } = await db.execute<{
		id: string;
		indicatorId: string;
		periodStart: string;
		periodEnd: string;
		seriesKey: string;
		value: number | null;
		qualifier: string | null;
		suppressed: boolean;
	}>(sql`
		select cell.id, cell.indicator_id as "indicatorId", cell.period_start as "periodStart", cell.period_end as "periodEnd",
			cell.series_key as "seriesKey", cell.value, cell.qualifier, cell.suppressed
		from ${indicators} indicator
		cross join lateral (
			-- Date by date backwards, each step one index probe, so that the older history is never read.
			with recursive recent(measured_on, step) as (
				select max(dated.measured_on), 1 from ${indicatorMeasurements} dated
				where dated.municipality_id = ${municipalityId} and dated.indicator_id = indicator.id
				union all
				select (
					select max(dated.measured_on) from ${indicatorMeasurements} dated
					where dated.municipality_id = ${municipalityId} and dated.indicator_id = indicator.id and dated.measured_on < recent.measured_on
				), recent.step + 1
				from recent where recent.step < ${periods} and recent.measured_on is not null
			)
			select min(recent.measured_on) as since from recent
		) window_start
		join ${indicatorMeasurements} cell
			on cell.municipality_id = ${municipalityId} and cell.indicator_id = indicator.id and cell.measured_on >= window_start.since
		where indicator.municipality_id = ${municipalityId} and indicator.id in ${indicatorIds}
		order by cell.period_end desc, cell.period_start desc, cell.created_at desc
		limit ${MAX_DISCLOSURE_CELLS + 1}`);
	return rows;
}

export async function selectDisclosureRules(db: Executor, municipalityId: string) {
	return db
		.select({ indicatorId: disclosureRules.indicatorId, minCount: disclosureRules.minCount })
		.from(disclosureRules)
		.where(eq(disclosureRules.municipalityId, municipalityId))
		.limit(1000);
}

export async function upsertDisclosureRule(tx: Executor, values: { municipalityId: string; indicatorId: string | null; minCount: number }) {
	await tx
		.delete(disclosureRules)
		.where(
			and(
				eq(disclosureRules.municipalityId, values.municipalityId),
				values.indicatorId ? eq(disclosureRules.indicatorId, values.indicatorId) : isNull(disclosureRules.indicatorId)
			)
		);
	await tx.insert(disclosureRules).values(values);
}

/** Demo: the cells of an indicator, found by its code in a municipality, newest period first. */
export async function selectCellsByIndicatorCode(db: Executor, municipalityId: string, code: string) {
	return db
		.select({ id: indicatorMeasurements.id, seriesKey: indicatorMeasurements.seriesKey, periodKind: indicatorMeasurements.periodKind, periodEnd: indicatorMeasurements.periodEnd })
		.from(indicatorMeasurements)
		.innerJoin(indicators, eq(indicators.id, indicatorMeasurements.indicatorId))
		.where(and(eq(indicatorMeasurements.municipalityId, municipalityId), eq(indicators.code, code)))
		.orderBy(desc(indicatorMeasurements.periodEnd), indicatorMeasurements.seriesKey)
		.limit(500);
}

export async function updateCell(
	tx: Executor,
	municipalityId: string,
	id: string,
	changes: Partial<Pick<typeof indicatorMeasurements.$inferInsert, 'value' | 'suppressed' | 'seriesBreak' | 'sourceNote'>>,
	changedBy: string | null = null
) {
	const before = await lockStateById(tx, municipalityId, id);
	const [after] = await tx
		.update(indicatorMeasurements)
		.set({ ...changes, updatedAt: new Date() })
		.where(and(eq(indicatorMeasurements.municipalityId, municipalityId), eq(indicatorMeasurements.id, id)))
		.returning();
	if (before && after) await insertRevisions(tx, municipalityId, [{ before, after, author: { changedBy, importBatchId: null } }]);
}
