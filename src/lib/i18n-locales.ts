import type { Locale } from '$lib/paraglide/runtime';

/** Each language is named in itself, so that a reader finds theirs without reading the current one. */
export const LOCALE_NAMES: Record<Locale, string> = {
	de: 'Deutsch',
	en: 'English',
	tr: 'Türkçe',
	ar: 'العربية',
	uk: 'Українська',
	ru: 'Русский'
};

/**
 * The locale Intl formats with. Arabic keeps Latin digits: figures, dates and years on the monitor
 * and in documents are compared with the German originals and council papers, and one digit system
 * across languages keeps tables, charts and copied numbers legible (Latin digits are common in
 * Arabic-language administration in Germany and across the Maghreb).
 */
export function intlLocale(locale: Locale | string): string {
	return locale === 'ar' ? 'ar-u-nu-latn' : locale;
}
