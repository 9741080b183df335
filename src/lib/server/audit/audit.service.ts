// Audit owns the record of who changed what, when, with the state before and after.
// Every admin write goes through recordChange inside its own transaction, so no change goes unrecorded.
import type { Executor } from '../db/client';
import { announcePublicChange } from '../http/public-change';
import { requireMunicipalityAdmin, type Actor } from '../people/actor';
import { insertAuditEvent, selectAuditEvents } from './audit.queries';

export type { AuditEvent } from './audit.queries';

export type Change = {
	actor: Actor | { system: string };
	municipalityId: string | null;
	action: 'create' | 'update' | 'delete' | 'move';
	entityType: string;
	entityId: string;
	before?: unknown;
	after?: unknown;
};

/** Records a change and tells the public page cache; call it inside the transaction that makes the change. */
export async function recordChange(tx: Executor, change: Change): Promise<void> {
	const actor = change.actor;
	await insertAuditEvent(tx, {
		municipalityId: change.municipalityId,
		actorUserId: 'userId' in actor ? actor.userId : null,
		actorLabel: 'userId' in actor ? `${actor.name} <${actor.email}>` : actor.system,
		action: change.action,
		entityType: change.entityType,
		entityId: change.entityId,
		before: change.before ?? null,
		after: change.after ?? null
	});
	await announcePublicChange(tx, change.municipalityId);
}

/**
 * Records that someone took personal data out of the platform (a download of ideas with their authors' names).
 * Nothing changed, so the public page cache is left alone.
 */
export async function recordExport(db: Executor, exported: { actor: Actor; municipalityId: string; entityType: string; entityId: string; details: unknown }): Promise<void> {
	await insertAuditEvent(db, {
		municipalityId: exported.municipalityId,
		actorUserId: exported.actor.userId,
		actorLabel: `${exported.actor.name} <${exported.actor.email}>`,
		action: 'export',
		entityType: exported.entityType,
		entityId: exported.entityId,
		before: null,
		after: exported.details
	});
}

const PAGE_SIZE = 50;

export async function listAuditEvents({
	db,
	actor,
	municipalityId,
	cursor
}: {
	db: Executor;
	actor: Actor | null;
	municipalityId: string;
	cursor?: string;
}) {
	requireMunicipalityAdmin(actor, municipalityId);
	// The cursor is the id of the last event of the previous page; anything else starts from the top.
	const beforeId = cursor && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(cursor) ? cursor : undefined;
	const rows = await selectAuditEvents(db, municipalityId, { beforeId, limit: PAGE_SIZE + 1 });
	const events = rows.slice(0, PAGE_SIZE);
	const last = events.at(-1);
	return { events, nextCursor: rows.length > PAGE_SIZE && last ? last.id : null };
}
