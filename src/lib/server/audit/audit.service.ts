// Audit owns the record of who changed what, when, with the state before and after.
// Every admin write goes through recordChange inside its own transaction, so no change goes unrecorded.
import { z } from 'zod';
import { auditActions, auditEntityTypes, type AuditAction, type AuditEntityType } from '$lib/audit-entity-types';
import type { Executor } from '../db/client';
import { announcePublicChange } from '../http/public-change';
import { requireMunicipalityAdmin, requirePlatformAdmin, type Actor } from '../people/actor';
import { defineError } from '../shared/errors';
import { changedFields } from './audit-changes';
import { insertAuditEvent, selectAuditEvents } from './audit.queries';

export type { AuditEvent } from './audit.queries';

export type Change = {
	actor: Actor | { system: string };
	municipalityId: string | null;
	action: Exclude<AuditAction, 'export'>;
	entityType: AuditEntityType;
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
export async function recordExport(db: Executor, exported: { actor: Actor; municipalityId: string; entityType: AuditEntityType; entityId: string; details: unknown }): Promise<void> {
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

const auditFilterInvalid = defineError('audit_filter_invalid', 400);

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
// The filter form sends an empty value for "all".
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === '' || value === null ? undefined : value), schema.optional());

const auditFilterSchema = z.object({
	type: optional(z.enum(auditEntityTypes)),
	action: optional(z.enum(auditActions)),
	entity: optional(z.string().max(200).regex(/^[^\p{Cc}]+$/u)),
	// The cursor is the id of the last event of the previous page; anything else starts from the top.
	before: z.string().nullable().transform((value) => (value && uuidPattern.test(value) ? value : undefined))
});

export type AuditFilter = { type?: AuditEntityType; action?: AuditAction; entity?: string };

/** The audit page's address → its filter and cursor; a kind or action that does not exist is a 400. */
function parseAuditQuery(params: URLSearchParams): { filter: AuditFilter; cursor?: string } {
	const parsed = auditFilterSchema.safeParse({
		type: params.get('type'),
		action: params.get('action'),
		entity: params.get('entity'),
		before: params.get('before')
	});
	if (!parsed.success) throw auditFilterInvalid();
	const { before, ...filter } = parsed.data;
	return { filter, cursor: before };
}

export async function listAuditEvents({
	db,
	actor,
	municipalityId,
	filter = {},
	cursor
}: {
	db: Executor;
	actor: Actor | null;
	municipalityId: string;
	filter?: AuditFilter;
	cursor?: string;
}) {
	requireMunicipalityAdmin(actor, municipalityId);
	return readAuditEvents(db, municipalityId, filter, cursor);
}

/** One page of a municipality's events, or of the install's own (null), after the reader's rights were checked. */
async function readAuditEvents(db: Executor, municipalityId: string | null, filter: AuditFilter, cursor: string | undefined) {
	const beforeId = cursor && uuidPattern.test(cursor) ? cursor : undefined;
	const rows = await selectAuditEvents(db, municipalityId, {
		beforeId,
		limit: PAGE_SIZE + 1,
		entityType: filter.type,
		action: filter.action,
		entityId: filter.entity
	});
	const events = rows.slice(0, PAGE_SIZE).map((row) => ({ ...row, changes: changedFields(row.before, row.after) }));
	const last = events.at(-1);
	return { events, nextCursor: rows.length > PAGE_SIZE && last ? last.id : null };
}

/** The back office's audit page: who may read it is checked before its address is, so a stranger learns nothing from a 400. */
export async function auditPage({ db, actor, municipalityId, query }: { db: Executor; actor: Actor | null; municipalityId: string; query: URLSearchParams }) {
	requireMunicipalityAdmin(actor, municipalityId);
	const { filter, cursor } = parseAuditQuery(query);
	return { ...(await readAuditEvents(db, municipalityId, filter, cursor)), filter };
}

/**
 * The install's own audit page, for platform admins: the changes that belong to no municipality (the platform's
 * legal pages, accounts deleted by their owners), which no municipality's page shows.
 */
export async function platformAuditPage({ db, actor, query }: { db: Executor; actor: Actor | null; query: URLSearchParams }) {
	requirePlatformAdmin(actor);
	const { filter, cursor } = parseAuditQuery(query);
	return { ...(await readAuditEvents(db, null, filter, cursor)), filter };
}
