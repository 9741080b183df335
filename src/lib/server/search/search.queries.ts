// One query per kind of public content, each matching the same expression as its GIN index
// (shared/text-search.ts) and ranked by it; every kind keeps the visibility rule of its own pages.
import { and, asc, desc, eq, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgSelect } from 'drizzle-orm/pg-core';
import type { Executor } from '../db/client';
import { editions, fields, goals, measures, strategies } from '../document/document.schema';
import { readableNow } from '../news/article.queries';
import { articles } from '../news/news.schema';
import { events } from '../participation/event.schema';
import { ideas } from '../participation/idea.schema';
import { organisations } from '../people/organisation.schema';
import { inOrderOf, selectTextMatches, type TextMatches } from '../shared/text-matches.queries';
import { searchDocument, searchQuery, searchQueryParts } from '../shared/text-search';

export type SearchPage = { limit: number; offset: number; countCap: number };

const rankOf = (document: SQL | PgColumn, query: SQL) => sql<number>`ts_rank(${document}, ${query})`;

/** The German words match, or the row is among those whose translation into the reader's language did. */
const germanOrTranslated = (germanMatch: SQL, id: PgColumn, translated: readonly string[]) =>
	translated.length === 0 ? germanMatch : or(germanMatch, inArray(id, [...translated]));

/** The position of a row among its siblings, counted the way the outline orders them (position, then age). */
const numberAmong = (table: typeof fields | typeof goals | typeof measures, parent: PgColumn, row: { parent: PgColumn; position: PgColumn; createdAt: PgColumn }) =>
	sql<number>`(select count(*) + 1 from ${table} as sibling where sibling.${sql.identifier(parent.name)} = ${row.parent}
		and (sibling.position, sibling.created_at) < (${row.position}, ${row.createdAt}))`.mapWith(Number);

/**
 * One page of matches, one past the page to tell whether another follows, and how many match in all:
 * ranking reads every match anyway, so the count comes with the page (a window over the matches)
 * instead of a second query that would read them again. Past the cap no page is offered: a narrower
 * search helps more. A page past the last match has no row to carry the count and reports none.
 */
async function pageOf<Row extends { matches: number }>(select: PgSelect, page: SearchPage) {
	const found = (await select.limit(page.limit + 1).offset(page.offset)) as Row[];
	const counted = found[0]?.matches ?? 0;
	const rows = found.slice(0, page.limit).map(({ matches: _matches, ...row }) => row);
	return { rows, hasMore: found.length > page.limit, total: Math.min(counted, page.countCap), totalIsCapped: counted > page.countCap };
}

/** How many rows the query matches before its limit, on every row of the page. */
const matches = sql<number>`count(*) over ()`.mapWith(Number);

export async function searchGoals(db: Executor, municipalityId: string, text: string, page: SearchPage, translated: readonly string[] = []) {
	const document = searchDocument(goals.title, goals.description);
	const query = searchQuery(text);
	const where = and(eq(goals.municipalityId, municipalityId), germanOrTranslated(sql`${document} @@ ${query}`, goals.id, translated));
	const select = db
		.select({
			id: goals.id,
			title: goals.title,
			text: goals.description,
			matches,
			strategySlug: strategies.slug,
			strategyTitle: strategies.title,
			editionNumber: editions.number,
			fieldNumber: numberAmong(fields, fields.editionId, { parent: fields.editionId, position: fields.position, createdAt: fields.createdAt }),
			goalNumber: numberAmong(goals, goals.fieldId, { parent: goals.fieldId, position: goals.position, createdAt: goals.createdAt })
		})
		.from(goals)
		.innerJoin(fields, eq(fields.id, goals.fieldId))
		.innerJoin(editions, eq(editions.id, fields.editionId))
		.innerJoin(strategies, eq(strategies.id, editions.strategyId))
		.where(where)
		.orderBy(desc(rankOf(document, query)), desc(editions.number), goals.id)
		.$dynamic();
	return pageOf<Awaited<typeof select>[number]>(select, page);
}

export async function searchMeasures(db: Executor, municipalityId: string, text: string, page: SearchPage, translated: readonly string[] = []) {
	const document = searchDocument(measures.title, measures.description);
	const query = searchQuery(text);
	const where = and(eq(measures.municipalityId, municipalityId), germanOrTranslated(sql`${document} @@ ${query}`, measures.id, translated));
	const select = db
		.select({
			id: measures.id,
			title: measures.title,
			text: measures.description,
			matches,
			strategySlug: strategies.slug,
			strategyTitle: strategies.title,
			editionNumber: editions.number,
			fieldNumber: numberAmong(fields, fields.editionId, { parent: fields.editionId, position: fields.position, createdAt: fields.createdAt }),
			goalNumber: numberAmong(goals, goals.fieldId, { parent: goals.fieldId, position: goals.position, createdAt: goals.createdAt }),
			measureNumber: numberAmong(measures, measures.goalId, { parent: measures.goalId, position: measures.position, createdAt: measures.createdAt })
		})
		.from(measures)
		.innerJoin(goals, eq(goals.id, measures.goalId))
		.innerJoin(fields, eq(fields.id, goals.fieldId))
		.innerJoin(editions, eq(editions.id, fields.editionId))
		.innerJoin(strategies, eq(strategies.id, editions.strategyId))
		.where(where)
		.orderBy(desc(rankOf(document, query)), desc(editions.number), measures.id)
		.$dynamic();
	return pageOf<Awaited<typeof select>[number]>(select, page);
}

/** The page's share of the matches, read in full by `read`, in the order the matches were chosen in. */
async function pageOfMatches<Row extends { id: string }>(found: TextMatches, page: SearchPage, read: (ids: string[]) => Promise<Row[]>) {
	const chosen = found.matches.slice(page.offset, page.offset + page.limit + 1).map((match) => match.id);
	// The one past the page only says whether there is a next page; it is not read.
	const shown = chosen.slice(0, page.limit);
	return {
		rows: shown.length === 0 ? [] : inOrderOf(shown, await read(shown)),
		hasMore: chosen.length > page.limit,
		total: Math.min(found.counted, page.countCap),
		totalIsCapped: found.counted > page.countCap,
		order: found.ranked ? ('rank' as const) : ('newest' as const)
	};
}

/**
 * Ideas whose text the moderators hid are not found by it: their list shows only the reason. Ideas, news and
 * events are the kinds a town may hold by the ten thousand: up to RANKED_MATCHES matches are ranked, more come
 * newest first (shared/text-matches.queries.ts), and only the page's rows are then read in full.
 */
export async function searchIdeas(db: Executor, municipalityId: string, text: string, page: SearchPage) {
	const found = await selectTextMatches(db, {
		table: ideas,
		columns: { id: ideas.id, municipalityId: ideas.municipalityId, newest: ideas.createdAt },
		municipalityId,
		scope: isNull(ideas.hiddenReason),
		anyOf: searchQueryParts(text).map((part) => sql`${ideas.searchVector} @@ ${part}`),
		// The stored vector is the other kinds' expression (searchDocument), weights and all.
		rank: rankOf(ideas.searchVector, searchQuery(text)),
		newest: page.offset + page.limit + 1
	});
	return pageOfMatches(found, page, (ids) =>
		db
			.select({
				id: ideas.id,
				title: ideas.title,
				text: ideas.body,
				createdAt: ideas.createdAt,
				strategySlug: strategies.slug,
				strategyTitle: strategies.title,
				editionNumber: editions.number
			})
			.from(ideas)
			.innerJoin(editions, eq(editions.id, ideas.editionId))
			.innerJoin(strategies, eq(strategies.id, editions.strategyId))
			.where(and(eq(ideas.municipalityId, municipalityId), inArray(ideas.id, ids)))
	);
}

/**
 * A document computed from the row (news, events) matching the typed words, as selectTextMatches asks for it: each
 * reading on its own for the word index, all of them in one test for the walk along the newest rows, and the rank.
 * Rows whose translation matched are one more reading, looked up by their ids.
 */
function documentMatching(document: SQL, text: string, id: PgColumn, translated: readonly string[]) {
	const query = searchQuery(text);
	const german = searchQueryParts(text).map((part) => sql`${document} @@ ${part}`);
	return {
		anyOf: translated.length === 0 ? german : [...german, inArray(id, [...translated])],
		anyOfAtOnce: germanOrTranslated(sql`${document} @@ ${query}`, id, translated),
		rank: rankOf(document, query)
	};
}

/** Articles that can be read at their address now, archived ones included; with many matches, the latest first. */
export async function searchArticles(db: Executor, municipalityId: string, text: string, now: Date, page: SearchPage, translated: readonly string[] = []) {
	const document = searchDocument(articles.title, articles.lead, articles.body);
	const found = await selectTextMatches(db, {
		table: articles,
		columns: { id: articles.id, municipalityId: articles.municipalityId, newest: articles.publishedAt },
		municipalityId,
		scope: readableNow(now),
		...documentMatching(document, text, articles.id, translated),
		newest: page.offset + page.limit + 1
	});
	return pageOfMatches(found, page, (ids) =>
		db
			.select({ id: articles.id, slug: articles.slug, title: articles.title, lead: articles.lead, text: articles.body, publishedAt: articles.publishedAt })
			.from(articles)
			.where(and(eq(articles.municipalityId, municipalityId), inArray(articles.id, ids)))
	);
}

/** Published events; with many matches, those starting last first. */
export async function searchEvents(db: Executor, municipalityId: string, text: string, page: SearchPage, translated: readonly string[] = []) {
	const document = searchDocument(events.title, events.description);
	const found = await selectTextMatches(db, {
		table: events,
		columns: { id: events.id, municipalityId: events.municipalityId, newest: events.startsAt },
		municipalityId,
		scope: eq(events.publication, 'published'),
		...documentMatching(document, text, events.id, translated),
		newest: page.offset + page.limit + 1
	});
	return pageOfMatches(found, page, (ids) =>
		db
			.select({ id: events.id, title: events.title, text: events.description, startsAt: events.startsAt, endsAt: events.endsAt, place: events.place })
			.from(events)
			.where(and(eq(events.municipalityId, municipalityId), inArray(events.id, ids)))
	);
}

/**
 * Organisations that agreed to be listed publicly, by their name and description, through the word index of the
 * listed ones. A town lists them by the hundred, not by the ten thousand, so every match is ranked.
 */
export async function searchOrganisations(db: Executor, municipalityId: string, text: string, page: SearchPage) {
	const document = searchDocument(organisations.name, organisations.description);
	const query = searchQuery(text);
	const select = db
		.select({ id: organisations.id, title: organisations.name, text: organisations.description, sector: organisations.sector, matches })
		.from(organisations)
		.where(and(eq(organisations.municipalityId, municipalityId), isNotNull(organisations.listedPubliclySince), sql`${document} @@ ${query}`))
		.orderBy(desc(rankOf(document, query)), asc(organisations.name), organisations.id)
		.$dynamic();
	return pageOf<Awaited<typeof select>[number]>(select, page);
}
