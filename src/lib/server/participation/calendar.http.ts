// What a calendar page shows, read from its address: a month (the default), one day, or the upcoming list.
import type { Database } from '../db/client';
import { pickText } from '$lib/content-text';
import { isLocale } from '$lib/paraglide/runtime';
import { loadTranslationView } from '../content/content.service';
import { calendarFiltersFrom } from '$lib/validation/calendar';
import { parseDay, parseMonth } from './calendar.grid';
import { getCalendarFilterChoices, getDayCalendar, getMonthCalendar, getNextEvents, getUpcomingCalendar, type CalendarScope } from './calendar.service';
import { eventTypes } from './event.schema';
import { pageTurnsAt } from './calendar.expiry';
import { expireCachedPageAt } from '../http/page-expiry';

export async function loadCalendarPage({ db, scope, url, language, now }: { db: Database; scope: CalendarScope; url: URL; language: string; now: Date }) {
	const params = url.searchParams;
	const filters = calendarFiltersFrom(params);
	const choices = await getCalendarFilterChoices({ db, scope });
	const common = { filters, types: eventTypes, choices, timeZone: scope.timeZone };
	// The current month and today's mark turn at midnight (also for the regional calendar, which has no municipality).
	expireCachedPageAt(pageTurnsAt(now, scope.timeZone));
	const day = parseDay(params.get('day'));
	if (day) {
		const shown = await getDayCalendar({ db, scope, day, filters });
		await translateTitles(db, scope.municipalityIds, language, shown.events);
		return { ...common, view: 'day' as const, day: shown };
	}
	if (params.get('view') === 'list') {
		const page = Math.min(1000, Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1));
		const list = await getUpcomingCalendar({ db, scope, filters, page, now });
		// An event leaves the list when it ends (and one from an earlier page that ends moves the rest up, by midnight).
		expireCachedPageAt(pageTurnsAt(now, scope.timeZone, list.events.map((event) => event.endsAt)));
		await translateTitles(db, scope.municipalityIds, language, list.events);
		return { ...common, view: 'list' as const, page, list };
	}
	const month = await getMonthCalendar({ db, scope, month: parseMonth(params.get('month')), language, filters, now });
	await translateTitles(db, scope.municipalityIds, language, month.weeks.flat().flatMap((day) => day.events));
	return { ...common, view: 'month' as const, month };
}

/** The next events for a front page, titles in the reader's language; the cached page goes when the first of them ends. */
export async function loadNextEvents({ db, scope, language, now, count }: { db: Database; scope: CalendarScope; language: string; now: Date; count: number }) {
	const events = await getNextEvents({ db, scope, now, count });
	expireCachedPageAt(pageTurnsAt(now, scope.timeZone, events.map((event) => event.endsAt)));
	await translateTitles(db, scope.municipalityIds, language, events);
	return events;
}

type TitledEntry = { id: string; title: string; titleLang: string; titleDir: 'ltr' | 'rtl' };

/** Puts each event's title in the reader's language where a translation exists (one query for all). */
async function translateTitles(db: Database, municipalityIds: string[], language: string, entries: TitledEntry[]): Promise<void> {
	if (!isLocale(language) || language === 'de' || entries.length === 0) return;
	const view = await loadTranslationView({ db, municipalityId: municipalityIds, locale: language, refs: [{ kind: 'event', ids: [...new Set(entries.map((entry) => entry.id))], fields: ['title'] }] });
	for (const entry of entries) {
		const title = pickText(view, 'event', entry.id, 'title', entry.title);
		Object.assign(entry, { title: title.text, titleLang: title.lang, titleDir: title.dir });
	}
}
export type CalendarPageData = Awaited<ReturnType<typeof loadCalendarPage>>;
