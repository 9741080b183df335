// Search finds a municipality's public content by its words: the goals and measures of every edition,
// ideas, news, events and the organisations listed publicly. It answers with a few matches of each kind, or with one kind page by page.
// A reader of another language finds content by its translation too, and sees each hit in their language
// where it is translated.
import type { Database } from '../db/client';
import { ORIGINAL_LOCALE, pickText, type TranslationView } from '$lib/content-text';
import type { Locale } from '$lib/paraglide/runtime';
import { SEARCH_COUNT_CAP, SEARCH_PAGE_SIZE, type SearchKind, type SearchParams } from '$lib/validation/search';
import { loadTranslationView } from '../content/content.service';
import { translationLocales, type TranslationLocale } from '../content/content.schema';
import { excerptOf } from './excerpt';
import { searchArticles, searchEvents, searchGoals, searchIdeas, searchMeasures, searchOrganisations, type SearchPage } from './search.queries';
import { selectTranslatedMatches, type TranslatedMatches, type TranslatedSearchKind } from './translated-matches.queries';

/** Matches of each kind shown when no kind is chosen. */
export const SEARCH_OVERVIEW_SIZE = 5;

type Shown = { text: string; lang: string; dir: 'ltr' | 'rtl' };
const original = (text: string): Shown => ({ text, lang: ORIGINAL_LOCALE, dir: 'ltr' });

/**
 * A row with its title and an excerpt of its text, each in the language it is shown in, the matching words
 * marked in both. The full text stays on the server: a page of articles would otherwise carry every body to the browser.
 */
function hitOf<Row extends { title: string; text: string; lead?: string }>(row: Row, query: string, title: Shown, text: Shown) {
	const { text: _text, lead: _lead, ...kept } = row;
	return {
		...kept,
		title: title.text,
		titleLang: title.lang,
		titleDir: title.dir,
		titleParts: excerptOf(title.text, query, 300),
		excerpt: excerptOf(text.text, query),
		excerptLang: text.lang,
		excerptDir: text.dir
	};
}

function findersFor(db: Database, municipalityId: string, query: string, now: Date, translated: TranslatedMatches, viewOf: (kind: TranslatedSearchKind, rows: { id: string }[]) => Promise<TranslationView | undefined>) {
	return {
		goals: async (page: SearchPage) => {
			const found = await searchGoals(db, municipalityId, query, page, translated.goal);
			const view = await viewOf('goal', found.rows);
			const rows = found.rows.map((row) => ({
				...hitOf(row, query, pickText(view, 'goal', row.id, 'title', row.title), pickText(view, 'goal', row.id, 'description', row.text)),
				number: `${row.fieldNumber}.${row.goalNumber}`
			}));
			return { ...found, rows };
		},
		measures: async (page: SearchPage) => {
			const found = await searchMeasures(db, municipalityId, query, page, translated.measure);
			const view = await viewOf('measure', found.rows);
			const rows = found.rows.map((row) => ({
				...hitOf(row, query, pickText(view, 'measure', row.id, 'title', row.title), pickText(view, 'measure', row.id, 'description', row.text)),
				number: `${row.fieldNumber}.${row.goalNumber}.${row.measureNumber}`
			}));
			return { ...found, rows };
		},
		ideas: async (page: SearchPage) => {
			const found = await searchIdeas(db, municipalityId, query, page);
			return { ...found, rows: found.rows.map((row) => hitOf(row, query, original(row.title), original(row.text))) };
		},
		articles: async (page: SearchPage) => {
			const found = await searchArticles(db, municipalityId, query, now, page, translated.article);
			const view = await viewOf('article', found.rows);
			const rows = found.rows.map((row) => {
				const lead = pickText(view, 'article', row.id, 'lead', row.lead);
				const body = pickText(view, 'article', row.id, 'body', row.text);
				// One language to an excerpt: the lead and body together where both read alike, else the translated one.
				const text = lead.lang === body.lang ? { ...lead, text: `${lead.text} ${body.text}` } : lead.lang !== ORIGINAL_LOCALE ? lead : body;
				return hitOf(row, query, pickText(view, 'article', row.id, 'title', row.title), text);
			});
			return { ...found, rows };
		},
		events: async (page: SearchPage) => {
			const found = await searchEvents(db, municipalityId, query, page, translated.event);
			const view = await viewOf('event', found.rows);
			const rows = found.rows.map((row) => hitOf(row, query, pickText(view, 'event', row.id, 'title', row.title), pickText(view, 'event', row.id, 'description', row.text)));
			return { ...found, rows };
		},
		// Organisations describe themselves in their own words; those are shown as written.
		organisations: async (page: SearchPage) => {
			const found = await searchOrganisations(db, municipalityId, query, page);
			return { ...found, rows: found.rows.map((row) => hitOf(row, query, original(row.title), original(row.text))) };
		}
	};
}

type Finders = ReturnType<typeof findersFor>;
export type SearchResults = { [K in SearchKind]?: Awaited<ReturnType<Finders[K]>> };

const isTranslationLocale = (locale: string): locale is TranslationLocale => (translationLocales as readonly string[]).includes(locale);

/**
 * Nothing is searched for an empty query. Without a kind, every kind shows its best few matches and
 * how many there are; with one, that kind shows a page of them.
 */
export async function searchMunicipality({
	db,
	municipalityId,
	params,
	locale = ORIGINAL_LOCALE,
	now = new Date()
}: {
	db: Database;
	municipalityId: string;
	params: SearchParams;
	/** The reader's language: its translations are searched and shown beside the German originals. */
	locale?: Locale;
	now?: Date;
}): Promise<{ query: string; kind: SearchKind | null; page: number; results: SearchResults }> {
	const query = params.q;
	const kind = params.kind ?? null;
	if (!query) return { query, kind, page: 1, results: {} };
	const translatedInto = isTranslationLocale(locale) ? locale : null;
	const translated = translatedInto ? await selectTranslatedMatches(db, { municipalityId, locale: translatedInto, text: query }) : {};
	// Each kind reads the translations of its own page of hits: one small query, and none for a German reader.
	const viewOf = async (kind: TranslatedSearchKind, rows: { id: string }[]) => {
		if (!translatedInto || rows.length === 0) return undefined;
		return loadTranslationView({ db, municipalityId, locale: translatedInto, refs: [{ kind, ids: rows.map((row) => row.id) }] });
	};
	const finders = findersFor(db, municipalityId, query, now, translated, viewOf);
	if (kind) {
		const page = { limit: SEARCH_PAGE_SIZE, offset: (params.page - 1) * SEARCH_PAGE_SIZE, countCap: SEARCH_COUNT_CAP };
		return { query, kind, page: params.page, results: { [kind]: await finders[kind](page) } };
	}
	const overview = { limit: SEARCH_OVERVIEW_SIZE, offset: 0, countCap: SEARCH_COUNT_CAP };
	const [goals, measures, ideas, articles, events, organisations] = await Promise.all([
		finders.goals(overview),
		finders.measures(overview),
		finders.ideas(overview),
		finders.articles(overview),
		finders.events(overview),
		finders.organisations(overview)
	]);
	return { query, kind, page: 1, results: { goals, measures, ideas, articles, events, organisations } };
}
