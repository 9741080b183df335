import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { auditEvents } from './audit.schema';

export type AuditEvent = typeof auditEvents.$inferSelect;

export async function insertAuditEvent(db: Executor, event: typeof auditEvents.$inferInsert) {
	await db.insert(auditEvents).values(event);
}

/**
 * Newest first, keyset-paginated on (created_at, id) so deep pages stay as fast as the first, optionally only
 * one kind of entity, one action or one entity's history (each has an index beginning with the municipality). The
 * cursor is the id of the last event shown; its timestamp is read in the database, because a
 * JavaScript Date would cut PostgreSQL's microseconds and skip events. A municipality of null reads the
 * install's own events (a platform legal page, a deleted account), which belong to no municipality.
 */
export async function selectAuditEvents(
	db: Executor,
	municipalityId: string | null,
	{ beforeId, limit, entityType, action, entityId }: { beforeId?: string; limit: number; entityType?: string; action?: string; entityId?: string }
) {
	const scope = municipalityId === null ? isNull(auditEvents.municipalityId) : eq(auditEvents.municipalityId, municipalityId);
	const cursorScope = municipalityId === null ? sql`municipality_id is null` : sql`municipality_id = ${municipalityId}`;
	return db
		.select()
		.from(auditEvents)
		.where(
			and(
				scope,
				entityType ? eq(auditEvents.entityType, entityType) : undefined,
				action ? eq(auditEvents.action, action) : undefined,
				entityId ? eq(auditEvents.entityId, entityId) : undefined,
				beforeId
					? sql`(${auditEvents.createdAt}, ${auditEvents.id}) < (select created_at, id from audit_events where id = ${beforeId} and ${cursorScope})`
					: undefined
			)
		)
		.orderBy(desc(auditEvents.createdAt), desc(auditEvents.id))
		.limit(limit);
}
