import { and, desc, eq, lt, or } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { auditEvents } from './audit.schema';

export type AuditEvent = typeof auditEvents.$inferSelect;

export async function insertAuditEvent(db: Executor, event: typeof auditEvents.$inferInsert) {
	await db.insert(auditEvents).values(event);
}

/** Newest first, keyset-paginated on (created_at, id) so deep pages stay as fast as the first. */
export async function selectAuditEvents(
	db: Executor,
	municipalityId: string,
	{ before, limit }: { before?: { createdAt: Date; id: string }; limit: number }
) {
	return db
		.select()
		.from(auditEvents)
		.where(
			and(
				eq(auditEvents.municipalityId, municipalityId),
				before
					? or(
							lt(auditEvents.createdAt, before.createdAt),
							and(eq(auditEvents.createdAt, before.createdAt), lt(auditEvents.id, before.id))
						)
					: undefined
			)
		)
		.orderBy(desc(auditEvents.createdAt), desc(auditEvents.id))
		.limit(limit);
}
