import { intlLocale } from './i18n-locales';

// Like dates (date-format.ts): building an Intl.NumberFormat costs far more than formatting with one, and
// the figures on an edition page and the monitor format dozens of numbers per request.
const formatters = new Map<string, Intl.NumberFormat>();
const maxFormatters = 100;

export function numberFormatter(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
	const key = `${locale}\u0000${JSON.stringify(options)}`;
	let formatter = formatters.get(key);
	if (!formatter) {
		if (formatters.size >= maxFormatters) formatters.clear();
		formatter = new Intl.NumberFormat(intlLocale(locale), options);
		formatters.set(key, formatter);
	}
	return formatter;
}
