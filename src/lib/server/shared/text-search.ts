// Full-text search over content written mostly in German: one expression for the indexes and the
// queries alike, because PostgreSQL only uses an expression index for the very same expression.
import { sql, type AnyColumn, type SQL } from 'drizzle-orm';

const german = sql`'german'::regconfig`;

/**
 * The searchable words of a row, stemmed as German: the title's weigh more in the ranking than those
 * of the other columns.
 */
export function searchDocument(title: AnyColumn, ...rest: AnyColumn[]): SQL {
	return sql`(setweight(to_tsvector(${german}, ${title}), 'A') || setweight(to_tsvector(${german}, ${sql.join(rest, sql` || ' ' || `)}), 'B'))`;
}

/** Whether a query is written the way web search boxes read it: a "phrase", a -word left out, or. */
export function usesSearchOperators(text: string): boolean {
	return /["-]|\bor\b/i.test(text);
}

/**
 * Beginnings of the typed words, for a query without operators: the German stemmer cuts "Sprachkurs"
 * to sprachkur but "Sprachkurse" to sprachkurs, so the whole words alone miss each other's forms.
 */
export function wordBeginnings(text: string): string | null {
	if (usesSearchOperators(text)) return null;
	const words = text.match(/[\p{L}\p{N}]{3,}/gu) ?? [];
	if (words.length === 0) return null;
	return words.map((word) => `${(word.length > 5 ? word.slice(0, Math.max(4, word.length - 2)) : word).toLowerCase()}:*`).join(' & ');
}

/** What someone typed, read the way web search boxes read it (words, "phrases", or, -not), or as beginnings of its words. */
export function searchQuery(text: string): SQL {
	const [web, beginnings] = searchQueryParts(text);
	return beginnings ? sql`(${web} || ${beginnings})` : web;
}

/**
 * The two readings of searchQuery apart: the words as typed, and their beginnings when there are any. Looked up
 * one after the other, the beginnings can be skipped when the words alone already match more than will be ranked:
 * a beginning is looked up in a word index by every word that starts with it, which took 23 ms against 3 ms for
 * the word in a town of 100,000 ideas.
 */
export function searchQueryParts(text: string): [SQL] | [SQL, SQL] {
	const beginnings = wordBeginnings(text);
	const web = sql`websearch_to_tsquery(${german}, ${text})`;
	return beginnings ? [web, sql`to_tsquery('simple'::regconfig, ${beginnings})`] : [web];
}
