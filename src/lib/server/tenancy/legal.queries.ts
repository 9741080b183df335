import { and, desc, eq, lt, or } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { accessibilityFeedback, legalPages, type LegalPageKind } from './legal.schema';

export type LegalPage = typeof legalPages.$inferSelect;
export type AccessibilityFeedback = typeof accessibilityFeedback.$inferSelect;

export async function selectLegalPage(db: Executor, municipalityId: string, kind: LegalPageKind) {
	const [row] = await db
		.select()
		.from(legalPages)
		.where(and(eq(legalPages.municipalityId, municipalityId), eq(legalPages.kind, kind)))
		.limit(1);
	return row;
}

export async function selectLegalPages(db: Executor, municipalityId: string) {
	return db.select().from(legalPages).where(eq(legalPages.municipalityId, municipalityId)).limit(10);
}

export async function upsertLegalPage(tx: Executor, municipalityId: string, kind: LegalPageKind, body: string) {
	const now = new Date();
	const [row] = await tx
		.insert(legalPages)
		.values({ municipalityId, kind, body, updatedAt: now })
		.onConflictDoUpdate({ target: [legalPages.municipalityId, legalPages.kind], set: { body, updatedAt: now } })
		.returning();
	return row;
}

export async function insertAccessibilityFeedback(tx: Executor, values: typeof accessibilityFeedback.$inferInsert) {
	const [row] = await tx.insert(accessibilityFeedback).values(values).returning();
	return row;
}

/** Newest first, a page at a time; the cursor is the last row's time and id. */
export async function selectAccessibilityFeedback(db: Executor, municipalityId: string, limit: number, before?: { createdAt: Date; id: string }) {
	return db
		.select()
		.from(accessibilityFeedback)
		.where(
			and(
				eq(accessibilityFeedback.municipalityId, municipalityId),
				before
					? or(lt(accessibilityFeedback.createdAt, before.createdAt), and(eq(accessibilityFeedback.createdAt, before.createdAt), lt(accessibilityFeedback.id, before.id)))
					: undefined
			)
		)
		.orderBy(desc(accessibilityFeedback.createdAt), desc(accessibilityFeedback.id))
		.limit(limit);
}
