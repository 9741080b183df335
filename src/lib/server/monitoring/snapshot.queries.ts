// Data access of indicator snapshots: freezing an edition's measurements in one INSERT … SELECT, and
// reading frozen cells back, always scoped by municipality and bounded.
import { and, asc, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { editions, strategies } from '../document/document.schema';
import { MAX_DISCLOSURE_CELLS } from './disclosure.queries';
import { dimensionMembers, dimensions, indicatorMeasurements } from './measurement.schema';
import { indicators } from './monitoring.schema';
import { indicatorSnapshots, indicatorSnapshotValues, type SnapshotKind } from './snapshot.schema';

const MAX_SNAPSHOTS = 200;

export async function selectEditionForSnapshots(db: Executor, municipalityId: string, strategySlug: string, number: number) {
	const [row] = await db
		.select({ id: editions.id, number: editions.number, periodStart: editions.periodStart, periodEnd: editions.periodEnd, strategySlug: strategies.slug, strategyTitle: strategies.title })
		.from(editions)
		.innerJoin(strategies, and(eq(strategies.id, editions.strategyId), eq(strategies.municipalityId, municipalityId)))
		.where(and(eq(editions.municipalityId, municipalityId), eq(strategies.slug, strategySlug), eq(editions.number, number)));
	return row;
}

export async function selectEditionPeriod(db: Executor, municipalityId: string, editionId: string) {
	const [row] = await db
		.select({ id: editions.id, periodStart: editions.periodStart, periodEnd: editions.periodEnd })
		.from(editions)
		.where(and(eq(editions.municipalityId, municipalityId), eq(editions.id, editionId)));
	return row;
}

export async function insertSnapshot(tx: Executor, values: { municipalityId: string; editionId: string; kind: SnapshotKind; year: number; label: string; takenBy: string | null; takenAt?: Date }) {
	const [snapshot] = await tx.insert(indicatorSnapshots).values(values).onConflictDoNothing().returning();
	return snapshot;
}

/** Copies every measurement of the edition's indicators into the snapshot, in one statement. */
export async function copyEditionValues(tx: Executor, municipalityId: string, editionId: string, snapshotId: string) {
	const result = await tx.execute(sql`
		insert into ${indicatorSnapshotValues} (snapshot_id, measurement_id, municipality_id, indicator_id, period_kind, period_start, period_end,
			series_key, detail_level, value, qualifier, unit, estimate, provisional, series_break, suppressed)
		select ${snapshotId}, m.id, m.municipality_id, m.indicator_id, m.period_kind, m.period_start, m.period_end,
			m.series_key, m.detail_level, m.value, m.qualifier, m.unit, m.estimate, m.provisional, m.series_break, m.suppressed
		from ${indicatorMeasurements} m
		join ${indicators} i on i.id = m.indicator_id and i.municipality_id = ${municipalityId}
		where m.municipality_id = ${municipalityId} and i.edition_id = ${editionId}`);
	const count = result.rowCount ?? 0;
	await tx.update(indicatorSnapshots).set({ valueCount: count }).where(and(eq(indicatorSnapshots.municipalityId, municipalityId), eq(indicatorSnapshots.id, snapshotId)));
	return count;
}

export async function selectSnapshots(db: Executor, municipalityId: string, editionId: string) {
	return db
		.select()
		.from(indicatorSnapshots)
		.where(and(eq(indicatorSnapshots.municipalityId, municipalityId), eq(indicatorSnapshots.editionId, editionId)))
		.orderBy(desc(indicatorSnapshots.takenAt))
		.limit(MAX_SNAPSHOTS);
}

export async function selectAnnualReportSnapshot(db: Executor, municipalityId: string, editionId: string, year: number) {
	const [row] = await db
		.select()
		.from(indicatorSnapshots)
		.where(and(eq(indicatorSnapshots.municipalityId, municipalityId), eq(indicatorSnapshots.editionId, editionId), eq(indicatorSnapshots.kind, 'annual_report'), eq(indicatorSnapshots.year, year)));
	return row;
}

/** Frozen cells in the shape disclosure control judges (the measurement's id as the cell id), newest period first. */
export async function selectSnapshotCells(db: Executor, municipalityId: string, snapshotId: string, indicatorIds: string[]) {
	if (indicatorIds.length === 0) return [];
	return db
		.select({
			id: indicatorSnapshotValues.measurementId,
			indicatorId: indicatorSnapshotValues.indicatorId,
			periodKind: indicatorSnapshotValues.periodKind,
			periodStart: indicatorSnapshotValues.periodStart,
			periodEnd: indicatorSnapshotValues.periodEnd,
			seriesKey: indicatorSnapshotValues.seriesKey,
			value: indicatorSnapshotValues.value,
			qualifier: indicatorSnapshotValues.qualifier,
			suppressed: indicatorSnapshotValues.suppressed
		})
		.from(indicatorSnapshotValues)
		.where(
			and(
				eq(indicatorSnapshotValues.municipalityId, municipalityId),
				eq(indicatorSnapshotValues.snapshotId, snapshotId),
				inArray(indicatorSnapshotValues.indicatorId, indicatorIds)
			)
		)
		.orderBy(desc(indicatorSnapshotValues.periodEnd), desc(indicatorSnapshotValues.periodStart), asc(indicatorSnapshotValues.seriesKey))
		.limit(MAX_DISCLOSURE_CELLS + 1);
}

/** Frozen city-wide values (detail level 0) up to `until`, oldest first: what the annual report reads once published. */
export async function selectSnapshotCityValuesUntil(db: Executor, municipalityId: string, snapshotId: string, indicatorIds: string[], until: string) {
	if (indicatorIds.length === 0) return [];
	return db
		.select({ indicatorId: indicatorSnapshotValues.indicatorId, measuredOn: sql<string>`${indicatorSnapshotValues.periodEnd}`, value: sql<number>`${indicatorSnapshotValues.value}` })
		.from(indicatorSnapshotValues)
		.where(
			and(
				eq(indicatorSnapshotValues.municipalityId, municipalityId),
				eq(indicatorSnapshotValues.snapshotId, snapshotId),
				inArray(indicatorSnapshotValues.indicatorId, indicatorIds),
				eq(indicatorSnapshotValues.detailLevel, 0),
				eq(indicatorSnapshotValues.suppressed, false),
				sql`${indicatorSnapshotValues.value} is not null`,
				lte(indicatorSnapshotValues.periodEnd, until)
			)
		)
		.orderBy(asc(indicatorSnapshotValues.indicatorId), asc(indicatorSnapshotValues.periodEnd))
		.limit(20_000);
}

/** The indicators of an edition with what the compare table names them by. */
export async function selectEditionIndicators(db: Executor, municipalityId: string, editionId: string) {
	return db
		.select({ id: indicators.id, code: indicators.code, name: indicators.name, unit: indicators.unit })
		.from(indicators)
		.where(and(eq(indicators.municipalityId, municipalityId), eq(indicators.editionId, editionId)))
		.orderBy(asc(indicators.code))
		.limit(500);
}

/** `dimension=member` → member label, for naming series. */
export async function selectMemberLabels(db: Executor, municipalityId: string) {
	return db
		.select({ dimensionKey: dimensions.key, memberKey: dimensionMembers.key, label: dimensionMembers.label })
		.from(dimensionMembers)
		.innerJoin(dimensions, eq(dimensions.id, dimensionMembers.dimensionId))
		.where(eq(dimensionMembers.municipalityId, municipalityId))
		.limit(5000);
}
