// Data access of measurement revisions: the state of measurements before a write (locked, so that the
// revision describes exactly the change this transaction makes) and the revision rows themselves.
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { indicatorMeasurements } from './measurement.schema';
import { measurementRevisions } from './measurement-revision.schema';
import { isRevision, revisionColumns, type MeasurementState } from './measurement-revision';

const stateColumns = {
	id: indicatorMeasurements.id,
	indicatorId: indicatorMeasurements.indicatorId,
	seriesKey: indicatorMeasurements.seriesKey,
	periodStart: indicatorMeasurements.periodStart,
	periodEnd: indicatorMeasurements.periodEnd,
	value: indicatorMeasurements.value,
	qualifier: indicatorMeasurements.qualifier,
	estimate: indicatorMeasurements.estimate,
	provisional: indicatorMeasurements.provisional,
	seriesBreak: indicatorMeasurements.seriesBreak,
	suppressed: indicatorMeasurements.suppressed
};

export type StoredState = MeasurementState & { id: string; indicatorId: string; seriesKey: string; periodStart: string; periodEnd: string };

type CellKey = { indicatorId: string; seriesKey: string; periodStart: string; periodEnd: string };

/** The stored measurements at these keys (indicator, series, period), locked until the transaction ends. */
export async function lockStatesByKey(tx: Executor, municipalityId: string, keys: CellKey[]): Promise<StoredState[]> {
	if (keys.length === 0) return [];
	const tuples = sql.join(
		keys.map((key) => sql`(${key.indicatorId}::uuid, ${key.seriesKey}::text, ${key.periodStart}::date, ${key.periodEnd}::date)`),
		sql`, `
	);
	return tx
		.select(stateColumns)
		.from(indicatorMeasurements)
		.where(
			and(
				eq(indicatorMeasurements.municipalityId, municipalityId),
				inArray(indicatorMeasurements.indicatorId, [...new Set(keys.map((key) => key.indicatorId))]),
				sql`(${indicatorMeasurements.indicatorId}, ${indicatorMeasurements.seriesKey}, ${indicatorMeasurements.periodStart}, ${indicatorMeasurements.periodEnd}) in (${tuples})`
			)
		)
		.for('update');
}

/** One stored measurement, locked until the transaction ends. */
export async function lockStateById(tx: Executor, municipalityId: string, id: string): Promise<StoredState | undefined> {
	const [row] = await tx
		.select(stateColumns)
		.from(indicatorMeasurements)
		.where(and(eq(indicatorMeasurements.municipalityId, municipalityId), eq(indicatorMeasurements.id, id)))
		.for('update');
	return row;
}

export type RevisionAuthor = { changedBy: string | null; importBatchId: string | null };

/** Records a revision for every pair whose value, qualifier or flags differ; unchanged pairs leave no trace. */
export async function insertRevisions(
	tx: Executor,
	municipalityId: string,
	changes: { before: StoredState; after: MeasurementState; author: RevisionAuthor }[]
) {
	const rows = changes
		.filter(({ before, after }) => isRevision(before, after))
		.map(({ before, after, author }) => ({
			municipalityId,
			measurementId: before.id,
			indicatorId: before.indicatorId,
			changedBy: author.changedBy,
			importBatchId: author.importBatchId,
			...revisionColumns(before, after)
		}));
	for (let start = 0; start < rows.length; start += 2000) await tx.insert(measurementRevisions).values(rows.slice(start, start + 2000));
	return rows.length;
}

/** The revisions of a measurement, newest first (bounded). */
export async function selectRevisionsOfMeasurement(db: Executor, municipalityId: string, measurementId: string) {
	return db
		.select()
		.from(measurementRevisions)
		.where(and(eq(measurementRevisions.municipalityId, municipalityId), eq(measurementRevisions.measurementId, measurementId)))
		.orderBy(desc(measurementRevisions.changedAt))
		.limit(200);
}

/** The newest revision time of each measurement of an indicator revised after `since`. */
export async function selectRevisedSince(db: Executor, municipalityId: string, indicatorId: string, since: Date) {
	return db
		.select({ measurementId: measurementRevisions.measurementId, changedAt: sql<Date>`max(${measurementRevisions.changedAt})`.mapWith((value: string | Date) => new Date(value)) })
		.from(measurementRevisions)
		.where(and(eq(measurementRevisions.municipalityId, municipalityId), eq(measurementRevisions.indicatorId, indicatorId), sql`${measurementRevisions.changedAt} > ${since}`))
		.groupBy(measurementRevisions.measurementId)
		.limit(2000);
}
