// Data access of the monitoring domain. Reads join the document's outline, the organisations registry
// and the districts read-only; every query is scoped by municipality and bounded.
import { and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { fields, goals, measures } from '../document/document.schema';
import { organisationMemberships, organisations, people } from '../people/organisation.schema';
import { districts } from '../tenancy/tenancy.schema';
import { mediaAssets } from '../media/media.schema';
import { indicatorMeasurements } from './measurement.schema';
import { districtOfMeasurement } from './measurement.queries';
import {
	indicators,
	measureDistricts,
	measureOrganisations,
	measureProgressUpdates,
	measureTracking
} from './monitoring.schema';

export type MeasureTracking = typeof measureTracking.$inferSelect;
export type Indicator = typeof indicators.$inferSelect;
export type Measurement = typeof indicatorMeasurements.$inferSelect;
export type ProgressUpdate = typeof measureProgressUpdates.$inferSelect;

const MAX_MEASURES = 2000;
const MAX_INDICATORS = 500;
// What one indicator page shows at most when asked for its whole history: ten years of quarters for the
// city and a dozen districts. Older values stay in the CSV download; a page of every value ever measured
// grew to megabytes.
export const MAX_SHOWN_MEASUREMENTS = 520;
// What it shows unless asked: a city-wide quarterly series for 25 years, or three years of it with a
// dozen districts beside. A reader on a phone wants the recent course; 520 table rows took a second to send.
export const RECENT_SHOWN_MEASUREMENTS = 100;


export async function selectTrackingOfEdition(db: Executor, municipalityId: string, editionId: string) {
	return db
		.select()
		.from(measureTracking)
		.where(and(eq(measureTracking.municipalityId, municipalityId), eq(measureTracking.editionId, editionId)))
		.limit(MAX_MEASURES);
}

export async function selectOrganisationsOfMeasures(db: Executor, municipalityId: string, measureIds: string[]) {
	if (measureIds.length === 0) return [];
	return db
		.select({ measureId: measureOrganisations.measureId, id: organisations.id, name: organisations.name })
		.from(measureOrganisations)
		.innerJoin(organisations, eq(organisations.id, measureOrganisations.organisationId))
		.where(and(eq(measureOrganisations.municipalityId, municipalityId), inArray(measureOrganisations.measureId, measureIds)))
		.orderBy(asc(organisations.name))
		.limit(MAX_MEASURES * 5);
}

export async function selectDistrictsOfMeasures(db: Executor, municipalityId: string, measureIds: string[]) {
	if (measureIds.length === 0) return [];
	return db
		.select({ measureId: measureDistricts.measureId, id: districts.id, slug: districts.slug, name: districts.name })
		.from(measureDistricts)
		.innerJoin(districts, eq(districts.id, measureDistricts.districtId))
		.where(and(eq(measureDistricts.municipalityId, municipalityId), inArray(measureDistricts.measureId, measureIds)))
		.orderBy(asc(districts.position), asc(districts.name))
		.limit(MAX_MEASURES * 10);
}

export async function selectIndicatorsOfEdition(db: Executor, municipalityId: string, editionId: string) {
	return db
		.select()
		.from(indicators)
		.where(and(eq(indicators.municipalityId, municipalityId), eq(indicators.editionId, editionId)))
		.orderBy(asc(indicators.name))
		.limit(MAX_INDICATORS);
}

/** The newest date of any value of each indicator, withheld ones included (for staleness). */
/** A measure's place in the printed numbering: field, goal within the field, measure within the goal (1-based). */
export type OutlineNumber = [field: number, goal: number, measure: number];

export type MeasureOfPage = {
	id: string;
	lineageId: string;
	title: string;
	goalId: string;
	fieldId: string;
	number: OutlineNumber;
};

/**
 * The measures of an edition after `after` in document order (fields, goals, measures by position,
 * then creation, then id — the order the document numbers them in), at most `limit` + 1. Fields and
 * goals of one edition are few and numbered in full; measures are read per goal, at most as many as
 * the page can take, so a page never reads another edition's measures nor a goal's measures beyond it.
 */
export async function selectMeasurePage(
	db: Executor,
	{ municipalityId, editionId, after, limit }: { municipalityId: string; editionId: string; after: OutlineNumber | null; limit: number }
): Promise<MeasureOfPage[]> {
	const [field, goal, measure] = after ?? [0, 0, 0];
	const { rows } = await db.execute<{ id: string; lineage_id: string; title: string; goal_id: string; field_id: string; fno: string; gno: string; mno: string }>(sql`
		with numbered_fields as (
			select ${fields.id} as id, row_number() over (order by ${fields.position}, ${fields.createdAt}, ${fields.id}) as fno
			from ${fields}
			where ${fields.municipalityId} = ${municipalityId} and ${fields.editionId} = ${editionId}
		),
		numbered_goals as (
			select ${goals.id} as id, nf.id as field_id, nf.fno,
				row_number() over (partition by ${goals.fieldId} order by ${goals.position}, ${goals.createdAt}, ${goals.id}) as gno
			from ${goals} join numbered_fields nf on nf.id = ${goals.fieldId}
			where ${goals.municipalityId} = ${municipalityId}
		)
		select m.id, m.lineage_id, m.title, ng.id as goal_id, ng.field_id, ng.fno, ng.gno, m.mno
		from numbered_goals ng
		cross join lateral (
			select ${measures.id} as id, ${measures.lineageId} as lineage_id, ${measures.title} as title,
				row_number() over (order by ${measures.position}, ${measures.createdAt}, ${measures.id}) as mno
			from ${measures}
			where ${measures.municipalityId} = ${municipalityId} and ${measures.goalId} = ng.id
			order by ${measures.position}, ${measures.createdAt}, ${measures.id}
			limit ${limit + 1} + case when (ng.fno, ng.gno) = (${field}, ${goal}) then ${measure} else 0 end
		) m
		where (ng.fno, ng.gno) >= (${field}, ${goal}) and (ng.fno, ng.gno, m.mno) > (${field}, ${goal}, ${measure})
		order by ng.fno, ng.gno, m.mno
		limit ${limit + 1}`);
	return rows.map((row) => ({
		id: row.id,
		lineageId: row.lineage_id,
		title: row.title,
		goalId: row.goal_id,
		fieldId: row.field_id,
		number: [Number(row.fno), Number(row.gno), Number(row.mno)]
	}));
}

export async function selectTrackingOfMeasures(db: Executor, municipalityId: string, measureIds: string[]) {
	if (measureIds.length === 0) return [];
	return db
		.select()
		.from(measureTracking)
		.where(and(eq(measureTracking.municipalityId, municipalityId), inArray(measureTracking.measureId, measureIds)))
		.limit(measureIds.length);
}

/** The indicators of an edition after `after` by name then id, compared by code point as the API's cursors are. */
export async function selectIndicatorPage(
	db: Executor,
	{ municipalityId, editionId, after, limit }: { municipalityId: string; editionId: string; after: { name: string; id: string } | null; limit: number }
) {
	const nameInCodePointOrder = sql`${indicators.name} collate "C"`;
	return db
		.select()
		.from(indicators)
		.where(
			and(
				eq(indicators.municipalityId, municipalityId),
				eq(indicators.editionId, editionId),
				after ? sql`(${nameInCodePointOrder}, ${indicators.id}) > (${after.name} collate "C", ${after.id})` : undefined
			)
		)
		.orderBy(nameInCodePointOrder, asc(indicators.id))
		.limit(limit + 1);
}

/**
 * The newest values of the given series of one indicator, whole reference dates only and at most `limit`,
 * oldest first as the chart and table read them; withheld ones too — pass them through the disclosure.
 * `olderLeftOut` says that older values exist.
 */
export async function selectMeasurementsOfIndicator(
	db: Executor,
	municipalityId: string,
	indicatorId: string,
	seriesKeys: readonly string[],
	limit: number = MAX_SHOWN_MEASUREMENTS
) {
	if (seriesKeys.length === 0) return { rows: [], olderLeftOut: false };
	const districtOf = districtOfMeasurement(db);
	const newestFirst = await db
		.select({
			id: indicatorMeasurements.id,
			measuredOn: indicatorMeasurements.measuredOn,
			value: indicatorMeasurements.value,
			estimate: indicatorMeasurements.estimate,
			provisional: indicatorMeasurements.provisional,
			seriesBreak: indicatorMeasurements.seriesBreak,
			sourceNote: indicatorMeasurements.sourceNote,
			seriesKey: indicatorMeasurements.seriesKey,
			periodKind: indicatorMeasurements.periodKind,
			periodStart: indicatorMeasurements.periodStart,
			districtId: districts.id,
			districtName: districts.name,
			districtSlug: districts.slug
		})
		.from(indicatorMeasurements)
		.leftJoin(districtOf, eq(districtOf.measurementId, indicatorMeasurements.id))
		.leftJoin(districts, and(eq(districts.id, districtOf.districtId), eq(districts.municipalityId, municipalityId)))
		.where(
			and(
				eq(indicatorMeasurements.municipalityId, municipalityId),
				eq(indicatorMeasurements.indicatorId, indicatorId),
				inArray(indicatorMeasurements.seriesKey, [...seriesKeys])
			)
		)
		.orderBy(desc(indicatorMeasurements.measuredOn), desc(sql`${districts.id} is not null`), desc(districts.position), desc(indicatorMeasurements.createdAt))
		.limit(limit + 1);
	if (newestFirst.length <= limit) return { rows: newestFirst.reverse(), olderLeftOut: false };
	// The oldest date read may be incomplete: it goes, so that no period shows only some of its series.
	const oldestDate = newestFirst[newestFirst.length - 1].measuredOn;
	return { rows: newestFirst.filter((row) => row.measuredOn !== oldestDate).reverse(), olderLeftOut: true };
}

export async function selectIndicator(db: Executor, municipalityId: string, indicatorId: string) {
	const [row] = await db
		.select()
		.from(indicators)
		.where(and(eq(indicators.municipalityId, municipalityId), eq(indicators.id, indicatorId)))
		.limit(1);
	return row;
}

/** A measure with the goal and field it serves; the edition is the field's. */
export async function selectMeasureWithParents(db: Executor, municipalityId: string, measureId: string) {
	const [row] = await db
		.select({ measure: measures, goal: goals, field: fields })
		.from(measures)
		.innerJoin(goals, eq(goals.id, measures.goalId))
		.innerJoin(fields, eq(fields.id, goals.fieldId))
		.where(and(eq(measures.municipalityId, municipalityId), eq(measures.id, measureId)))
		.limit(1);
	return row;
}

export async function selectGoalWithField(db: Executor, municipalityId: string, goalId: string) {
	const [row] = await db
		.select({ goal: goals, field: fields })
		.from(goals)
		.innerJoin(fields, eq(fields.id, goals.fieldId))
		.where(and(eq(goals.municipalityId, municipalityId), eq(goals.id, goalId)))
		.limit(1);
	return row;
}

export async function selectTracking(db: Executor, municipalityId: string, measureId: string) {
	const [row] = await db
		.select()
		.from(measureTracking)
		.where(and(eq(measureTracking.municipalityId, municipalityId), eq(measureTracking.measureId, measureId)))
		.limit(1);
	return row;
}

/** Locks the tracking row so that concurrent status changes are applied one after the other. */
export async function lockTracking(tx: Executor, municipalityId: string, measureId: string) {
	const [row] = await tx
		.select()
		.from(measureTracking)
		.where(and(eq(measureTracking.municipalityId, municipalityId), eq(measureTracking.measureId, measureId)))
		.for('update')
		.limit(1);
	return row;
}

type TrackingKeys = Pick<typeof measureTracking.$inferInsert, 'measureId' | 'municipalityId' | 'editionId'>;
type TrackingChanges = Omit<typeof measureTracking.$inferInsert, 'measureId' | 'municipalityId' | 'editionId'>;

export async function upsertTracking(tx: Executor, keys: TrackingKeys, changes: TrackingChanges) {
	const [row] = await tx
		.insert(measureTracking)
		.values({ ...keys, ...changes })
		.onConflictDoUpdate({ target: measureTracking.measureId, set: { ...changes, updatedAt: new Date() } })
		.returning();
	return row;
}

export async function replaceMeasureOrganisations(tx: Executor, municipalityId: string, measureId: string, organisationIds: string[]) {
	await tx
		.delete(measureOrganisations)
		.where(and(eq(measureOrganisations.municipalityId, municipalityId), eq(measureOrganisations.measureId, measureId)));
	if (organisationIds.length > 0) {
		await tx.insert(measureOrganisations).values(organisationIds.map((organisationId) => ({ municipalityId, measureId, organisationId })));
	}
}

export async function replaceMeasureDistricts(tx: Executor, municipalityId: string, measureId: string, districtIds: string[]) {
	await tx.delete(measureDistricts).where(and(eq(measureDistricts.municipalityId, municipalityId), eq(measureDistricts.measureId, measureId)));
	if (districtIds.length > 0) {
		await tx.insert(measureDistricts).values(districtIds.map((districtId) => ({ municipalityId, measureId, districtId })));
	}
}

export async function selectProgressUpdates(db: Executor, municipalityId: string, measureId: string) {
	return db
		.select({
			id: measureProgressUpdates.id,
			measureId: measureProgressUpdates.measureId,
			writtenOn: measureProgressUpdates.writtenOn,
			body: measureProgressUpdates.body,
			authorLabel: measureProgressUpdates.authorLabel,
			createdAt: measureProgressUpdates.createdAt,
			photo: {
				id: mediaAssets.id,
				fileKey: mediaAssets.fileKey,
				widths: mediaAssets.widths,
				width: mediaAssets.width,
				height: mediaAssets.height,
				altText: mediaAssets.altText,
				decorative: mediaAssets.decorative,
				caption: mediaAssets.caption,
				credit: mediaAssets.credit,
				licence: mediaAssets.licence
			}
		})
		.from(measureProgressUpdates)
		.leftJoin(mediaAssets, and(eq(mediaAssets.id, measureProgressUpdates.mediaId), eq(mediaAssets.municipalityId, municipalityId)))
		.where(and(eq(measureProgressUpdates.municipalityId, municipalityId), eq(measureProgressUpdates.measureId, measureId)))
		.orderBy(desc(measureProgressUpdates.writtenOn), desc(measureProgressUpdates.createdAt))
		.limit(100);
}

export async function insertProgressUpdate(tx: Executor, values: typeof measureProgressUpdates.$inferInsert) {
	const [row] = await tx.insert(measureProgressUpdates).values(values).returning();
	return row;
}

export async function insertIndicator(tx: Executor, values: typeof indicators.$inferInsert) {
	const [row] = await tx.insert(indicators).values(values).returning();
	return row;
}

/** Whether the user belongs, as a person of this municipality, to one of the measure's organisations. */
export async function selectIsMeasureOwner(db: Executor, municipalityId: string, measureId: string, userId: string) {
	const [row] = await db
		.select({ one: sql<number>`1` })
		.from(measureOrganisations)
		.innerJoin(organisationMemberships, eq(organisationMemberships.organisationId, measureOrganisations.organisationId))
		.innerJoin(people, eq(people.id, organisationMemberships.personId))
		.where(
			and(
				eq(measureOrganisations.municipalityId, municipalityId),
				eq(measureOrganisations.measureId, measureId),
				eq(people.municipalityId, municipalityId),
				eq(people.userId, userId)
			)
		)
		.limit(1);
	return Boolean(row);
}

export async function selectOrganisationChoices(db: Executor, municipalityId: string) {
	return db
		.select({ id: organisations.id, name: organisations.name })
		.from(organisations)
		.where(eq(organisations.municipalityId, municipalityId))
		.orderBy(asc(organisations.name))
		.limit(1000);
}

export async function countOrganisationsIn(db: Executor, municipalityId: string, ids: string[]) {
	if (ids.length === 0) return 0;
	const [row] = await db
		.select({ count: sql<number>`count(*)::int` })
		.from(organisations)
		.where(and(eq(organisations.municipalityId, municipalityId), inArray(organisations.id, ids)));
	return row.count;
}

export async function countDistrictsIn(db: Executor, municipalityId: string, ids: string[]) {
	if (ids.length === 0) return 0;
	const [row] = await db
		.select({ count: sql<number>`count(*)::int` })
		.from(districts)
		.where(and(eq(districts.municipalityId, municipalityId), inArray(districts.id, ids)));
	return row.count;
}

/** Demo and tests: measures added to an edition's outline for the monitor to track. */
export async function insertMeasures(tx: Executor, rows: (typeof measures.$inferInsert)[]) {
	if (rows.length === 0) return [];
	return tx.insert(measures).values(rows).returning();
}

/** Demo: makes an account a member of an organisation, creating its person in the municipality if needed. */
export async function insertMembershipForUser(
	tx: Executor,
	{ municipalityId, userId, name, email, organisationId }: { municipalityId: string; userId: string; name: string; email: string; organisationId: string }
) {
	const [existing] = await tx
		.select({ id: people.id, userId: people.userId })
		.from(people)
		.where(and(eq(people.municipalityId, municipalityId), or(eq(people.userId, userId), eq(people.email, email))))
		.limit(1);
	if (existing && !existing.userId) await tx.update(people).set({ userId }).where(eq(people.id, existing.id));
	const personId = existing?.id ?? (await tx.insert(people).values({ municipalityId, userId, name, email }).returning({ id: people.id }))[0].id;
	await tx.insert(organisationMemberships).values({ municipalityId, organisationId, personId, role: 'member' }).onConflictDoNothing();
}
