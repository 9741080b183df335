import { and, desc, eq, sql } from 'drizzle-orm';
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
 * JavaScript Date would cut PostgreSQL's microseconds and skip events.
 */
export async function selectAuditEvents(
	db: Executor,
	municipalityId: string,
	{ beforeId, limit, entityType, action, entityId }: { beforeId?: string; limit: number; entityType?: string; action?: string; entityId?: string }
) {
	return db
		.select()
		.from(auditEvents)
		.where(
			and(
				eq(auditEvents.municipalityId, municipalityId),
				entityType ? eq(auditEvents.entityType, entityType) : undefined,
				action ? eq(auditEvents.action, action) : undefined,
				entityId ? eq(auditEvents.entityId, entityId) : undefined,
				beforeId
					? sql`(${auditEvents.createdAt}, ${auditEvents.id}) < (select created_at, id from audit_events where id = ${beforeId} and municipality_id = ${municipalityId})`
					: undefined
			)
		)
		.orderBy(desc(auditEvents.createdAt), desc(auditEvents.id))
		.limit(limit);
}
