// Atom feeds of the news: per municipality, per hashtag and per region. Entries keep their article's
// address as id, which never changes once published, so feed readers do not show an article twice.
import { createHash } from 'node:crypto';
import { Feed } from 'feed';
import type { Executor } from '../db/client';
import { getRegionCalendarScope } from '../participation/calendar.service';
import { getMunicipalityBySlug } from '../tenancy/tenancy.service';
import { tagNotFound } from './article.errors';
import { selectFeedArticles, selectNextScheduledPublication, selectTag, selectTagsOfArticles } from './article.queries';
import { renderArticleMarkdown } from './tag';
import type { Database } from '../db/client';

const FEED_ENTRIES = 30;

type FeedScope = { municipalityIds: string[]; title: string; selfPath: string; alternatePath: string; tagId?: string };

async function buildFeed(db: Executor, origin: string, scope: FeedScope, now: Date) {
	const rows = await selectFeedArticles(db, scope.municipalityIds, now, FEED_ENTRIES, scope.tagId);
	const tagRows = await Promise.all(
		[...new Set(rows.map((row) => row.municipalityId))].map((municipalityId) =>
			selectTagsOfArticles(db, municipalityId, rows.filter((row) => row.municipalityId === municipalityId).map((row) => row.id))
		)
	);
	const tags = tagRows.flat();
	const updated = rows.reduce<Date>((latest, row) => (row.updatedAt > latest ? row.updatedAt : latest), new Date(0));
	const feed = new Feed({
		title: scope.title,
		id: `${origin}${scope.selfPath}`,
		link: `${origin}${scope.alternatePath}`,
		language: 'de',
		updated: rows.length > 0 ? updated : new Date(0),
		copyright: '',
		generator: 'Leitbild',
		feedLinks: { atom: `${origin}${scope.selfPath}` }
	});
	for (const row of rows) {
		const url = `${origin}/${row.municipalitySlug}/news/${row.slug}`;
		const tagHref = (key: string) => `${origin}/${row.municipalitySlug}/tags/${encodeURIComponent(key)}`;
		feed.addItem({
			title: row.title,
			id: url,
			link: url,
			description: row.lead,
			content: renderArticleMarkdown(row.body, tagHref),
			date: row.updatedAt,
			published: row.publishedAt ?? row.updatedAt,
			author: [{ name: row.municipalityName }],
			category: tags.filter((tag) => tag.articleId === row.id).map((tag) => ({ name: tag.display, term: tag.key, domain: tagHref(tag.key) }))
		});
	}
	return { xml: feed.atom1(), nextPublicationAt: await selectNextScheduledPublication(db, scope.municipalityIds.length === 1 ? scope.municipalityIds[0] : null, now) };
}

export async function getMunicipalityFeed({ db, slug, origin, now = new Date() }: { db: Executor; slug: string; origin: string; now?: Date }) {
	const municipality = await getMunicipalityBySlug({ db, slug });
	return buildFeed(db, origin, { municipalityIds: [municipality.id], title: `Meldungen – ${municipality.name}`, selfPath: `/${slug}/news/feed.xml`, alternatePath: `/${slug}/news` }, now);
}

export async function getTagFeed({ db, slug, key, origin, now = new Date() }: { db: Executor; slug: string; key: string; origin: string; now?: Date }) {
	const municipality = await getMunicipalityBySlug({ db, slug });
	const tag = await selectTag(db, municipality.id, key.normalize('NFC').toLowerCase());
	if (!tag) throw tagNotFound();
	const tagPath = `/${slug}/tags/${encodeURIComponent(tag.key)}`;
	return buildFeed(db, origin, { municipalityIds: [municipality.id], tagId: tag.id, title: `#${tag.display} – ${municipality.name}`, selfPath: `${tagPath}/feed.xml`, alternatePath: tagPath }, now);
}

export async function getRegionFeed({ db, slug, origin, now = new Date() }: { db: Database; slug: string; origin: string; now?: Date }) {
	const { region, municipalities } = await getRegionCalendarScope({ db, slug });
	return buildFeed(db, origin, { municipalityIds: municipalities.map((m) => m.id), title: `Meldungen – Region ${region.name}`, selfPath: `/regions/${slug}/news/feed.xml`, alternatePath: `/regions/${slug}/events` }, now);
}

/** An Atom answer with an ETag, so that polling readers get a 304 while nothing changed. */
export function atomResponse(xml: string, ifNoneMatch: string | null): Response {
	const etag = `"${createHash('sha256').update(xml).digest('base64url').slice(0, 27)}"`;
	const headers = { 'content-type': 'application/atom+xml; charset=utf-8', etag, 'cache-control': 'public, max-age=300' };
	if (ifNoneMatch === etag) return new Response(null, { status: 304, headers });
	return new Response(xml, { headers });
}
