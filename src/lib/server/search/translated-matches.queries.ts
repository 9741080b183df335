// The content whose translation into the reader's language holds the typed words. Each kind's search then
// takes these ids beside its own German matches, under its own visibility rule.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { contentTranslations, type TranslatableKind, type TranslationLocale } from '../content/content.schema';
import { inLanguage, translationDocument, translationQuery } from '../content/translation-search';
import { RANKED_MATCHES } from '../shared/text-matches.queries';

export type TranslatedMatches = Partial<Record<TranslatableKind, string[]>>;

/** Searched kinds that carry translations. */
export const TRANSLATED_SEARCH_KINDS = ['goal', 'measure', 'article', 'event'] as const satisfies readonly TranslatableKind[];
export type TranslatedSearchKind = (typeof TRANSLATED_SEARCH_KINDS)[number];

export async function selectTranslatedMatches(
	db: Executor,
	{ municipalityId, locale, text }: { municipalityId: string; locale: TranslationLocale; text: string }
): Promise<TranslatedMatches> {
	const rows = await db
		.selectDistinct({ kind: contentTranslations.entityKind, id: contentTranslations.entityId })
		.from(contentTranslations)
		.where(
			and(
				eq(contentTranslations.municipalityId, municipalityId),
				inLanguage(locale, contentTranslations.locale),
				inArray(contentTranslations.entityKind, [...TRANSLATED_SEARCH_KINDS]),
				sql`${translationDocument(locale, contentTranslations.text)} @@ ${translationQuery(locale, text)}`
			)
		)
		// Each kind ranks at most RANKED_MATCHES of its matches; the translated ones of all kinds are bounded alike.
		.limit(RANKED_MATCHES * TRANSLATED_SEARCH_KINDS.length);
	const matches: TranslatedMatches = {};
	for (const row of rows) (matches[row.kind] ??= []).push(row.id);
	return matches;
}
