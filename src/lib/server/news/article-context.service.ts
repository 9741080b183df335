// What a news article belongs to: the strategy edition it reports on, the office to contact about it
// and the events it announces or reports on. Chosen by editors; shown on the article and event pages.
import { recordChange } from '../audit/audit.service';
import type { Database, Executor } from '../db/client';
import { requireRole, type Actor } from '../people/actor';
import { selectContactPoints } from '../tenancy/tenancy.queries';
import { selectArticleExists } from '../media/article-media.queries';
import { articleContextUnknown, articleNotFound } from './article.errors';
import { NEWS_ROLES } from './article.service';
import {
	countOwnRows,
	replaceArticleEvents,
	selectArticleContext,
	selectArticleEventIds,
	selectEditionChoices,
	selectEventChoices,
	selectNextArticleOfEventAt,
	selectPublicArticleContext,
	selectPublicArticlesOfEvent,
	upsertArticleContext
} from './article-context.queries';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type ArticleContextInput = { editionId: string | null; contactPointId: string | null; eventIds: string[] };

/** For the editor: what is chosen now and what can be chosen (bounded lists of the municipality's own rows). */
export async function getArticleContextChoices({ db, actor, municipalityId, articleId, now = new Date() }: { db: Database; actor: Actor | null; municipalityId: string; articleId: string; now?: Date }) {
	requireRole(actor, municipalityId, NEWS_ROLES);
	if (!UUID.test(articleId) || !(await selectArticleExists(db, municipalityId, articleId))) throw articleNotFound();
	const [context, eventIds] = await Promise.all([selectArticleContext(db, municipalityId, articleId), selectArticleEventIds(db, municipalityId, articleId)]);
	const [editions, contactPoints, events] = await Promise.all([
		selectEditionChoices(db, municipalityId),
		selectContactPoints(db, municipalityId),
		selectEventChoices(db, municipalityId, eventIds, now)
	]);
	return {
		current: { editionId: context.editionId ?? '', contactPointId: context.contactPointId ?? '', eventIds },
		editions,
		contactPoints: contactPoints.map((point) => ({ id: point.id, office: point.office })),
		events
	};
}

/** Replaces the article's context; every chosen row must belong to the same municipality. */
export async function setArticleContext({ db, actor, municipalityId, articleId, input }: { db: Database; actor: Actor | null; municipalityId: string; articleId: string; input: ArticleContextInput }) {
	const staff = requireRole(actor, municipalityId, NEWS_ROLES);
	if (!UUID.test(articleId)) throw articleNotFound();
	const eventIds = [...new Set(input.eventIds)];
	await db.transaction(async (tx) => {
		if (!(await selectArticleExists(tx, municipalityId, articleId))) throw articleNotFound();
		const own = await countOwnRows(tx, municipalityId, { ...input, eventIds });
		if ((input.editionId && own.editionCount !== 1) || (input.contactPointId && own.contactCount !== 1) || own.eventCount !== eventIds.length) throw articleContextUnknown();
		const before = { ...(await selectArticleContext(tx, municipalityId, articleId)), eventIds: await selectArticleEventIds(tx, municipalityId, articleId) };
		await upsertArticleContext(tx, { articleId, municipalityId, editionId: input.editionId, contactPointId: input.contactPointId });
		await replaceArticleEvents(tx, municipalityId, articleId, eventIds);
		await recordChange(tx, {
			actor: staff,
			municipalityId,
			action: 'update',
			entityType: 'article_context',
			entityId: articleId,
			before,
			after: { editionId: input.editionId, contactPointId: input.contactPointId, eventIds }
		});
	});
}

/** The public article page's context (the caller has already found the readable article). */
export function getPublicArticleContext({ db, municipalityId, articleId }: { db: Executor; municipalityId: string; articleId: string }) {
	return selectPublicArticleContext(db, municipalityId, articleId);
}

/** When the next scheduled article about an event joins its public page's list. */
export function getNextArticleOfEventAt({ db, municipalityId, eventId, now = new Date() }: { db: Executor; municipalityId: string; eventId: string; now?: Date }) {
	return selectNextArticleOfEventAt(db, municipalityId, eventId, now);
}

/** Published articles about an event, for its public page. */
export function getPublicArticlesOfEvent({ db, municipalityId, eventId, now = new Date() }: { db: Executor; municipalityId: string; eventId: string; now?: Date }) {
	return selectPublicArticlesOfEvent(db, municipalityId, eventId, now);
}
