import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { articles } from '../news/news.schema';
import { articleLeadImages, mediaAssets } from './media.schema';

const CHOICES_LIMIT = 200;

export async function selectArticleExists(db: Executor, municipalityId: string, articleId: string) {
	const [row] = await db
		.select({ id: articles.id })
		.from(articles)
		.where(and(eq(articles.municipalityId, municipalityId), eq(articles.id, articleId)))
		.limit(1);
	return Boolean(row);
}

export async function selectLeadImageOfArticle(db: Executor, municipalityId: string, articleId: string) {
	const [row] = await db
		.select({ image: mediaAssets })
		.from(articleLeadImages)
		.innerJoin(mediaAssets, eq(mediaAssets.id, articleLeadImages.mediaId))
		.where(and(eq(articleLeadImages.municipalityId, municipalityId), eq(articleLeadImages.articleId, articleId)))
		.limit(1);
	return row?.image;
}

/** The newest images of the library, enough to choose from in a plain select. */
export async function selectMediaChoices(db: Executor, municipalityId: string) {
	return db
		.select({ id: mediaAssets.id, title: mediaAssets.title, altText: mediaAssets.altText, credit: mediaAssets.credit, createdAt: mediaAssets.createdAt })
		.from(mediaAssets)
		.where(eq(mediaAssets.municipalityId, municipalityId))
		.orderBy(desc(mediaAssets.createdAt), desc(mediaAssets.id))
		.limit(CHOICES_LIMIT);
}

export async function upsertLeadImage(tx: Executor, values: typeof articleLeadImages.$inferInsert) {
	await tx
		.insert(articleLeadImages)
		.values(values)
		.onConflictDoUpdate({ target: articleLeadImages.articleId, set: { mediaId: values.mediaId, createdAt: new Date() } });
}

export async function deleteLeadImage(tx: Executor, municipalityId: string, articleId: string) {
	await tx.delete(articleLeadImages).where(and(eq(articleLeadImages.municipalityId, municipalityId), eq(articleLeadImages.articleId, articleId)));
}

export async function selectArticleIdsBySlug(db: Executor, municipalityId: string, slugs: string[]) {
	if (slugs.length === 0) return new Map<string, string>();
	const rows = await db
		.select({ id: articles.id, slug: articles.slug })
		.from(articles)
		.where(and(eq(articles.municipalityId, municipalityId), inArray(articles.slug, slugs)));
	return new Map(rows.map((row) => [row.slug, row.id]));
}
