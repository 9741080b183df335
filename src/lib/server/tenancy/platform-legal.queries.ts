import { eq } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { platformLegalPages, type PlatformLegalPageKind } from './platform-legal.schema';

export async function selectPlatformLegalPage(db: Executor, kind: PlatformLegalPageKind) {
	const [row] = await db.select().from(platformLegalPages).where(eq(platformLegalPages.kind, kind)).limit(1);
	return row;
}

export async function selectPlatformLegalPages(db: Executor) {
	return db.select().from(platformLegalPages).limit(10);
}

export async function upsertPlatformLegalPage(tx: Executor, kind: PlatformLegalPageKind, body: string) {
	const now = new Date();
	const [row] = await tx
		.insert(platformLegalPages)
		.values({ kind, body, updatedAt: now })
		.onConflictDoUpdate({ target: platformLegalPages.kind, set: { body, updatedAt: now } })
		.returning();
	return row;
}
