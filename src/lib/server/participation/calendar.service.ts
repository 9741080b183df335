// The calendar reads published events of one municipality or of a whole region as a month grid, a
// day and an upcoming list; it also takes events of other organisers for review.
import type { Database } from '../db/client';
import type { Locale } from '$lib/paraglide/runtime';
import { notFound } from '../shared/errors';
import { eventNotFound } from './event.errors';
import { isEventId } from './event.service';
import { buildCalendar } from './ical';
import type { CalendarFilterInput } from '$lib/validation/calendar';
import {
	addDays,
	dayRangeInstants,
	firstWeekdayFor,
	monthInstants,
	monthKeyString,
	monthWeeks,
	shiftMonth,
	todayIn,
	weekdayOrder,
	type MonthKey
} from './calendar.grid';
import {
	selectDistrictChoices,
	selectEventsBetween,
	selectFeedEvents,
	selectFieldsWithEvents,
	selectMonthGrid,
	type MonthGridRow,
	selectPublishedEvent,
	selectRegionWithMunicipalities,
	selectUpcomingEvents
} from './calendar.queries';

export const CALENDAR_PAGE_SIZE = 20;
// A month of a busy region stays far below this; the bound only protects the page from a flood.
const MONTH_LIMIT = 1000;
// A day beyond this is shown in part, with a notice (the regional calendar of a festival day, say).
export const DAY_LIMIT = 200;
/**
 * A day cell of the month grid lists this many events; a busier day lists one fewer and links to the day
 * with the rest counted. The grid stays readable, and a page costs the same however busy the month.
 */
const DAY_CELL_EVENTS = 4;

/** Whose events a calendar shows: one municipality, or every municipality of a region. */
export type CalendarScope = { municipalityIds: string[]; timeZone: string; firstWeekday: number | null };

type Row = Awaited<ReturnType<typeof selectEventsBetween>>[number];

function entryOf(row: Row) {
	const { event } = row;
	return {
		id: event.id,
		title: event.title,
		/** The language the title is shown in: German until a page puts a translation in its place. */
		titleLang: 'de',
		titleDir: 'ltr' as 'ltr' | 'rtl',
		type: event.type,
		status: event.status,
		startsAt: event.startsAt,
		endsAt: event.endsAt,
		place: event.place,
		organiser: event.organiser,
		municipalitySlug: row.municipalitySlug,
		municipalityName: row.municipalityName,
		districtName: row.districtName
	};
}
export type CalendarEntry = ReturnType<typeof entryOf>;

function monthEntryOf(row: MonthGridRow) {
	const { id, title, status, startsAt, firstDay, municipalitySlug, municipalityName } = row;
	return { id, title, titleLang: 'de', titleDir: 'ltr' as 'ltr' | 'rtl', status, startsAt, firstDay, municipalitySlug, municipalityName };
}
export type MonthEntry = ReturnType<typeof monthEntryOf>;

/** What a day cell lists and how many more events its day has, from the first DAY_CELL_EVENTS rows of the day. */
function dayCell(listed: MonthEntry[], onDay: number): { events: MonthEntry[]; more: number } {
	if (onDay <= DAY_CELL_EVENTS) return { events: listed, more: 0 };
	const events = listed.slice(0, DAY_CELL_EVENTS - 1);
	return { events, more: onDay - events.length };
}

/** The calendar of a region: its municipalities, read in the time zone of the first of them. */
export async function getRegionCalendarScope({ db, slug }: { db: Database; slug: string }) {
	const found = await selectRegionWithMunicipalities(db, slug);
	if (!found || found.municipalities.length === 0) throw notFound();
	const [first] = found.municipalities;
	return {
		region: found.region,
		municipalities: found.municipalities,
		scope: { municipalityIds: found.municipalities.map((m) => m.id), timeZone: first.timeZone, firstWeekday: null } satisfies CalendarScope
	};
}

export async function getCalendarFilterChoices({ db, scope }: { db: Database; scope: CalendarScope }) {
	const [fields, districts] = await Promise.all([selectFieldsWithEvents(db, scope.municipalityIds), selectDistrictChoices(db, scope.municipalityIds)]);
	return { fields: fields.map(({ id, title }) => ({ id, title })), districts };
}

/**
 * A month as whole weeks starting on the municipality's (or the reader's) first weekday, each day of
 * the month with the events that take place on it in the municipality's time zone.
 */
export async function getMonthCalendar({
	db,
	scope,
	month,
	language,
	filters,
	now
}: {
	db: Database;
	scope: CalendarScope;
	month: MonthKey | null;
	language: string;
	filters: CalendarFilterInput;
	now: Date;
}) {
	const today = todayIn(now, scope.timeZone);
	const key = month ?? { year: Number(today.slice(0, 4)), month: Number(today.slice(5, 7)) };
	const firstWeekday = firstWeekdayFor(language, 'DE', scope.firstWeekday);
	const { from, to } = monthInstants(key, scope.timeZone);
	const monthPrefix = monthKeyString(key);
	const rows = await selectMonthGrid(db, {
		municipalityIds: scope.municipalityIds,
		from,
		to,
		firstDay: `${monthPrefix}-01`,
		lastDay: addDays(`${monthKeyString(shiftMonth(key, 1))}-01`, -1),
		timeZone: scope.timeZone,
		filters,
		perDay: DAY_CELL_EVENTS,
		limit: MONTH_LIMIT
	});
	// A multi-day event is one entry on each of its days, so that a translated title reaches all of them.
	const entries = new Map<string, MonthEntry>();
	const byDay = new Map<string, { listed: MonthEntry[]; onDay: number }>();
	for (const row of rows) {
		let entry = entries.get(row.id);
		if (!entry) entries.set(row.id, (entry = monthEntryOf(row)));
		const day = byDay.get(row.day) ?? { listed: [], onDay: row.onDay };
		day.listed.push(entry);
		byDay.set(row.day, day);
	}
	const total = rows[0]?.total ?? 0;
	return {
		month: monthPrefix,
		previous: monthKeyString(shiftMonth(key, -1)),
		next: monthKeyString(shiftMonth(key, 1)),
		today,
		weekdays: weekdayOrder(firstWeekday),
		weeks: monthWeeks(key, firstWeekday).map((week) =>
			week.map((day) => {
				const cell = day.inMonth ? byDay.get(day.date) : undefined;
				return { ...day, isToday: day.date === today, ...(cell ? dayCell(cell.listed, cell.onDay) : { events: [], more: 0 }) };
			})
		),
		/** Events of the month, listed or counted. */
		total,
		truncated: total >= MONTH_LIMIT
	};
}

/** Every event on one local day, running ones from earlier days included, up to DAY_LIMIT; the page says when there are more. */
export async function getDayCalendar({ db, scope, day, filters }: { db: Database; scope: CalendarScope; day: string; filters: CalendarFilterInput }) {
	const { from, to } = dayRangeInstants(day, day, scope.timeZone);
	const rows = await selectEventsBetween(db, { municipalityIds: scope.municipalityIds, from, to, filters, limit: DAY_LIMIT + 1 });
	return { day, previous: addDays(day, -1), next: addDays(day, 1), events: rows.slice(0, DAY_LIMIT).map(entryOf), truncated: rows.length > DAY_LIMIT };
}

export async function getUpcomingCalendar({
	db,
	scope,
	filters,
	page,
	now
}: {
	db: Database;
	scope: CalendarScope;
	filters: CalendarFilterInput;
	page: number;
	now: Date;
}) {
	const rows = await selectUpcomingEvents(db, {
		municipalityIds: scope.municipalityIds,
		now,
		filters,
		limit: CALENDAR_PAGE_SIZE + 1,
		offset: (Math.max(1, page) - 1) * CALENDAR_PAGE_SIZE
	});
	return { events: rows.slice(0, CALENDAR_PAGE_SIZE).map(entryOf), hasNext: rows.length > CALENDAR_PAGE_SIZE };
}

/** The first few events of the coming list, unfiltered: what a municipality's front page shows. */
export async function getNextEvents({ db, scope, now, count }: { db: Database; scope: CalendarScope; now: Date; count: number }) {
	const rows = await selectUpcomingEvents(db, { municipalityIds: scope.municipalityIds, now, filters: {}, limit: count, offset: 0 });
	return rows.map(entryOf);
}

// A feed reaches back this far so that subscribers still see what just happened (and its minutes link).
const FEED_DAYS_BACK = 90;
const FEED_LIMIT = 2000;

/** Published events of the municipalities from 90 days ago on, as one iCalendar feed. */
export async function getCalendarFeed({
	db,
	scope,
	name,
	origin,
	now,
	locale,
	withTown = false
}: {
	db: Database;
	scope: CalendarScope;
	name: string;
	origin: string;
	now: Date;
	locale: Locale;
	withTown?: boolean;
}) {
	const since = new Date(now.getTime() - FEED_DAYS_BACK * 86_400_000);
	const rows = await selectFeedEvents(db, { municipalityIds: scope.municipalityIds, since, limit: FEED_LIMIT });
	return buildCalendar({ name, origin, withTown, locale, items: rows });
}

export async function getEventFeed({ db, municipalityId, eventId, origin, locale }: { db: Database; municipalityId: string; eventId: string; origin: string; locale: Locale }) {
	const row = isEventId(eventId) ? await selectPublishedEvent(db, municipalityId, eventId) : undefined;
	if (!row) throw eventNotFound();
	return buildCalendar({ name: row.event.title, origin, locale, items: [row] });
}
