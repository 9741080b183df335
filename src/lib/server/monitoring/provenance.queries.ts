// Data access for provenance: the registry of sources (indicator_sources) and where each shown value
// came from. Scoped by municipality and bounded like every other monitoring read.
import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import type { Role } from '../people/people.schema';
import { municipalities } from '../tenancy/tenancy.schema';
import { indicatorMeasurements, measurementImportBatches } from './measurement.schema';
import { indicatorSources, indicators } from './monitoring.schema';

export type IndicatorSource = typeof indicatorSources.$inferSelect;
export type SourceValues = Omit<typeof indicatorSources.$inferInsert, 'id' | 'municipalityId' | 'createdAt' | 'updatedAt'>;

export async function selectSource(db: Executor, municipalityId: string, sourceId: string) {
	const [row] = await db
		.select()
		.from(indicatorSources)
		.where(and(eq(indicatorSources.municipalityId, municipalityId), eq(indicatorSources.id, sourceId)))
		.limit(1);
	return row;
}

/** One page of the registry in the order of its keys, read along the unique (municipality, key) index. */
export async function selectSourcePage(db: Executor, municipalityId: string, { afterKey, limit }: { afterKey: string | null; limit: number }) {
	return db
		.select()
		.from(indicatorSources)
		.where(and(eq(indicatorSources.municipalityId, municipalityId), afterKey === null ? undefined : gt(indicatorSources.key, afterKey)))
		.orderBy(asc(indicatorSources.key))
		.limit(limit + 1);
}

export async function countSourcesWithKey(db: Executor, municipalityId: string, key: string, exceptId: string | null) {
	const [row] = await db
		.select({ count: sql<number>`count(*)::int` })
		.from(indicatorSources)
		.where(and(eq(indicatorSources.municipalityId, municipalityId), eq(indicatorSources.key, key), exceptId ? sql`${indicatorSources.id} <> ${exceptId}` : undefined));
	return row.count;
}

/** `id` only where a fixed id is wanted (the demo's sources); otherwise the database makes one. */
export async function insertSource(db: Executor, municipalityId: string, values: SourceValues & { id?: string }) {
	const [row] = await db
		.insert(indicatorSources)
		.values({ ...values, municipalityId })
		.returning();
	return row;
}

export async function updateSourceRow(db: Executor, municipalityId: string, sourceId: string, values: SourceValues) {
	const [row] = await db
		.update(indicatorSources)
		.set({ ...values, updatedAt: sql`now()` })
		.where(and(eq(indicatorSources.municipalityId, municipalityId), eq(indicatorSources.id, sourceId)))
		.returning();
	return row;
}

// A municipality keeps a few dozen sources; lists of them are bounded all the same.
const MAX_SOURCE_CHOICES = 500;

// The role that names a manual entry in public: the most specific staff role the account holds here.
const rolePreference = sql.raw(`array['facilitator', 'admin', 'moderator', 'editor', 'member', 'participant']::role[]`);

/**
 * Where each of the given measurements came from, in one query: its own source (if it names one), the
 * import batch's day and file, or the role of the account that typed it in and the day of that entry.
 * Days are calendar days in the municipality's time zone. The account's e-mail and name are never read.
 */
export async function selectProvenanceOfMeasurements(db: Executor, municipalityId: string, measurementIds: string[]) {
	if (measurementIds.length === 0) return [];
	return db
		.select({
			measurementId: indicatorMeasurements.id,
			source: {
				id: indicatorSources.id,
				key: indicatorSources.key,
				publisher: indicatorSources.publisher,
				dataset: indicatorSources.dataset,
				method: indicatorSources.method,
				licence: indicatorSources.licence,
				url: indicatorSources.url
			},
			importedOn: sql<string | null>`to_char(${measurementImportBatches.createdAt} at time zone ${municipalities.timeZone}, 'YYYY-MM-DD')`,
			importFileName: measurementImportBatches.fileName,
			enteredOn: sql<string>`to_char(${indicatorMeasurements.updatedAt} at time zone ${municipalities.timeZone}, 'YYYY-MM-DD')`,
			enteredManually: sql<boolean>`${indicatorMeasurements.enteredBy} is not null`,
			entererRole: sql<Role | null>`(
				select ra.role from role_assignments ra
				where ra.user_id = ${indicatorMeasurements.enteredBy} and ra.municipality_id = ${indicatorMeasurements.municipalityId}
				order by array_position(${rolePreference}, ra.role) limit 1
			)`
		})
		.from(indicatorMeasurements)
		.innerJoin(municipalities, eq(municipalities.id, indicatorMeasurements.municipalityId))
		.leftJoin(indicatorSources, and(eq(indicatorSources.id, indicatorMeasurements.sourceId), eq(indicatorSources.municipalityId, municipalityId)))
		.leftJoin(
			measurementImportBatches,
			and(eq(measurementImportBatches.id, indicatorMeasurements.importBatchId), eq(measurementImportBatches.municipalityId, municipalityId))
		)
		.where(and(eq(indicatorMeasurements.municipalityId, municipalityId), inArray(indicatorMeasurements.id, measurementIds)));
}

/** The whole registry by key, for the open-data API; bounded like the list to choose from. */
export async function selectSourcesOfMunicipality(db: Executor, municipalityId: string) {
	return db
		.select()
		.from(indicatorSources)
		.where(eq(indicatorSources.municipalityId, municipalityId))
		.orderBy(asc(indicatorSources.key))
		.limit(MAX_SOURCE_CHOICES);
}

/** The registry as a list to choose from, by key; a municipality keeps a few dozen sources. */
export async function selectSourceChoices(db: Executor, municipalityId: string) {
	return db
		.select({ id: indicatorSources.id, key: indicatorSources.key, publisher: indicatorSources.publisher, dataset: indicatorSources.dataset })
		.from(indicatorSources)
		.where(eq(indicatorSources.municipalityId, municipalityId))
		.orderBy(asc(indicatorSources.key))
		.limit(MAX_SOURCE_CHOICES);
}

export async function updateIndicatorSourceId(tx: Executor, municipalityId: string, indicatorId: string, sourceId: string | null) {
	const [row] = await tx
		.update(indicators)
		.set({ sourceId, updatedAt: sql`now()` })
		.where(and(eq(indicators.municipalityId, municipalityId), eq(indicators.id, indicatorId)))
		.returning();
	return row;
}

export async function insertImportBatch(tx: Executor, values: typeof measurementImportBatches.$inferInsert) {
	const [row] = await tx.insert(measurementImportBatches).values(values).returning();
	return row;
}

/** Sets where the given values came from; for the demo, which tells a history no import ran. */
export async function updateProvenanceOfMeasurements(
	tx: Executor,
	municipalityId: string,
	measurementIds: string[],
	provenance: { sourceId?: string | null; importBatchId?: string | null; enteredBy?: string | null }
) {
	if (measurementIds.length === 0) return;
	await tx
		.update(indicatorMeasurements)
		.set(provenance)
		.where(and(eq(indicatorMeasurements.municipalityId, municipalityId), inArray(indicatorMeasurements.id, measurementIds)));
}

/** Names a source for every series of the municipality that names none yet. */
export async function updateIndicatorsWithoutSource(tx: Executor, municipalityId: string, sourceId: string) {
	await tx
		.update(indicators)
		.set({ sourceId })
		.where(and(eq(indicators.municipalityId, municipalityId), sql`${indicators.sourceId} is null`));
}
