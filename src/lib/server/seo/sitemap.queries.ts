// Read-only look-ups for the sitemap: every query is scoped by municipality, ordered and bounded,
// and lists only what anonymous visitors may read right now.
import { and, asc, count, countDistinct, eq, inArray, lte, max } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { editions, strategies } from '../document/document.schema';
import { articles, articleTags, tags } from '../news/news.schema';
import { events } from '../participation/event.schema';
import { legalPages } from '../tenancy/legal.schema';
import { municipalities } from '../tenancy/tenancy.schema';

const listedArticle = (municipalityId: string, now: Date) =>
	and(eq(articles.municipalityId, municipalityId), inArray(articles.status, ['published', 'scheduled']), lte(articles.publishedAt, now));

const publishedEvent = (municipalityId: string) => and(eq(events.municipalityId, municipalityId), eq(events.publication, 'published'));

export type SitemapRow = { key: string; updatedAt: Date | null };

export async function selectSitemapMunicipalities(db: Executor, limit: number) {
	return db
		.select({ id: municipalities.id, slug: municipalities.slug, updatedAt: municipalities.updatedAt })
		.from(municipalities)
		.orderBy(asc(municipalities.slug))
		.limit(limit);
}

export async function selectSitemapMunicipality(db: Executor, slug: string) {
	const [row] = await db.select({ id: municipalities.id, slug: municipalities.slug, updatedAt: municipalities.updatedAt }).from(municipalities).where(eq(municipalities.slug, slug)).limit(1);
	return row;
}

export type SitemapCounts = { strategies: number; editions: number; articles: number; tags: number; events: number };

const listedArticleAnywhere = (now: Date) => and(inArray(articles.status, ['published', 'scheduled']), lte(articles.publishedAt, now));

/**
 * How many rows of each kind the sitemaps of the given municipalities hold: five grouped queries
 * whatever the number of municipalities, so the index costs no query per municipality.
 */
export async function countSitemapRows(db: Executor, municipalityIds: string[], now: Date): Promise<Map<string, SitemapCounts>> {
	const counts = new Map<string, SitemapCounts>(municipalityIds.map((id) => [id, { strategies: 0, editions: 0, articles: 0, tags: 0, events: 0 }]));
	if (municipalityIds.length === 0) return counts;
	const [strategyRows, editionRows, articleRows, tagRows, eventRows] = await Promise.all([
		db.select({ id: strategies.municipalityId, n: count() }).from(strategies).where(inArray(strategies.municipalityId, municipalityIds)).groupBy(strategies.municipalityId),
		db.select({ id: editions.municipalityId, n: count() }).from(editions).where(inArray(editions.municipalityId, municipalityIds)).groupBy(editions.municipalityId),
		db
			.select({ id: articles.municipalityId, n: count() })
			.from(articles)
			.where(and(inArray(articles.municipalityId, municipalityIds), listedArticleAnywhere(now)))
			.groupBy(articles.municipalityId),
		db
			.select({ id: articleTags.municipalityId, n: countDistinct(articleTags.tagId) })
			.from(articleTags)
			.innerJoin(articles, eq(articles.id, articleTags.articleId))
			.where(and(inArray(articleTags.municipalityId, municipalityIds), listedArticleAnywhere(now)))
			.groupBy(articleTags.municipalityId),
		db
			.select({ id: events.municipalityId, n: count() })
			.from(events)
			.where(and(inArray(events.municipalityId, municipalityIds), eq(events.publication, 'published')))
			.groupBy(events.municipalityId)
	]);
	const add = (rows: { id: string; n: number }[], kind: keyof SitemapCounts) => {
		for (const row of rows) counts.get(row.id)![kind] = row.n;
	};
	add(strategyRows, 'strategies');
	add(editionRows, 'editions');
	add(articleRows, 'articles');
	add(tagRows, 'tags');
	add(eventRows, 'events');
	return counts;
}

export async function selectSitemapStrategies(db: Executor, municipalityId: string, offset: number, limit: number): Promise<SitemapRow[]> {
	return db
		.select({ key: strategies.slug, updatedAt: strategies.updatedAt })
		.from(strategies)
		.where(eq(strategies.municipalityId, municipalityId))
		.orderBy(asc(strategies.slug))
		.offset(offset)
		.limit(limit);
}

export async function selectSitemapEditions(db: Executor, municipalityId: string, offset: number, limit: number) {
	return db
		.select({ strategySlug: strategies.slug, number: editions.number, updatedAt: editions.updatedAt })
		.from(editions)
		.innerJoin(strategies, eq(strategies.id, editions.strategyId))
		.where(eq(editions.municipalityId, municipalityId))
		.orderBy(asc(strategies.slug), asc(editions.number))
		.offset(offset)
		.limit(limit);
}

export async function selectSitemapArticles(db: Executor, municipalityId: string, now: Date, offset: number, limit: number): Promise<SitemapRow[]> {
	return db
		.select({ key: articles.slug, updatedAt: articles.updatedAt })
		.from(articles)
		.where(listedArticle(municipalityId, now))
		.orderBy(asc(articles.publishedAt), asc(articles.id))
		.offset(offset)
		.limit(limit);
}

/** Tags with at least one listed article; lastmod is the newest change among those articles. */
export async function selectSitemapTags(db: Executor, municipalityId: string, now: Date, offset: number, limit: number): Promise<SitemapRow[]> {
	return db
		.select({ key: tags.key, updatedAt: max(articles.updatedAt) })
		.from(tags)
		.innerJoin(articleTags, and(eq(articleTags.tagId, tags.id), eq(articleTags.municipalityId, municipalityId)))
		.innerJoin(articles, eq(articles.id, articleTags.articleId))
		.where(and(eq(tags.municipalityId, municipalityId), listedArticle(municipalityId, now)))
		.groupBy(tags.id, tags.key)
		.orderBy(asc(tags.key))
		.offset(offset)
		.limit(limit);
}

export async function selectSitemapEvents(db: Executor, municipalityId: string, offset: number, limit: number): Promise<SitemapRow[]> {
	return db
		.select({ key: events.id, updatedAt: events.updatedAt })
		.from(events)
		.where(publishedEvent(municipalityId))
		.orderBy(asc(events.startsAt), asc(events.id))
		.offset(offset)
		.limit(limit);
}

export async function selectSitemapLegalPages(db: Executor, municipalityId: string) {
	return db.select({ kind: legalPages.kind, updatedAt: legalPages.updatedAt }).from(legalPages).where(eq(legalPages.municipalityId, municipalityId)).limit(10);
}
