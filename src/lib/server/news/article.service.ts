// News owns articles, their revisions and their hashtags. Editors and admins write; the public reads
// what is published or scheduled and due, so a scheduled article appears at its time without a job.
import { recordChange } from '../audit/audit.service';
import type { Database, Executor } from '../db/client';
import { requireRole, type Actor } from '../people/actor';
import type { Role } from '../people/people.schema';
import { wallClockToUtc, utcToWallClock } from '../participation/event.time';
import { slugify } from '../shared/slug';
import type { ArticleInput } from '$lib/validation/news';
import { articleNotFound, articleSlugTaken, tagNotFound } from './article.errors';
import {
	insertArticle,
	insertRevision,
	lockArticle,
	replaceArticleTags,
	selectArticle,
	selectArticlesForStaff,
	selectListedArticles,
	selectListedArticlesOfTag,
	selectNextScheduledPublication,
	selectReadableArticle,
	selectRevisions,
	selectTag,
	selectTagsOfArticles,
	slugTaken,
	updateArticleRow,
	type Article,
	type ArticleCursor
} from './article.queries';
import type { ArticleStatus } from './news.schema';
import { extractHashtags, parseTagList, renderArticleMarkdown } from './tag';

export type { Article, ArticleRevision } from './article.queries';

export const NEWS_ROLES: readonly Role[] = ['editor', 'admin'];
export const NEWS_PAGE_SIZE = 10;
const STAFF_PAGE_SIZE = 50;
const REVISIONS_SHOWN = 100;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const isArticleId = (value: string) => UUID.test(value);

/** Keyset cursor: the publication instant and id of the last article of the previous page. */
export function encodeCursor(article: { publishedAt: Date | null; id: string }): string {
	return `${article.publishedAt?.toISOString() ?? ''}~${article.id}`;
}
function decodeCursor(cursor: string | null | undefined): ArticleCursor | undefined {
	const match = cursor?.match(/^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)~([0-9a-f-]{36})$/);
	if (!match || !UUID.test(match[2])) return undefined;
	const publishedAt = new Date(match[1]);
	return Number.isNaN(publishedAt.getTime()) ? undefined : { publishedAt, id: match[2] };
}

type Listed = Awaited<ReturnType<typeof selectListedArticles>>[number];

async function withTags(db: Executor, municipalityId: string, rows: Listed[]) {
	const tagRows = await selectTagsOfArticles(db, municipalityId, rows.map((row) => row.id));
	return rows.map(({ body: _body, ...row }) => ({ ...row, tags: tagRows.filter((tag) => tag.articleId === row.id).map(({ key, display }) => ({ key, display })) }));
}

async function page(db: Executor, municipalityId: string, rows: Listed[], now: Date) {
	const shown = rows.slice(0, NEWS_PAGE_SIZE);
	const last = shown.at(-1);
	return {
		articles: await withTags(db, municipalityId, shown),
		nextCursor: rows.length > NEWS_PAGE_SIZE && last ? encodeCursor(last) : null,
		// Cached public pages must expire when the next scheduled article turns public.
		nextPublicationAt: await selectNextScheduledPublication(db, municipalityId, now)
	};
}

export async function listArticles({ db, municipalityId, cursor, now = new Date() }: { db: Executor; municipalityId: string; cursor?: string | null; now?: Date }) {
	return page(db, municipalityId, await selectListedArticles(db, municipalityId, now, NEWS_PAGE_SIZE + 1, decodeCursor(cursor)), now);
}

export async function listLatestArticles({ db, municipalityId, count = 3, now = new Date() }: { db: Executor; municipalityId: string; count?: number; now?: Date }) {
	const rows = await selectListedArticles(db, municipalityId, now, count);
	return { articles: await withTags(db, municipalityId, rows), nextPublicationAt: await selectNextScheduledPublication(db, municipalityId, now) };
}

export async function listArticlesOfTag({ db, municipalityId, key, cursor, now = new Date() }: { db: Executor; municipalityId: string; key: string; cursor?: string | null; now?: Date }) {
	const tag = await selectTag(db, municipalityId, key.normalize('NFC').toLowerCase());
	if (!tag) throw tagNotFound();
	const rows = await selectListedArticlesOfTag(db, municipalityId, tag.id, now, NEWS_PAGE_SIZE + 1, decodeCursor(cursor));
	return { tag: { key: tag.key, display: tag.display }, ...(await page(db, municipalityId, rows, now)) };
}

/** One article for the public: published, due, or archived (archived articles keep their address). */
export async function getPublicArticle({ db, municipalityId, slug, tagHref, now = new Date() }: { db: Executor; municipalityId: string; slug: string; tagHref: (key: string) => string; now?: Date }) {
	const article = await selectReadableArticle(db, municipalityId, slug, now);
	if (!article) throw articleNotFound();
	const tagRows = await selectTagsOfArticles(db, municipalityId, [article.id]);
	return {
		article: { ...article, html: renderArticleMarkdown(article.body, tagHref) },
		tags: tagRows.map(({ key, display }) => ({ key, display }))
	};
}

export async function listArticlesForStaff({ db, actor, municipalityId, page: pageNumber = 1 }: { db: Executor; actor: Actor | null; municipalityId: string; page?: number }) {
	requireRole(actor, municipalityId, NEWS_ROLES);
	const safePage = Math.min(Math.max(1, Math.trunc(pageNumber) || 1), 1000);
	const rows = await selectArticlesForStaff(db, municipalityId, STAFF_PAGE_SIZE + 1, (safePage - 1) * STAFF_PAGE_SIZE);
	return { articles: rows.slice(0, STAFF_PAGE_SIZE), page: safePage, hasNext: rows.length > STAFF_PAGE_SIZE };
}

export async function getArticleForEditing({ db, actor, municipalityId, articleId, timeZone }: { db: Executor; actor: Actor | null; municipalityId: string; articleId: string; timeZone: string }) {
	requireRole(actor, municipalityId, NEWS_ROLES);
	const article = isArticleId(articleId) ? await selectArticle(db, municipalityId, articleId) : undefined;
	if (!article) throw articleNotFound();
	const [tagRows, revisions] = await Promise.all([selectTagsOfArticles(db, municipalityId, [article.id]), selectRevisions(db, municipalityId, article.id, REVISIONS_SHOWN)]);
	return {
		article,
		values: {
			title: article.title,
			slug: article.slug,
			lead: article.lead,
			body: article.body,
			place: article.place,
			tags: tagRows.map((tag) => `#${tag.display}`).join(' '),
			publishedAt: article.publishedAt ? utcToWallClock(article.publishedAt, timeZone) : ''
		},
		revisions: revisions.map(({ id, number, savedByName, savedAt, content }) => ({ id, number, savedByName, savedAt, content: content as RevisionContent }))
	};
}

export type RevisionContent = { title: string; slug: string; lead: string; body: string; place: string; status: ArticleStatus; publishedAt: string | null; tags: string[] };

/** A slug stays once the article has been public: links and feed ids must not break. */
const hasBeenPublic = (article: Article | undefined) => Boolean(article && article.status !== 'draft');

async function chooseSlug(tx: Executor, municipalityId: string, input: ArticleInput, existing: Article | undefined) {
	if (existing && hasBeenPublic(existing)) return existing.slug;
	if (input.slug) {
		if (await slugTaken(tx, municipalityId, input.slug, existing?.id)) throw articleSlugTaken();
		return input.slug;
	}
	const base = slugify(input.title).slice(0, 100) || 'meldung';
	for (let suffix = 1; suffix < 100; suffix++) {
		const candidate = suffix === 1 ? base : `${base}-${suffix}`;
		if (!(await slugTaken(tx, municipalityId, candidate, existing?.id))) return candidate;
	}
	throw articleSlugTaken();
}

function statusFor(input: ArticleInput, existing: Article | undefined, timeZone: string, now: Date): { status: ArticleStatus; publishedAt: Date | null } {
	const chosen = input.publishedAt ? wallClockToUtc(input.publishedAt, timeZone) : null;
	if (input.intent === 'draft') return { status: 'draft', publishedAt: chosen };
	const publishedAt = chosen ?? existing?.publishedAt ?? now;
	if (input.intent === 'archive') return { status: 'archived', publishedAt };
	return { status: publishedAt > now ? 'scheduled' : 'published', publishedAt };
}

/**
 * Creates or updates an article and keeps the saved content as a new revision. Tags are the inline
 * hashtags of the body plus those of the list field.
 */
export async function saveArticle({
	db,
	actor,
	municipalityId,
	articleId,
	input,
	timeZone,
	now = new Date()
}: {
	db: Database;
	actor: Actor | null;
	municipalityId: string;
	articleId?: string;
	input: ArticleInput;
	timeZone: string;
	now?: Date;
}) {
	const editor = requireRole(actor, municipalityId, NEWS_ROLES);
	return db.transaction(async (tx) => {
		const existing = articleId ? (isArticleId(articleId) ? await lockArticle(tx, municipalityId, articleId) : undefined) : undefined;
		if (articleId && !existing) throw articleNotFound();
		const slug = await chooseSlug(tx, municipalityId, input, existing);
		const { status, publishedAt } = statusFor(input, existing, timeZone, now);
		const values = { slug, title: input.title, lead: input.lead, body: input.body, place: input.place, status, publishedAt };
		const saved = existing
			? await updateArticleRow(tx, municipalityId, existing.id, { ...values, revisionCount: existing.revisionCount + 1 })
			: await insertArticle(tx, { municipalityId, ...values, authorName: editor.name, revisionCount: 1 });
		const wantedTags = [...extractHashtags(input.body), ...parseTagList(input.tags)].filter((tag, index, all) => all.findIndex((other) => other.key === tag.key) === index);
		await replaceArticleTags(tx, municipalityId, saved.id, wantedTags);
		const content: RevisionContent = { ...values, publishedAt: publishedAt?.toISOString() ?? null, tags: wantedTags.map((tag) => tag.display) };
		await insertRevision(tx, { municipalityId, articleId: saved.id, number: saved.revisionCount, content, savedByUserId: editor.userId, savedByName: editor.name });
		await recordChange(tx, {
			actor: editor,
			municipalityId,
			action: existing ? 'update' : 'create',
			entityType: 'article',
			entityId: saved.id,
			before: existing ? { title: existing.title, status: existing.status, publishedAt: existing.publishedAt } : undefined,
			after: { title: saved.title, status: saved.status, publishedAt: saved.publishedAt }
		});
		return saved;
	});
}
