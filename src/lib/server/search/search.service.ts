// Search finds a municipality's public content by its words: the goals and measures of every edition,
// ideas, news and events. It answers with a few matches of each kind, or with one kind page by page.
import type { Database } from '../db/client';
import { SEARCH_COUNT_CAP, SEARCH_PAGE_SIZE, type SearchKind, type SearchParams } from '$lib/validation/search';
import { excerptOf } from './excerpt';
import { searchArticles, searchEvents, searchGoals, searchIdeas, searchMeasures, type SearchPage } from './search.queries';

/** Matches of each kind shown when no kind is chosen. */
export const SEARCH_OVERVIEW_SIZE = 5;

/**
 * Each row with its title and an excerpt of its text, the matching words marked in both. The full text
 * stays on the server: a page of articles would otherwise carry every body to the browser.
 */
function marked<Row extends { title: string; text: string; lead?: string }>(found: { rows: Row[] }, query: string, textOf: (row: Row) => string) {
	return found.rows.map((row) => {
		const { text: _text, lead: _lead, ...shown } = row;
		return { ...shown, titleParts: excerptOf(row.title, query, 300), excerpt: excerptOf(textOf(row), query) };
	});
}

function findersFor(db: Database, municipalityId: string, query: string, now: Date) {
	return {
		goals: async (page: SearchPage) => {
			const found = await searchGoals(db, municipalityId, query, page);
			const rows = marked(found, query, (row) => row.text).map((row) => ({ ...row, number: `${row.fieldNumber}.${row.goalNumber}` }));
			return { ...found, rows };
		},
		measures: async (page: SearchPage) => {
			const found = await searchMeasures(db, municipalityId, query, page);
			const rows = marked(found, query, (row) => row.text).map((row) => ({ ...row, number: `${row.fieldNumber}.${row.goalNumber}.${row.measureNumber}` }));
			return { ...found, rows };
		},
		ideas: async (page: SearchPage) => {
			const found = await searchIdeas(db, municipalityId, query, page);
			return { ...found, rows: marked(found, query, (row) => row.text) };
		},
		articles: async (page: SearchPage) => {
			const found = await searchArticles(db, municipalityId, query, now, page);
			return { ...found, rows: marked(found, query, (row) => `${row.lead} ${row.text}`) };
		},
		events: async (page: SearchPage) => {
			const found = await searchEvents(db, municipalityId, query, page);
			return { ...found, rows: marked(found, query, (row) => row.text) };
		}
	};
}

type Finders = ReturnType<typeof findersFor>;
export type SearchResults = { [K in SearchKind]?: Awaited<ReturnType<Finders[K]>> };

/**
 * Nothing is searched for an empty query. Without a kind, every kind shows its best few matches and
 * how many there are; with one, that kind shows a page of them.
 */
export async function searchMunicipality({
	db,
	municipalityId,
	params,
	now = new Date()
}: {
	db: Database;
	municipalityId: string;
	params: SearchParams;
	now?: Date;
}): Promise<{ query: string; kind: SearchKind | null; page: number; results: SearchResults }> {
	const query = params.q;
	const kind = params.kind ?? null;
	if (!query) return { query, kind, page: 1, results: {} };
	const finders = findersFor(db, municipalityId, query, now);
	if (kind) {
		const page = { limit: SEARCH_PAGE_SIZE, offset: (params.page - 1) * SEARCH_PAGE_SIZE, countCap: SEARCH_COUNT_CAP };
		return { query, kind, page: params.page, results: { [kind]: await finders[kind](page) } };
	}
	const overview = { limit: SEARCH_OVERVIEW_SIZE, offset: 0, countCap: SEARCH_COUNT_CAP };
	const [goals, measures, ideas, articles, events] = await Promise.all([
		finders.goals(overview),
		finders.measures(overview),
		finders.ideas(overview),
		finders.articles(overview),
		finders.events(overview)
	]);
	return { query, kind, page: 1, results: { goals, measures, ideas, articles, events } };
}
