import type { Locale } from '$lib/paraglide/runtime';
import { textDirection } from '$lib/i18n-memo';

/**
 * The translations a page may show, read on the server in one query: the texts in the visitor's
 * language and, per piece of content, every language it exists in besides German.
 */
export type TranslationView = {
	locale: Locale;
	texts: Record<string, string>;
	available: Record<string, Locale[]>;
};

/** A text as it is shown: its language, its direction and whether it is the German original standing in for a missing translation. */
export type ShownText = { text: string; lang: string; dir: 'ltr' | 'rtl'; fallback: boolean };

export const ORIGINAL_LOCALE = 'de';
export const textKey = (kind: string, id: string, field: string) => `${kind}:${id}:${field}`;
export const contentKey = (kind: string, id: string) => `${kind}:${id}`;

/**
 * The visitor's language where a translation exists, otherwise the German original marked as such.
 * An empty original stays empty: there is nothing to fall back to and nothing to announce.
 */
export function pickText(view: TranslationView | undefined, kind: string, id: string, field: string, original: string): ShownText {
	const locale = view?.locale ?? ORIGINAL_LOCALE;
	const translated = locale === ORIGINAL_LOCALE ? undefined : view?.texts[textKey(kind, id, field)];
	if (translated) return { text: translated, lang: locale, dir: textDirection(locale), fallback: false };
	return { text: original, lang: ORIGINAL_LOCALE, dir: 'ltr', fallback: locale !== ORIGINAL_LOCALE && original.trim() !== '' };
}

/** The languages a piece of content can be read in, German first, the visitor's own left out. */
export function otherLanguages(view: TranslationView | undefined, kind: string, id: string): Locale[] {
	const locale = view?.locale ?? ORIGINAL_LOCALE;
	const all = [ORIGINAL_LOCALE as Locale, ...(view?.available[contentKey(kind, id)] ?? [])];
	return all.filter((candidate) => candidate !== locale);
}

/**
 * The name of the easy-to-read German variant. It stays German in every interface language, like the
 * language names in the switcher: the texts it leads to are German, and readers know them by this name.
 */
export const EASY_READ_NAME = 'Leichte Sprache';
