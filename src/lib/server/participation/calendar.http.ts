// What a calendar page shows, read from its address: a month (the default), one day, or the upcoming list.
import type { Database } from '../db/client';
import { calendarFiltersFrom } from '$lib/validation/calendar';
import { parseDay, parseMonth } from './calendar.grid';
import { getCalendarFilterChoices, getDayCalendar, getMonthCalendar, getUpcomingCalendar, type CalendarScope } from './calendar.service';
import { eventTypes } from './event.schema';

export async function loadCalendarPage({ db, scope, url, language, now }: { db: Database; scope: CalendarScope; url: URL; language: string; now: Date }) {
	const params = url.searchParams;
	const filters = calendarFiltersFrom(params);
	const choices = await getCalendarFilterChoices({ db, scope });
	const common = { filters, types: eventTypes, choices, timeZone: scope.timeZone };
	const day = parseDay(params.get('day'));
	if (day) return { ...common, view: 'day' as const, day: await getDayCalendar({ db, scope, day, filters }) };
	if (params.get('view') === 'list') {
		const page = Math.min(1000, Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1));
		return { ...common, view: 'list' as const, page, list: await getUpcomingCalendar({ db, scope, filters, page, now }) };
	}
	const month = await getMonthCalendar({ db, scope, month: parseMonth(params.get('month')), language, filters, now });
	return { ...common, view: 'month' as const, month };
}
export type CalendarPageData = Awaited<ReturnType<typeof loadCalendarPage>>;
