import { afterEach, expect, it } from 'vitest';
import { getLocale, getTextDirection, locales, localizeHref, overwriteGetLocale, type Locale } from '$lib/paraglide/runtime';
import { languageName, localizedHref, textDirection } from './i18n-memo';

const original = getLocale;
afterEach(() => overwriteGetLocale(original));

const paths = ['/', '/muenster', '/muenster/strategies/migration-und-integration/editions/4?tab=goals#field-2', '/en/muenster/news', '/ar'];

it('kept answers equal Paraglide’s for every page language, target language and address, asked twice', () => {
	for (const pageLocale of locales) {
		overwriteGetLocale(() => pageLocale);
		for (const path of paths) {
			for (let round = 0; round < 2; round++) {
				expect(localizedHref(path), `${pageLocale} ${path}`).toBe(localizeHref(path));
				for (const target of locales) expect(localizedHref(path, target), `${pageLocale} → ${target} ${path}`).toBe(localizeHref(path, { locale: target }));
			}
		}
	}
});

it('the page language is part of the key: the same address differs between German and English pages', () => {
	overwriteGetLocale(() => 'de');
	expect(localizedHref('/muenster')).toBe('/muenster');
	overwriteGetLocale(() => 'en');
	expect(localizedHref('/muenster')).toBe('/en/muenster');
});

it('addresses elsewhere are not kept but localised as Paraglide does', () => {
	overwriteGetLocale(() => 'en');
	for (const href of ['https://example.org/a', '//example.org/b']) expect(localizedHref(href)).toBe(localizeHref(href));
});

it('directions and language names follow the locale', () => {
	for (const locale of locales as readonly Locale[]) expect(textDirection(locale)).toBe(getTextDirection(locale));
	expect(textDirection('ar')).toBe('rtl');
	expect(languageName('en', 'de')).toBe('Englisch');
	expect(languageName('de', 'en')).toBe('German');
	expect(languageName('tr', 'ar')).toBe(new Intl.DisplayNames(['ar-u-nu-latn'], { type: 'language' }).of('tr'));
});
