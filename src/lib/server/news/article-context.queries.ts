import { and, asc, desc, eq, gt, gte, inArray, min, or } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { editions, strategies } from '../document/document.schema';
import { events } from '../participation/event.schema';
import { contactPoints } from '../tenancy/tenancy.schema';
import { articleContexts, articleEvents } from './article-context.schema';
import { listedNow } from './article.queries';
import { articles } from './news.schema';

/** Bounded lists for the editor's choices: an article relates to recent and coming events only. */
const EVENT_CHOICES_LIMIT = 100;
const EDITION_CHOICES_LIMIT = 100;
export const ARTICLE_EVENTS_LIMIT = 20;
const ARTICLES_OF_EVENT_LIMIT = 10;

export async function selectArticleContext(db: Executor, municipalityId: string, articleId: string) {
	const [row] = await db
		.select({ editionId: articleContexts.editionId, contactPointId: articleContexts.contactPointId })
		.from(articleContexts)
		.where(and(eq(articleContexts.municipalityId, municipalityId), eq(articleContexts.articleId, articleId)))
		.limit(1);
	return row ?? { editionId: null, contactPointId: null };
}

export async function selectArticleEventIds(db: Executor, municipalityId: string, articleId: string) {
	const rows = await db
		.select({ eventId: articleEvents.eventId })
		.from(articleEvents)
		.where(and(eq(articleEvents.municipalityId, municipalityId), eq(articleEvents.articleId, articleId)))
		.limit(ARTICLE_EVENTS_LIMIT);
	return rows.map((row) => row.eventId);
}

export async function selectEditionChoices(db: Executor, municipalityId: string) {
	return db
		.select({ id: editions.id, number: editions.number, periodStart: editions.periodStart, periodEnd: editions.periodEnd, strategyTitle: strategies.title })
		.from(editions)
		.innerJoin(strategies, and(eq(strategies.id, editions.strategyId), eq(strategies.municipalityId, municipalityId)))
		.where(eq(editions.municipalityId, municipalityId))
		.orderBy(asc(strategies.title), desc(editions.number))
		.limit(EDITION_CHOICES_LIMIT);
}

/** Events of the last year and all coming ones, plus those already chosen even if older. */
export async function selectEventChoices(db: Executor, municipalityId: string, chosen: string[], now: Date) {
	const yearAgo = new Date(now.getTime() - 365 * 24 * 3600 * 1000);
	const recentOrChosen = chosen.length > 0 ? or(gte(events.startsAt, yearAgo), inArray(events.id, chosen)) : gte(events.startsAt, yearAgo);
	return db
		.select({ id: events.id, title: events.title, startsAt: events.startsAt })
		.from(events)
		.where(and(eq(events.municipalityId, municipalityId), eq(events.publication, 'published'), recentOrChosen))
		.orderBy(asc(events.startsAt), asc(events.id))
		.limit(EVENT_CHOICES_LIMIT);
}

export async function countOwnRows(db: Executor, municipalityId: string, ids: { editionId: string | null; contactPointId: string | null; eventIds: string[] }) {
	// One after another: the article's save counts them inside its transaction, on one connection.
	const editionCount = ids.editionId ? await db.$count(editions, and(eq(editions.municipalityId, municipalityId), eq(editions.id, ids.editionId))) : 0;
	const contactCount = ids.contactPointId
		? await db.$count(contactPoints, and(eq(contactPoints.municipalityId, municipalityId), eq(contactPoints.id, ids.contactPointId)))
		: 0;
	const eventCount = ids.eventIds.length > 0 ? await db.$count(events, and(eq(events.municipalityId, municipalityId), inArray(events.id, ids.eventIds))) : 0;
	return { editionCount, contactCount, eventCount };
}

export async function upsertArticleContext(tx: Executor, values: { articleId: string; municipalityId: string; editionId: string | null; contactPointId: string | null }) {
	await tx
		.insert(articleContexts)
		.values(values)
		.onConflictDoUpdate({ target: articleContexts.articleId, set: { editionId: values.editionId, contactPointId: values.contactPointId, updatedAt: new Date() } });
}

export async function replaceArticleEvents(tx: Executor, municipalityId: string, articleId: string, eventIds: string[]) {
	await tx.delete(articleEvents).where(and(eq(articleEvents.municipalityId, municipalityId), eq(articleEvents.articleId, articleId)));
	if (eventIds.length > 0) await tx.insert(articleEvents).values(eventIds.map((eventId) => ({ articleId, eventId, municipalityId })));
}

/** For the public article page: the edition with its strategy's address, the office, the published events. */
export async function selectPublicArticleContext(db: Executor, municipalityId: string, articleId: string) {
	const [context, relatedEvents] = await Promise.all([
		db
			.select({ edition: { number: editions.number, periodStart: editions.periodStart, periodEnd: editions.periodEnd }, strategy: { slug: strategies.slug, title: strategies.title }, contactPoint: contactPoints })
			.from(articleContexts)
			.leftJoin(editions, and(eq(editions.id, articleContexts.editionId), eq(editions.municipalityId, municipalityId)))
			.leftJoin(strategies, and(eq(strategies.id, editions.strategyId), eq(strategies.municipalityId, municipalityId)))
			.leftJoin(contactPoints, and(eq(contactPoints.id, articleContexts.contactPointId), eq(contactPoints.municipalityId, municipalityId)))
			.where(and(eq(articleContexts.municipalityId, municipalityId), eq(articleContexts.articleId, articleId)))
			.limit(1),
		db
			.select({ id: events.id, title: events.title, startsAt: events.startsAt, endsAt: events.endsAt, status: events.status })
			.from(articleEvents)
			.innerJoin(events, and(eq(events.id, articleEvents.eventId), eq(events.municipalityId, municipalityId), eq(events.publication, 'published')))
			.where(and(eq(articleEvents.municipalityId, municipalityId), eq(articleEvents.articleId, articleId)))
			.orderBy(asc(events.startsAt))
			.limit(ARTICLE_EVENTS_LIMIT)
	]);
	const row = context[0];
	return {
		edition: row?.edition && row.strategy ? { ...row.edition, strategySlug: row.strategy.slug, strategyTitle: row.strategy.title } : null,
		contactPoint: row?.contactPoint ?? null,
		events: relatedEvents
	};
}

/** Published articles about one event, newest first, for the event page. */
export async function selectPublicArticlesOfEvent(db: Executor, municipalityId: string, eventId: string, now: Date) {
	return db
		.select({ slug: articles.slug, title: articles.title, publishedAt: articles.publishedAt })
		.from(articleEvents)
		.innerJoin(articles, and(eq(articles.id, articleEvents.articleId), eq(articles.municipalityId, municipalityId)))
		.where(
			and(
				eq(articleEvents.municipalityId, municipalityId),
				eq(articleEvents.eventId, eventId),
				listedNow(now)
			)
		)
		.orderBy(desc(articles.publishedAt))
		.limit(ARTICLES_OF_EVENT_LIMIT);
}

/** When the next scheduled article about an event turns public (null when none is waiting). */
export async function selectNextArticleOfEventAt(db: Executor, municipalityId: string, eventId: string, now: Date): Promise<Date | null> {
	const [row] = await db
		.select({ at: min(articles.publishedAt) })
		.from(articleEvents)
		.innerJoin(articles, and(eq(articles.id, articleEvents.articleId), eq(articles.municipalityId, municipalityId)))
		.where(and(eq(articleEvents.municipalityId, municipalityId), eq(articleEvents.eventId, eventId), eq(articles.status, 'scheduled'), gt(articles.publishedAt, now)));
	return row?.at ?? null;
}
