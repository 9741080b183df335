// Data access of the measurement model (dimensions, members, breakdowns, measurements). Every query
// is scoped by municipality; the combination of a measurement is written with the measurement.
import { and, asc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { districts } from '../tenancy/tenancy.schema';
import { indicators } from './monitoring.schema';
import { dimensionMembers, dimensions, indicatorBreakdowns, indicatorMeasurements, measurementMembers } from './measurement.schema';
import { TOTAL_MEMBER_KEY } from '../../measurement-values';
import { insertRevisions, lockStatesByKey } from './measurement-revision.queries';

export const DISTRICT_DIMENSION_KEY = 'district';

/** measurement id → district, for measurements that name a district member; join it with a left join. */
export function districtOfMeasurement(db: Executor) {
	return db
		.select({ measurementId: measurementMembers.measurementId, districtId: sql<string>`${dimensionMembers.districtId}`.as('district_id') })
		.from(measurementMembers)
		.innerJoin(dimensionMembers, and(eq(dimensionMembers.id, measurementMembers.memberId), isNotNull(dimensionMembers.districtId)))
		.as('district_of_measurement');
}

/** Creates the municipality's district dimension, its total and one member per district, if missing. */
export async function upsertDistrictDimension(tx: Executor, municipalityId: string) {
	await tx
		.insert(dimensions)
		.values({ municipalityId, key: DISTRICT_DIMENSION_KEY, label: 'Stadtteil', position: 0 })
		.onConflictDoNothing();
	const [dimension] = await tx
		.select({ id: dimensions.id })
		.from(dimensions)
		.where(and(eq(dimensions.municipalityId, municipalityId), eq(dimensions.key, DISTRICT_DIMENSION_KEY)));
	await tx
		.insert(dimensionMembers)
		.values({ municipalityId, dimensionId: dimension.id, key: TOTAL_MEMBER_KEY, label: 'Gesamt', position: 0, isTotal: true })
		.onConflictDoNothing();
	await tx.execute(sql`
		insert into ${dimensionMembers} (municipality_id, dimension_id, key, label, position, district_id)
		select ${districts.municipalityId}, ${dimension.id}, ${districts.slug}, ${districts.name}, ${districts.position} + 1, ${districts.id}
		from ${districts} where ${districts.municipalityId} = ${municipalityId}
		on conflict do nothing`);
	return dimension.id;
}

export type BreakdownMember = { dimensionId: string; dimensionKey: string; memberId: string; memberKey: string; isTotal: boolean; districtId: string | null };

/** Every member of every dimension the given indicators expect, bounded by the indicators' breakdowns. */
export async function selectBreakdownMembers(db: Executor, municipalityId: string, indicatorIds: string[]) {
	if (indicatorIds.length === 0) return [];
	return db
		.select({
			indicatorId: indicatorBreakdowns.indicatorId,
			dimensionId: dimensions.id,
			dimensionKey: dimensions.key,
			memberId: dimensionMembers.id,
			memberKey: dimensionMembers.key,
			isTotal: dimensionMembers.isTotal,
			districtId: dimensionMembers.districtId
		})
		.from(indicatorBreakdowns)
		.innerJoin(dimensions, eq(dimensions.id, indicatorBreakdowns.dimensionId))
		.innerJoin(dimensionMembers, eq(dimensionMembers.dimensionId, dimensions.id))
		.where(and(eq(indicatorBreakdowns.municipalityId, municipalityId), inArray(indicatorBreakdowns.indicatorId, indicatorIds)))
		.orderBy(asc(indicatorBreakdowns.position), asc(dimensions.key), asc(dimensionMembers.position));
}

export async function insertBreakdown(tx: Executor, values: typeof indicatorBreakdowns.$inferInsert) {
	await tx.insert(indicatorBreakdowns).values(values).onConflictDoNothing();
}


/** Inserts measurements with their member rows; `members` per row are the member ids of its combination. */
export async function insertMeasurementRows(
	tx: Executor,
	rows: { values: typeof indicatorMeasurements.$inferInsert; members: { dimensionId: string; memberId: string }[] }[],
	{ replace = false, revisedBy = null }: { replace?: boolean; revisedBy?: string | null } = {}
) {
	if (rows.length === 0) return [];
	// An overwrite is a correction: the values it replaces are kept as revisions in this transaction.
	const before = replace
		? await lockStatesByKey(
				tx,
				rows[0].values.municipalityId,
				rows.map(({ values }) => ({ indicatorId: values.indicatorId, seriesKey: values.seriesKey, periodStart: values.periodStart, periodEnd: values.periodEnd }))
			)
		: [];
	const insert = tx.insert(indicatorMeasurements).values(rows.map((row) => row.values));
	const inserted = replace
		? await insert
				.onConflictDoUpdate({
					target: [indicatorMeasurements.indicatorId, indicatorMeasurements.seriesKey, indicatorMeasurements.periodStart, indicatorMeasurements.periodEnd],
					set: {
						value: sql`excluded.value`,
						qualifier: sql`excluded.qualifier`,
						unit: sql`excluded.unit`,
						estimate: sql`excluded.estimate`,
						provisional: sql`excluded.provisional`,
						seriesBreak: sql`excluded.series_break`,
						suppressed: sql`excluded.suppressed`,
						sourceId: sql`excluded.source_id`,
						sourceNote: sql`excluded.source_note`,
						enteredBy: sql`excluded.entered_by`,
						importBatchId: sql`excluded.import_batch_id`,
						updatedAt: sql`now()`
					}
				})
				.returning()
		: await insert.returning();
	if (before.length > 0) {
		const stored = new Map(before.map((state) => [state.id, state]));
		await insertRevisions(
			tx,
			rows[0].values.municipalityId,
			inserted.flatMap((after, i) => {
				const previous = stored.get(after.id);
				const author = { changedBy: revisedBy ?? rows[i].values.enteredBy ?? null, importBatchId: rows[i].values.importBatchId ?? null };
				return previous ? [{ before: previous, after, author }] : [];
			})
		);
	}
	const memberRows = inserted.flatMap((measurement, i) =>
		rows[i].members.map((member) => ({ measurementId: measurement.id, dimensionId: member.dimensionId, memberId: member.memberId, municipalityId: measurement.municipalityId }))
	);
	// A replaced row keeps its members: the same series key names the same members.
	for (let start = 0; start < memberRows.length; start += 5000)
		await tx
			.insert(measurementMembers)
			.values(memberRows.slice(start, start + 5000))
			.onConflictDoNothing();
	return inserted;
}

/** The next free `ind-N` code of an edition (codes of indicators created without one). */
export async function selectNextIndicatorCode(tx: Executor, editionId: string) {
	const [row] = await tx
		.select({ next: sql<number>`coalesce(max(substring(${indicators.code} from '^ind-([0-9]+)$')::int), 0) + 1` })
		.from(indicators)
		.where(eq(indicators.editionId, editionId));
	return `ind-${row.next}`;
}

/** Which of these indicators belong to the municipality. */
export async function selectIndicatorIdsOf(db: Executor, municipalityId: string, indicatorIds: string[]) {
	if (indicatorIds.length === 0) return [];
	const rows = await db
		.select({ id: indicators.id })
		.from(indicators)
		.where(and(eq(indicators.municipalityId, municipalityId), inArray(indicators.id, indicatorIds)));
	return rows.map((row) => row.id);
}

/** The codes a measurement file names its indicators by, in the edition; bounded by the edition's indicators. */
export async function selectIndicatorCodes(db: Executor, municipalityId: string, editionId: string) {
	const rows = await db
		.select({ code: indicators.code })
		.from(indicators)
		.where(and(eq(indicators.municipalityId, municipalityId), eq(indicators.editionId, editionId)))
		.orderBy(asc(indicators.code))
		.limit(500);
	return rows.map((row) => row.code);
}
