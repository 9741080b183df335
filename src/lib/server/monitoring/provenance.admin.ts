// Staff writes of provenance: the municipality's registry of sources and which source a series names.
// Facilitators and admins keep them, as they keep the indicators; every write is one audited transaction.
import { recordChange } from '../audit/audit.service';
import type { Database } from '../db/client';
import { requireRole, type Actor } from '../people/actor';
import type { IndicatorSourceInput } from '$lib/validation/provenance';
import { indicatorNotFound, sourceKeyTaken, sourceNotFound, unknownSource } from './monitoring.errors';
import { selectIndicator } from './monitor.queries';
import { isUuid } from './monitoring.service';
import {
	countSourcesWithKey,
	insertSource,
	selectSource,
	selectSourcePage,
	updateIndicatorSourceId,
	updateSourceRow,
	type SourceValues
} from './provenance.queries';

const STAFF = ['admin', 'facilitator'] as const;
const PAGE_SIZE = 50;

type Scope = { db: Database; actor: Actor | null; municipalityId: string };

const valuesOf = (input: IndicatorSourceInput): SourceValues => ({
	key: input.key,
	publisher: input.publisher,
	dataset: input.dataset,
	method: input.method,
	licence: input.licence,
	url: input.url,
	frequency: input.frequency,
	lastReleaseOn: input.lastReleaseOn,
	nextReleaseOn: input.nextReleaseOn
});

// A key taken by a concurrent write still ends as the same answer, not as a server error.
const isUniqueViolation = (error: unknown) => typeof error === 'object' && error !== null && 'code' in error && (error as { code?: string }).code === '23505';
const causeOf = (error: unknown) => (typeof error === 'object' && error !== null && 'cause' in error ? (error as { cause: unknown }).cause : undefined);

async function keyTakenOnConflict<T>(work: () => Promise<T>): Promise<T> {
	try {
		return await work();
	} catch (error) {
		if (isUniqueViolation(error) || isUniqueViolation(causeOf(error))) throw sourceKeyTaken();
		throw error;
	}
}

export async function listSourcesForStaff({ db, actor, municipalityId, afterKey }: Scope & { afterKey: string | null }) {
	requireRole(actor, municipalityId, STAFF);
	const rows = await selectSourcePage(db, municipalityId, { afterKey, limit: PAGE_SIZE });
	const sources = rows.slice(0, PAGE_SIZE);
	return { sources, nextKey: rows.length > PAGE_SIZE ? sources[sources.length - 1].key : null };
}

export async function getSourceForStaff({ db, actor, municipalityId, sourceId }: Scope & { sourceId: string }) {
	requireRole(actor, municipalityId, STAFF);
	if (!isUuid(sourceId)) throw sourceNotFound();
	const source = await selectSource(db, municipalityId, sourceId);
	if (!source) throw sourceNotFound();
	return source;
}

export async function createSource({ db, actor, municipalityId, input }: Scope & { input: IndicatorSourceInput }) {
	const staff = requireRole(actor, municipalityId, STAFF);
	return keyTakenOnConflict(() =>
		db.transaction(async (tx) => {
			if ((await countSourcesWithKey(tx, municipalityId, input.key, null)) > 0) throw sourceKeyTaken();
			const source = await insertSource(tx, municipalityId, valuesOf(input));
			await recordChange(tx, { actor: staff, municipalityId, action: 'create', entityType: 'indicator_source', entityId: source.id, after: source });
			return source;
		})
	);
}

export async function updateSource({ db, actor, municipalityId, sourceId, input }: Scope & { sourceId: string; input: IndicatorSourceInput }) {
	const staff = requireRole(actor, municipalityId, STAFF);
	if (!isUuid(sourceId)) throw sourceNotFound();
	return keyTakenOnConflict(() =>
		db.transaction(async (tx) => {
			const before = await selectSource(tx, municipalityId, sourceId);
			if (!before) throw sourceNotFound();
			if ((await countSourcesWithKey(tx, municipalityId, input.key, sourceId)) > 0) throw sourceKeyTaken();
			const after = await updateSourceRow(tx, municipalityId, sourceId, valuesOf(input));
			await recordChange(tx, { actor: staff, municipalityId, action: 'update', entityType: 'indicator_source', entityId: sourceId, before, after });
			return after;
		})
	);
}

/** Names the registered source of an indicator's series (null: none). */
export async function setSeriesSource({
	db,
	actor,
	municipalityId,
	editionId,
	indicatorId,
	sourceId
}: Scope & { editionId: string; indicatorId: string; sourceId: string | null }) {
	const staff = requireRole(actor, municipalityId, STAFF);
	if (!isUuid(indicatorId)) throw indicatorNotFound();
	return db.transaction(async (tx) => {
		const before = await selectIndicator(tx, municipalityId, indicatorId);
		if (!before || before.editionId !== editionId) throw indicatorNotFound();
		// The source must be this municipality's: an id from elsewhere is as unknown as a made-up one.
		if (sourceId && !(await selectSource(tx, municipalityId, sourceId))) throw unknownSource();
		const after = await updateIndicatorSourceId(tx, municipalityId, indicatorId, sourceId);
		await recordChange(tx, { actor: staff, municipalityId, action: 'update', entityType: 'indicator', entityId: indicatorId, before: { sourceId: before.sourceId }, after: { sourceId: after.sourceId } });
		return after;
	});
}
