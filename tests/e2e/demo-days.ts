// The demo's coming events move with the day the story servers loaded it (DEMO_DAY, set by the global
// setup; see demo-coming-days.ts). The stories ask here where a date the demo wrote lies now and how the
// pages name it, so they read the same calendar whichever day they run.
import { formatCalendarDate } from '../../src/lib/date-format';
import { comingDay, comingWeeksFrom } from '../../src/lib/server/demo/demo-coming-days';
import { calendarDayIn } from '../../src/lib/server/calendar-day';
import { addDays, isoWeekday, monthKeyString, parseMonth, shiftMonth, weekdayOrder, type IsoWeekday } from '../../src/lib/server/participation/calendar.grid';

/** Today in Münster and Greven: the day the demo is loaded unless DEMO_DAY says otherwise. */
export const demoLoadDay = () => process.env.DEMO_DAY ?? calendarDayIn('Europe/Berlin', new Date());

/** Dates as the demo wrote them, for a load in late November 2026. */
export const written = {
	consultation: '2027-02-11T16:00',
	weekendSeminar: '2027-02-19T16:00',
	busySaturday: '2027-02-27',
	storyCafe: '2027-03-04T15:00',
	grevenWorkshop: '2027-02-03T18:00',
	yearOfImplementation: '2027-05-20T18:00',
	// A Saturday without a demo event in Münster.
	quietSaturday: '2027-02-13'
} as const;

/** Where a written date (YYYY-MM-DD or YYYY-MM-DDTHH:MM) lies for this run's demo, in the same form. */
export const demoDate = (date: string) => comingDay(date, comingWeeksFrom(demoLoadDay()));
/** Its day alone (YYYY-MM-DD) and its month (YYYY-MM), as the calendar's `day` and `month` parameters take them. */
export const demoDay = (date: string) => demoDate(date).slice(0, 10);
export const demoMonth = (date: string) => demoDate(date).slice(0, 7);

export { addDays };
export const addMonths = (month: string, months: number) => monthKeyString(shiftMonth(parseMonth(month)!, months));

/** "Februar 2027": a month grid's caption and its neighbours' link names. */
export const monthName = (month: string, locale = 'de') => formatCalendarDate(locale, `${month}-01`, { month: 'long', year: 'numeric' });
/** "Donnerstag, 11. Februar 2027": a day's link and heading. */
export const dayName = (day: string, locale = 'de') => formatCalendarDate(locale, day, { dateStyle: 'full' });
/** The column a day takes in a week that begins on `firstWeekday` (1 Monday … 7 Sunday), counted from 0. */
export const weekColumn = (day: string, firstWeekday: IsoWeekday) => weekdayOrder(firstWeekday).indexOf(isoWeekday(day));
