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
type ImportedRow = {
	values: {
		municipalityId: string;
		indicatorId: string;
		periodKind: (typeof indicatorMeasurements.$inferInsert)['periodKind'];
		periodStart: string;
		periodEnd: string;
		seriesKey: string;
		value: number | null;
		qualifier: (typeof indicatorMeasurements.$inferInsert)['qualifier'];
		unit: string;
		estimate: boolean;
		provisional: boolean;
		seriesBreak: boolean;
		suppressed: boolean;
		sourceId: string | null;
		sourceNote: string;
		importBatchId: string;
	};
	members: { dimensionId: string; memberId: string }[];
};

/**
 * Writes a batch of imported values as one statement over column arrays: a handful of parameters
 * instead of twenty per row, which is what kept an import of a million rows at a few hundred rows a
 * second. Members follow by the series and period each value was written for.
 */
export async function insertImportedMeasurementRows(
	tx: Executor,
	rows: ImportedRow[],
	{ replace = false, revisedBy = null }: { replace?: boolean; revisedBy?: string | null } = {}
) {
	if (rows.length === 0) return 0;
	// An overwrite is a correction: the values it replaces are kept as revisions in this transaction.
	const before = replace ? await lockStatesByKey(tx, rows[0].values.municipalityId, rows.map(({ values }) => values)) : [];
	const column = <T>(pick: (values: ImportedRow['values']) => T) => sql.param(rows.map((row) => pick(row.values)));
	const { rows: written } = await tx.execute<{ id: string; indicatorId: string; seriesKey: string; periodStart: string; periodEnd: string }>(sql`
		insert into ${indicatorMeasurements} (municipality_id, indicator_id, period_kind, period_start, period_end, series_key, value, qualifier,
			unit, estimate, provisional, series_break, suppressed, source_id, source_note, import_batch_id)
		select * from unnest(
			${column((v) => v.municipalityId)}::uuid[], ${column((v) => v.indicatorId)}::uuid[], ${column((v) => v.periodKind)}::measurement_period_kind[],
			${column((v) => v.periodStart)}::date[], ${column((v) => v.periodEnd)}::date[], ${column((v) => v.seriesKey)}::text[],
			${column((v) => v.value)}::double precision[], ${column((v) => v.qualifier)}::measurement_qualifier[], ${column((v) => v.unit)}::text[],
			${column((v) => v.estimate)}::boolean[], ${column((v) => v.provisional)}::boolean[], ${column((v) => v.seriesBreak)}::boolean[],
			${column((v) => v.suppressed)}::boolean[], ${column((v) => v.sourceId)}::uuid[], ${column((v) => v.sourceNote)}::text[],
			${column((v) => v.importBatchId)}::uuid[]
		)
		${
			replace
				? sql`on conflict (indicator_id, series_key, period_start, period_end) do update set value = excluded.value, qualifier = excluded.qualifier,
					unit = excluded.unit, estimate = excluded.estimate, provisional = excluded.provisional, series_break = excluded.series_break,
					suppressed = excluded.suppressed, source_id = excluded.source_id, source_note = excluded.source_note, entered_by = excluded.entered_by,
					import_batch_id = excluded.import_batch_id, updated_at = now()`
				: sql``
		}
		returning id, indicator_id as "indicatorId", series_key as "seriesKey", period_start::text as "periodStart", period_end::text as "periodEnd"`);
	const keyOf = (v: { indicatorId: string; seriesKey: string; periodStart: string; periodEnd: string }) => `${v.indicatorId}|${v.seriesKey}|${v.periodStart}|${v.periodEnd}`;
	const idOf = new Map(written.map((row) => [keyOf(row), row.id]));
	if (before.length > 0) {
		const writtenOf = new Map(rows.map((row) => [keyOf(row.values), row.values]));
		await insertRevisions(
			tx,
			rows[0].values.municipalityId,
			before.flatMap((previous) => {
				const after = writtenOf.get(keyOf(previous));
				return after ? [{ before: previous, after: { ...after, qualifier: after.qualifier ?? null }, author: { changedBy: revisedBy, importBatchId: after.importBatchId } }] : [];
			})
		);
	}
	const members = rows.flatMap((row) => row.members.map((member) => ({ measurementId: idOf.get(keyOf(row.values))!, ...member, municipalityId: row.values.municipalityId })));
	// A replaced row keeps its members: the same series key names the same members.
	if (members.length > 0) {
		await tx.execute(sql`
			insert into ${measurementMembers} (measurement_id, dimension_id, member_id, municipality_id)
			select * from unnest(${sql.param(members.map((m) => m.measurementId))}::uuid[], ${sql.param(members.map((m) => m.dimensionId))}::uuid[],
				${sql.param(members.map((m) => m.memberId))}::uuid[], ${sql.param(members.map((m) => m.municipalityId))}::uuid[])
			on conflict do nothing`);
	}
	return written.length;
}

/**
 * The stored values among the given series and periods, with the import batch that wrote each: one
 * probe of the unique index per key, however many values the indicators already hold.
 */
export async function selectStoredSeriesPeriods(
	tx: Executor,
	municipalityId: string,
	keys: { indicatorId: string; seriesKey?: string; periodStart: string; periodEnd: string }[]
) {
	if (keys.length === 0) return [];
	const { rows } = await tx.execute<{ indicatorId: string; seriesKey: string; periodStart: string; periodEnd: string; importBatchId: string | null }>(sql`
		select m.indicator_id as "indicatorId", m.series_key as "seriesKey", m.period_start::text as "periodStart", m.period_end::text as "periodEnd",
			m.import_batch_id as "importBatchId"
		from unnest(
			${sql.param(keys.map((key) => key.indicatorId))}::uuid[],
			${sql.param(keys.map((key) => key.seriesKey ?? ''))}::text[],
			${sql.param(keys.map((key) => key.periodStart))}::date[],
			${sql.param(keys.map((key) => key.periodEnd))}::date[]
		) as wanted(indicator_id, series_key, period_start, period_end)
		-- A lateral probe per key: during a long import the table's statistics still describe it as it was
		-- before, and a plain join was planned as a scan of every value per batch (quadratic in the file).
		cross join lateral (
			select stored.* from ${indicatorMeasurements} stored
			where stored.indicator_id = wanted.indicator_id and stored.series_key = wanted.series_key
				and stored.period_start = wanted.period_start and stored.period_end = wanted.period_end
				and stored.municipality_id = ${municipalityId}
			limit 1
		) m`);
	return rows;
}

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
