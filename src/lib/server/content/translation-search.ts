// Translations are searched in their own language, so that a reader finds a goal by the words they read it in.
// PostgreSQL stems English, Turkish, Arabic and Russian; it has no Ukrainian stemmer, so Ukrainian is matched
// word by word. One expression for the word indexes (content.schema.ts) and the queries alike: PostgreSQL only
// uses an expression index for the very same expression.
import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { wordBeginnings } from '../shared/text-search';
import type { TranslationLocale } from './content.schema';

const searchConfigs: Record<TranslationLocale, string> = { en: 'english', tr: 'turkish', ar: 'arabic', uk: 'simple', ru: 'russian' };

// A constant, not a parameter: the word indexes are partial, one per language, and a plan may use one only
// when the language is written into the query.
const configOf = (locale: TranslationLocale) => sql.raw(`'${searchConfigs[locale]}'::regconfig`);

/** Rows in one language: the condition of that language's partial word index. */
export const inLanguage = (locale: TranslationLocale, column: AnyColumn) => sql`${column} = ${sql.raw(`'${locale}'`)}`;

/** The words of a translated text, stemmed as its language. */
export function translationDocument(locale: TranslationLocale, text: AnyColumn): SQL {
	return sql`to_tsvector(${configOf(locale)}, ${text})`;
}

/** What someone typed, read in a translation's language (as web search boxes read it), or as beginnings of its words. */
export function translationQuery(locale: TranslationLocale, typed: string): SQL {
	const web = sql`websearch_to_tsquery(${configOf(locale)}, ${typed})`;
	const beginnings = wordBeginnings(typed);
	return beginnings ? sql`(${web} || to_tsquery('simple'::regconfig, ${beginnings}))` : web;
}
