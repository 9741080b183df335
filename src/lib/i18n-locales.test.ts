import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { locales } from '$lib/paraglide/runtime';
import { formatCalendarDate } from './date-format';
import { intlLocale, LOCALE_NAMES } from './i18n-locales';

it('every language the project registers has a catalogue and a name in itself', () => {
	const settings = JSON.parse(readFileSync('project.inlang/settings.json', 'utf8')) as { locales: string[] };
	expect([...locales].sort()).toEqual([...settings.locales].sort());
	for (const locale of locales) {
		expect(() => readFileSync(`messages/${locale}.json`, 'utf8'), locale).not.toThrow();
		expect(LOCALE_NAMES[locale], locale).toBeTruthy();
	}
});

it('Arabic dates and numbers use Latin digits, so figures read the same as in the German original', () => {
	const date = formatCalendarDate('ar', '2026-03-14', { dateStyle: 'long' });
	expect(date).toMatch(/14/);
	expect(date).toMatch(/2026/);
	expect(date).not.toMatch(/[\u0660-\u0669]/);
	expect(new Intl.NumberFormat(intlLocale('ar')).format(1234.5)).not.toMatch(/[\u0660-\u0669]/);
});

it('dates follow the language of the page', () => {
	expect(formatCalendarDate('de', '2026-03-14')).toBe('14. März 2026');
	expect(formatCalendarDate('tr', '2026-03-14')).toMatch(/Mart/);
	expect(formatCalendarDate('uk', '2026-03-14')).toMatch(/березня/);
	expect(formatCalendarDate('ru', '2026-03-14')).toMatch(/марта/);
});
