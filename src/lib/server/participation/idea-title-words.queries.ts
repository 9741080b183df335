// What a misspelt search word was probably meant to be: the words of the town's idea titles that resemble it.
import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { usesSearchOperators } from '../shared/text-search';

// Below this trigram word similarity a typed word and a title's word are not the same word misspelt
// ("Sprahcafe" for "sprachcafé" is 0.46). So low a bar lets through words that merely share an ending; among
// a town's words they are few, where among its titles they were thousands ("Zuwanderung": 2,018 of 100,000).
const TYPO_SIMILARITY = '0.45';

/** More resembling words than this make the search wider, not better; the closest are kept. */
const MOST_RESEMBLING = 10;
/** Words of a query looked at for typos; a search box holds a few words, not a paragraph. */
const MOST_TYPED = 5;

/**
 * The words of a query worth correcting: those of four letters or more, as titles' words are kept (migration 0046).
 * None in a query with operators (a "phrase", -not, or), which their reading as a misspelt word would undo: every
 * word would be required, the one to leave out included.
 */
export function typedWords(text: string): string[] {
	if (usesSearchOperators(text)) return [];
	return [...new Set((text.match(/[\p{L}\p{N}]{4,}/gu) ?? []).map((word) => word.toLowerCase()))].slice(0, MOST_TYPED);
}

/**
 * For each typed word, the town's title words that resemble it without being it (the word itself is found by
 * the word index already), closest first; a typed word that resembles none is left out.
 */
export async function selectWordsResembling(db: Executor, municipalityId: string, typed: string[]): Promise<Map<string, string[]>> {
	const resembling = new Map<string, string[]>();
	if (typed.length === 0) return resembling;
	await db.transaction(async (tx) => {
		// The %> operator compares with this setting, not with an argument; local to this transaction.
		await tx.execute(sql`select set_config('pg_trgm.word_similarity_threshold', ${TYPO_SIMILARITY}, true)`);
		const { rows } = await tx.execute<{ typed: string; word: string }>(sql`
			select typed.word as typed, known.word
			from unnest(${sql.param(typed)}::text[]) as typed(word)
			cross join lateral (
				select word from idea_title_words
				where municipality_id = ${municipalityId} and ideas > 0 and word %> typed.word and word <> typed.word
				order by word_similarity(typed.word, word) desc, word
				limit ${MOST_RESEMBLING}
			) as known`);
		for (const row of rows) resembling.set(row.typed, [...(resembling.get(row.typed) ?? []), row.word]);
	});
	return resembling;
}

/**
 * A full-text query for what was meant: every typed word (of four letters or more), each as typed or as any
 * word resembling it, read the way the stored search vectors were written (German). Null when no typed word
 * resembles another: the words as typed are looked up already.
 */
export function meantWords(typed: string[], resembling: Map<string, string[]>): SQL | null {
	if (resembling.size === 0) return null;
	const eachWord = typed.map(
		(word) => sql`(${sql.join([word, ...(resembling.get(word) ?? [])].map((form) => sql`plainto_tsquery('german'::regconfig, ${form})`), sql` || `)})`
	);
	return sql`(${sql.join(eachWord, sql` && `)})`;
}
