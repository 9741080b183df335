// Public calendar and event pages are cached until a write changes them (public-page-cache.ts). Some of
// what they show changes with the clock alone: the current month and today's mark turn at midnight, an
// event leaves the coming list when it ends, and its registration closes at its deadline or start. A page
// names the first such moment, and the cache lets go of it then.
import { dayRangeInstants, todayIn } from './calendar.grid';

/** The next midnight in the zone: the page's "today" turns into yesterday. */
export function nextMidnight(now: Date, timeZone: string): Date {
	const today = todayIn(now, timeZone);
	return dayRangeInstants(today, today, timeZone).to;
}

/**
 * When a page rendered at `now` stops being true without any write: the next midnight in the zone,
 * or earlier, the first of `moments` (an event's start, end or registration deadline) still ahead.
 */
export function pageTurnsAt(now: Date, timeZone: string, moments: (Date | null | undefined)[] = []): Date {
	let turns = nextMidnight(now, timeZone);
	for (const moment of moments) {
		if (moment && moment > now && moment < turns) turns = moment;
	}
	return turns;
}
