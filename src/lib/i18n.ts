import { getLocale } from '$lib/paraglide/runtime';
import { localizedHref } from '$lib/i18n-memo';
import { dateFormatter, formatCalendarDate, formatEventTime } from './date-format';
import { lookupMessage } from './message-lookup';
import { scriptLanguage } from './written-language';

/**
 * A person's name (or an address) set into a sentence, isolated from it by Unicode's first-strong
 * isolate: "Sam Probe (Demo-Teilnahme)" inside an Arabic sentence otherwise has its brackets and words
 * reordered by the surrounding right-to-left text. Invisible, and the same in every language.
 */
export const isolate = (text: string) => `\u2068${text}\u2069`;

/** A link in the current language: /muenster stays German, becomes /en/muenster in English. */
export const href = (path: string) => localizedHref(path);

export function formatDate(isoDate: string, options: Intl.DateTimeFormatOptions = { dateStyle: 'long' }): string {
	return formatCalendarDate(getLocale(), isoDate, options);
}

export function formatDateTime(value: Date | string, timeZone: string): string {
	return dateFormatter(getLocale(), { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(value));
}

/** When an event takes place, in the page's language (formatEventTime). */
export function formatTimeRange(start: Date | string, end: Date | string, timeZone: string): string {
	return formatEventTime(getLocale(), start, end, timeZone);
}

/** The day of a moment, in the municipality's time zone. */
export function formatDay(value: Date | string, timeZone: string): string {
	return dateFormatter(getLocale(), { dateStyle: 'medium', timeZone }).format(new Date(value));
}

export function stageLabel(stage: string): string {
	return lookupMessage(`document_stage_${stage}`);
}

export function roleLabel(role: string): string {
	return lookupMessage(`people_role_${role}`);
}

/**
 * Content (titles, descriptions, addresses) is written in German until translations exist; on a page
 * in another language it must say so, for screen readers and hyphenation (WCAG 3.1.2).
 */
export const CONTENT_LANGUAGE = 'de';
export const contentLang = (): string | undefined => (getLocale() === CONTENT_LANGUAGE ? undefined : CONTENT_LANGUAGE);

/**
 * The language to mark on text a person wrote: the one recorded when it was written, else the one its script
 * shows (Arabic, Ukrainian, Russian), else the content language as for all content. Undefined where that is the
 * page's own language.
 */
export function writtenLang(text: string, recorded?: string | null): string | undefined {
	const language = recorded ?? scriptLanguage(text) ?? CONTENT_LANGUAGE;
	return language === getLocale() ? undefined : language;
}
