// The demo's coming events were written for a demo loaded in late November 2026: the first of them is on
// 2 December 2026, the last in May 2027. A demo loaded later moves all of them by the same whole number of
// weeks, so that the first is still ahead of the day it was loaded, and weekdays, times of day and the
// distances between events stay as written (a weekend seminar still starts on a Friday).
import { addDays } from '../participation/calendar.grid';

const firstComingDay = '2026-12-02';
const dayMs = 86_400_000;

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

/** The whole weeks by which the coming events move when the demo is loaded on `loadDay` (YYYY-MM-DD). */
export function comingWeeksFrom(loadDay: string): number {
	if (!dayPattern.test(loadDay) || Number.isNaN(Date.parse(loadDay))) throw new RangeError(`not a day: ${loadDay}`);
	// The first coming event has to lie at least one day after the load day.
	const daysShort = (Date.parse(loadDay) - Date.parse(firstComingDay)) / dayMs + 1;
	return daysShort <= 0 ? 0 : Math.ceil(daysShort / 7);
}

/** A written wall-clock date or time (YYYY-MM-DD or YYYY-MM-DDTHH:MM) moved by `weeks` whole weeks, in the same form. */
export function comingDay(written: string, weeks: number): string {
	return addDays(written.slice(0, 10), weeks * 7) + written.slice(10);
}
