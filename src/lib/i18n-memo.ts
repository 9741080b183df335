import { getLocale, getTextDirection, localizeHref, type Locale } from '$lib/paraglide/runtime';
import { intlLocale } from '$lib/i18n-locales';

// Paraglide's helpers build an Intl.Locale or parse a URL on every call, and a page calls them for each
// of its links: on the edition page they took about a tenth of the server's time per request. Their
// answers depend only on their arguments (and the page's language), so they are kept.

const directions = new Map<string, 'ltr' | 'rtl'>();

/** Paraglide's getTextDirection, kept per locale. */
export function textDirection(locale: Locale = getLocale()): 'ltr' | 'rtl' {
	let direction = directions.get(locale);
	if (!direction) {
		direction = getTextDirection(locale) === 'rtl' ? 'rtl' : 'ltr';
		directions.set(locale, direction);
	}
	return direction;
}

const hrefs = new Map<string, string>();
// Addresses carry ids; the bound keeps a long-running server from keeping every one it ever linked.
const maxHrefs = 5_000;

/**
 * Paraglide's localizeHref for an address on this site ("/…"), kept per address, target language and page
 * language: with the URL strategy the answer does not depend on the host. Other addresses are passed through.
 */
export function localizedHref(path: string, locale?: Locale): string {
	const current = getLocale();
	if (!path.startsWith('/') || path.startsWith('//')) return localizeHref(path, locale ? { locale } : undefined);
	const key = `${current}\u0000${locale ?? current}\u0000${path}`;
	let localized = hrefs.get(key);
	if (localized === undefined) {
		localized = localizeHref(path, locale ? { locale } : undefined);
		if (hrefs.size >= maxHrefs) hrefs.clear();
		hrefs.set(key, localized);
	}
	return localized;
}

const languageNames = new Map<string, Intl.DisplayNames>();

/** The name of a language in the page's language ("Englisch" on a German page), with one Intl.DisplayNames per page language. */
export function languageName(language: string, pageLocale: Locale = getLocale()): string {
	let names = languageNames.get(pageLocale);
	if (!names) {
		names = new Intl.DisplayNames([intlLocale(pageLocale)], { type: 'language' });
		languageNames.set(pageLocale, names);
	}
	return names.of(language) ?? language;
}
