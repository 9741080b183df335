// What makes a CSV file open as columns in the spreadsheet program of the person who downloaded it.
import type { Locale } from '$lib/paraglide/runtime';
import { dateFormatter } from '$lib/date-format';
import { intlLocale } from '$lib/i18n-locales';

/**
 * Spreadsheet programs read a CSV file with the list separator of the reader's settings: a semicolon where
 * numbers are written with a decimal comma (German, Turkish, Ukrainian, Russian), a comma elsewhere.
 */
export function csvDelimiterFor(locale: Locale): ',' | ';' {
	const decimal = new Intl.NumberFormat(intlLocale(locale)).formatToParts(1.5).find((part) => part.type === 'decimal')?.value;
	return decimal === ',' ? ';' : ',';
}

/** "2025-03-14 18:30" in the municipality's time zone: read alike in every language and sorted as text. */
export function sortableLocalTime(timeZone: string): (date: Date) => string {
	const format = dateFormatter('en', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
	return (date) => {
		const part = Object.fromEntries(format.formatToParts(date).map((piece) => [piece.type, piece.value]));
		return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}`;
	};
}
