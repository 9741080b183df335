import { and, asc, desc, eq, exists, gt, inArray, lte, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { municipalities } from '../tenancy/tenancy.schema';
import { articleRevisions, articles, articleTags, tags } from './news.schema';

export type Article = typeof articles.$inferSelect;
export type ArticleRevision = typeof articleRevisions.$inferSelect;
export type Tag = typeof tags.$inferSelect;

/** Public: published, or scheduled and due. Archived articles leave the lists but keep their page. */
export const listedNow = (now: Date) =>
	and(inArray(articles.status, ['published', 'scheduled']), lte(articles.publishedAt, now));
/** Public to read: listed, or archived (out of the lists, still at its address). */
export const readableNow = (now: Date) =>
	and(inArray(articles.status, ['published', 'scheduled', 'archived']), lte(articles.publishedAt, now));

export type ArticleCursor = { publishedAt: Date; id: string };

// One row comparison, so that the listed index starts at the cursor instead of filtering up to it.
const before = (cursor: ArticleCursor | undefined) =>
	cursor ? sql`(${articles.publishedAt}, ${articles.id}) < (${cursor.publishedAt.toISOString()}::timestamptz, ${cursor.id}::uuid)` : undefined;

const listColumns = {
	id: articles.id,
	slug: articles.slug,
	title: articles.title,
	lead: articles.lead,
	place: articles.place,
	publishedAt: articles.publishedAt,
	updatedAt: articles.updatedAt,
	authorName: articles.authorName,
	body: articles.body
};

export async function selectListedArticles(db: Executor, municipalityId: string, now: Date, limit: number, cursor?: ArticleCursor) {
	return db
		.select(listColumns)
		.from(articles)
		.where(and(eq(articles.municipalityId, municipalityId), listedNow(now), before(cursor)))
		.orderBy(desc(articles.publishedAt), desc(articles.id))
		.limit(limit);
}

const taggedWith = (db: Executor, tagId: string) =>
	db
		.select({ one: sql`1` })
		.from(articleTags)
		.where(and(eq(articleTags.articleId, articles.id), eq(articleTags.tagId, tagId)));

/**
 * The articles of a tag, newest first: the town's articles in listed order, each kept if it has the tag. For
 * a common tag that stops after a few pages' worth of probes; for a rare one the planner starts from the tag.
 */
export async function selectListedArticlesOfTag(db: Executor, municipalityId: string, tagId: string, now: Date, limit: number, cursor?: ArticleCursor) {
	return db
		.select(listColumns)
		.from(articles)
		.where(and(eq(articles.municipalityId, municipalityId), listedNow(now), before(cursor), exists(taggedWith(db, tagId))))
		.orderBy(desc(articles.publishedAt), desc(articles.id))
		.limit(limit);
}

/** The next moment a scheduled article of the municipality turns public: cached lists expire then. */
export async function selectNextScheduledPublication(db: Executor, municipalityId: string | null, now: Date) {
	const [row] = await db
		.select({ at: sql<Date | null>`min(${articles.publishedAt})`.mapWith((value) => (value ? new Date(value) : null)) })
		.from(articles)
		.where(and(municipalityId ? eq(articles.municipalityId, municipalityId) : undefined, eq(articles.status, 'scheduled'), gt(articles.publishedAt, now)));
	return row?.at ?? null;
}

export async function selectReadableArticle(db: Executor, municipalityId: string, slug: string, now: Date) {
	const [row] = await db
		.select()
		.from(articles)
		.where(and(eq(articles.municipalityId, municipalityId), eq(articles.slug, slug), readableNow(now)))
		.limit(1);
	return row;
}

export async function selectArticle(db: Executor, municipalityId: string, articleId: string) {
	const [row] = await db.select().from(articles).where(and(eq(articles.municipalityId, municipalityId), eq(articles.id, articleId))).limit(1);
	return row;
}

export async function lockArticle(tx: Executor, municipalityId: string, articleId: string) {
	const [row] = await tx
		.select()
		.from(articles)
		.where(and(eq(articles.municipalityId, municipalityId), eq(articles.id, articleId)))
		.limit(1)
		.for('update');
	return row;
}

export async function selectArticlesForStaff(db: Executor, municipalityId: string, limit: number, offset: number) {
	return db
		.select({ id: articles.id, slug: articles.slug, title: articles.title, status: articles.status, publishedAt: articles.publishedAt, updatedAt: articles.updatedAt })
		.from(articles)
		.where(eq(articles.municipalityId, municipalityId))
		.orderBy(desc(articles.updatedAt), desc(articles.id))
		.limit(limit)
		.offset(offset);
}

export async function slugTaken(db: Executor, municipalityId: string, slug: string, exceptId?: string) {
	const [row] = await db
		.select({ id: articles.id })
		.from(articles)
		.where(and(eq(articles.municipalityId, municipalityId), eq(articles.slug, slug)))
		.limit(1);
	return Boolean(row && row.id !== exceptId);
}

export async function insertArticle(tx: Executor, values: typeof articles.$inferInsert) {
	const [row] = await tx.insert(articles).values(values).returning();
	return row;
}

export async function updateArticleRow(tx: Executor, municipalityId: string, articleId: string, values: Partial<typeof articles.$inferInsert>) {
	const [row] = await tx
		.update(articles)
		.set({ ...values, updatedAt: new Date() })
		.where(and(eq(articles.municipalityId, municipalityId), eq(articles.id, articleId)))
		.returning();
	return row;
}

export async function insertRevision(tx: Executor, values: typeof articleRevisions.$inferInsert) {
	await tx.insert(articleRevisions).values(values);
}

export async function selectRevisions(db: Executor, municipalityId: string, articleId: string, limit: number) {
	return db
		.select()
		.from(articleRevisions)
		.where(and(eq(articleRevisions.municipalityId, municipalityId), eq(articleRevisions.articleId, articleId)))
		.orderBy(desc(articleRevisions.number))
		.limit(limit);
}

/** Makes sure every tag exists (the first spelling wins) and links exactly these tags to the article. */
export async function replaceArticleTags(tx: Executor, municipalityId: string, articleId: string, wanted: { key: string; display: string }[]) {
	await tx.delete(articleTags).where(and(eq(articleTags.municipalityId, municipalityId), eq(articleTags.articleId, articleId)));
	if (wanted.length === 0) return;
	await tx
		.insert(tags)
		.values(wanted.map((tag) => ({ municipalityId, key: tag.key, display: tag.display })))
		.onConflictDoNothing({ target: [tags.municipalityId, tags.key] });
	const rows = await tx
		.select({ id: tags.id })
		.from(tags)
		.where(and(eq(tags.municipalityId, municipalityId), inArray(tags.key, wanted.map((tag) => tag.key))));
	await tx.insert(articleTags).values(rows.map((row) => ({ municipalityId, articleId, tagId: row.id })));
}

export async function selectTagsOfArticles(db: Executor, municipalityId: string, articleIds: string[]) {
	if (articleIds.length === 0) return [];
	return db
		.select({ articleId: articleTags.articleId, key: tags.key, display: tags.display })
		.from(articleTags)
		.innerJoin(tags, eq(tags.id, articleTags.tagId))
		.where(and(eq(articleTags.municipalityId, municipalityId), inArray(articleTags.articleId, articleIds)))
		.orderBy(asc(tags.display));
}

export async function selectTag(db: Executor, municipalityId: string, key: string) {
	const [row] = await db.select().from(tags).where(and(eq(tags.municipalityId, municipalityId), eq(tags.key, key))).limit(1);
	return row;
}

/** The newest listed articles of one or more municipalities (a region), optionally of one tag, with their town. */
export async function selectFeedArticles(db: Executor, municipalityIds: string[], now: Date, limit: number, tagId?: string) {
	if (municipalityIds.length === 0) return [];
	const query = db
		.select({ ...listColumns, municipalityId: articles.municipalityId, municipalitySlug: municipalities.slug, municipalityName: municipalities.name })
		.from(articles)
		.innerJoin(municipalities, eq(municipalities.id, articles.municipalityId));
	return query
		.where(and(inArray(articles.municipalityId, municipalityIds), listedNow(now), tagId ? exists(taggedWith(db, tagId)) : undefined))
		.orderBy(desc(articles.publishedAt), desc(articles.id))
		.limit(limit);
}
