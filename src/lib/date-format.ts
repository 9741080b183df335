import { intlLocale } from './i18n-locales';

// Building an Intl.DateTimeFormat costs far more than formatting with one (about 30 µs against 1 µs),
// and a page formats many dates, so formatters are kept per locale and options.
const formatters = new Map<string, Intl.DateTimeFormat>();
const maxFormatters = 200;

export function dateFormatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
	const key = `${locale}\u0000${JSON.stringify(options)}`;
	let formatter = formatters.get(key);
	if (!formatter) {
		// Time zones come from municipality settings; a bound keeps a long-running server from collecting them all.
		if (formatters.size >= maxFormatters) formatters.clear();
		formatter = new Intl.DateTimeFormat(intlLocale(locale), options);
		formatters.set(key, formatter);
	}
	return formatter;
}

/** Calendar dates carry no time zone; they are formatted as UTC so they never shift by a day. */
export function formatCalendarDate(locale: string, isoDate: string, options: Intl.DateTimeFormatOptions = { dateStyle: 'long' }): string {
	return dateFormatter(locale, { ...options, timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`));
}

/**
 * When an event takes place, as people say it: its weekday and date once with both times
 * ("Donnerstag, 11. Februar 2027, 16:00–18:00 Uhr"), or both days when it runs over several.
 */
export function formatEventTime(locale: string, start: Date | string, end: Date | string, timeZone: string): string {
	return dateFormatter(locale, { dateStyle: 'full', timeStyle: 'short', timeZone }).formatRange(new Date(start), new Date(end));
}
