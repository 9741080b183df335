// Building an Intl.DateTimeFormat resolves its time zone and costs far more than formatting with it, and
// public pages ask for "today in the municipality" on every request: one formatter per zone is kept.
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar day (YYYY-MM-DD) a moment falls on in a time zone; an unknown zone throws a RangeError. */
export function calendarDayIn(timeZone: string, moment: Date): string {
	let format = dayFormats.get(timeZone);
	if (!format) {
		format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
		dayFormats.set(timeZone, format);
	}
	return format.format(moment);
}

/** The calendar year a moment falls in in a time zone. */
export const calendarYearIn = (timeZone: string, moment: Date): number => Number(calendarDayIn(timeZone, moment).slice(0, 4));
