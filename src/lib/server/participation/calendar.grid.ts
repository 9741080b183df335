// The month grid as plain data: which dates a month shows, on which weekday its weeks start, and on
// which days of the municipality's time zone an event takes place. No database, no rendering.
import { utcToWallClock, wallClockToUtc } from './event.time';

export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;
export type MonthKey = { year: number; month: number };

const MONTH = /^(\d{4})-(\d{2})$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
export const monthKeyString = ({ year, month }: MonthKey) => `${pad(year, 4)}-${pad(month)}`;

/** A month from the address bar, or null for anything that is not one (years 1900–2199 are enough for a calendar). */
export function parseMonth(value: string | null): MonthKey | null {
	const match = value ? MONTH.exec(value) : null;
	if (!match) return null;
	const [year, month] = [Number(match[1]), Number(match[2])];
	return year >= 1900 && year < 2200 && month >= 1 && month <= 12 ? { year, month } : null;
}

/** A calendar date from the address bar, or null unless that day exists. */
export function parseDay(value: string | null): string | null {
	const match = value ? DAY.exec(value) : null;
	if (!match || !parseMonth(`${match[1]}-${match[2]}`)) return null;
	const date = new Date(`${value}T00:00:00Z`);
	return date.getUTCDate() === Number(match[3]) ? value : null;
}

export function shiftMonth({ year, month }: MonthKey, by: number): MonthKey {
	const index = year * 12 + (month - 1) + by;
	return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** Today's date as the town hall clock shows it. */
export const todayIn = (now: Date, timeZone: string) => utcToWallClock(now, timeZone).slice(0, 10);

// Used where Intl.Locale has no week data (older engines); Germany's convention unless the region says otherwise.
const SUNDAY_REGIONS = new Set(['US', 'CA', 'MX', 'BR', 'JP', 'IL', 'PH', 'IN', 'KR', 'TW', 'HK', 'ZA', 'AU']);

/**
 * The first day of the week for a language as read in a region: German and English as spoken in
 * Germany start on Monday. A municipality's own setting wins over the locale.
 */
export function firstWeekdayFor(language: string, region = 'DE', override: number | null = null): IsoWeekday {
	if (override && override >= 1 && override <= 7) return override as IsoWeekday;
	try {
		const locale = new Intl.Locale(`${language}-${region}`) as Intl.Locale & {
			weekInfo?: { firstDay: number };
			getWeekInfo?: () => { firstDay: number };
		};
		const info = locale.getWeekInfo?.() ?? locale.weekInfo;
		if (info && info.firstDay >= 1 && info.firstDay <= 7) return info.firstDay as IsoWeekday;
	} catch {
		// An unknown language tag falls through to the table.
	}
	return SUNDAY_REGIONS.has(region) ? 7 : 1;
}

/** ISO weekday of a calendar date: 1 Monday … 7 Sunday. */
export function isoWeekday(isoDate: string): IsoWeekday {
	const day = new Date(`${isoDate}T00:00:00Z`).getUTCDay();
	return (day === 0 ? 7 : day) as IsoWeekday;
}

export function addDays(isoDate: string, days: number): string {
	const date = new Date(`${isoDate}T00:00:00Z`);
	date.setUTCDate(date.getUTCDate() + days);
	return date.toISOString().slice(0, 10);
}

/** The weekdays in column order, starting with the first weekday. */
export const weekdayOrder = (first: IsoWeekday): IsoWeekday[] => Array.from({ length: 7 }, (_, i) => (((first - 1 + i) % 7) + 1) as IsoWeekday);

export type GridDay = { date: string; inMonth: boolean };

/** Whole weeks covering the month; days of the neighbouring months fill the first and last week. */
export function monthWeeks(key: MonthKey, first: IsoWeekday): GridDay[][] {
	const firstOfMonth = `${monthKeyString(key)}-01`;
	const lead = (isoWeekday(firstOfMonth) - first + 7) % 7;
	const next = shiftMonth(key, 1);
	const lastOfMonth = addDays(`${monthKeyString(next)}-01`, -1);
	const weeks: GridDay[][] = [];
	let cursor = addDays(firstOfMonth, -lead);
	while (cursor <= lastOfMonth) {
		const week: GridDay[] = [];
		for (let i = 0; i < 7; i += 1) {
			week.push({ date: cursor, inMonth: cursor.startsWith(monthKeyString(key)) });
			cursor = addDays(cursor, 1);
		}
		weeks.push(week);
	}
	return weeks;
}

/** The instants a range of calendar days covers in a zone: from the first day's midnight to the midnight after the last. */
export function dayRangeInstants(firstDay: string, lastDay: string, timeZone: string): { from: Date; to: Date } {
	return { from: wallClockToUtc(`${firstDay}T00:00`, timeZone), to: wallClockToUtc(`${addDays(lastDay, 1)}T00:00`, timeZone) };
}

export function monthInstants(key: MonthKey, timeZone: string) {
	const firstDay = `${monthKeyString(key)}-01`;
	return dayRangeInstants(firstDay, addDays(`${monthKeyString(shiftMonth(key, 1))}-01`, -1), timeZone);
}
