import { and, count, desc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { articleLeadImages, mediaAssets } from './media.schema';

export type MediaAsset = typeof mediaAssets.$inferSelect;

export async function insertMedia(tx: Executor, values: typeof mediaAssets.$inferInsert) {
	const [row] = await tx.insert(mediaAssets).values(values).returning();
	return row;
}

export async function selectMedia(db: Executor, municipalityId: string, mediaId: string) {
	const [row] = await db
		.select()
		.from(mediaAssets)
		.where(and(eq(mediaAssets.municipalityId, municipalityId), eq(mediaAssets.id, mediaId)))
		.limit(1);
	return row;
}

export async function selectMediaByFileKey(db: Executor, municipalityId: string, fileKey: string) {
	const [row] = await db
		.select()
		.from(mediaAssets)
		.where(and(eq(mediaAssets.municipalityId, municipalityId), eq(mediaAssets.fileKey, fileKey)))
		.limit(1);
	return row;
}

export async function selectMediaPage(db: Executor, municipalityId: string, limit: number, offset: number) {
	const [rows, [{ total }]] = await Promise.all([
		db
			.select()
			.from(mediaAssets)
			.where(eq(mediaAssets.municipalityId, municipalityId))
			.orderBy(desc(mediaAssets.createdAt), desc(mediaAssets.id))
			.limit(limit)
			.offset(offset),
		db.select({ total: count() }).from(mediaAssets).where(eq(mediaAssets.municipalityId, municipalityId))
	]);
	return { rows, total };
}

/** How many articles use each of the given images, in one grouped query. */
export async function selectArticleUsage(db: Executor, municipalityId: string, mediaIds: string[]) {
	if (mediaIds.length === 0) return new Map<string, number>();
	const rows = await db
		.select({ mediaId: articleLeadImages.mediaId, uses: count() })
		.from(articleLeadImages)
		.where(and(eq(articleLeadImages.municipalityId, municipalityId), inArray(articleLeadImages.mediaId, mediaIds)))
		.groupBy(articleLeadImages.mediaId);
	return new Map(rows.map((row) => [row.mediaId, row.uses]));
}

export async function updateMediaRow(tx: Executor, municipalityId: string, mediaId: string, values: Partial<typeof mediaAssets.$inferInsert>) {
	const [row] = await tx
		.update(mediaAssets)
		.set({ ...values, updatedAt: new Date() })
		.where(and(eq(mediaAssets.municipalityId, municipalityId), eq(mediaAssets.id, mediaId)))
		.returning();
	return row;
}

export async function deleteMediaRow(tx: Executor, municipalityId: string, mediaId: string) {
	const [row] = await tx
		.delete(mediaAssets)
		.where(and(eq(mediaAssets.municipalityId, municipalityId), eq(mediaAssets.id, mediaId)))
		.returning();
	return row;
}
