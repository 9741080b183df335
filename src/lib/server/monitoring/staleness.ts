// When an indicator's newest value is older than it should be: one rule for the monitor, the indicator
// page, the annual report and the facilitators' to-do list (docs/indicator-model.md, "Staleness").
// Kept free of the database so that the rule is tested on worked dates (staleness.test.ts).
import type { IndicatorFrequency } from '../../monitoring-values';

/** The publication calendar of an indicator's source, as kept in indicator_sources. */
export type ReleaseCalendar = { frequency: IndicatorFrequency | null; lastReleaseOn: string | null; nextReleaseOn: string | null };

/** The newest value of an indicator: the end of its period and the day it was entered or imported. */
export type NewestValue = { periodEnd: string; recordedOn: string };

export type StalenessReason = 'release_missed' | 'older_than_frequency';

export type Staleness = {
	stale: boolean;
	/** Why the indicator is stale; null while it is not. */
	reason: StalenessReason | null;
	/**
	 * When the next value was (stale) or is (fresh) expected: the source's release day, or the day the
	 * update period plus one period of grace runs out. Null when a calendar is kept but names no day ahead.
	 */
	expectedOn: string | null;
	/** The publication frequency the judgement used: the source's, else the indicator's. */
	frequency: IndicatorFrequency;
};

const monthsOf: Record<IndicatorFrequency, number> = { monthly: 1, quarterly: 3, yearly: 12 };

const utcDate = (iso: string) => new Date(`${iso}T00:00:00Z`);
const lastDayOfMonth = (year: number, monthIndex: number) => new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();

/**
 * Adds whole calendar months to an ISO date. The last day of a month stays the last day (a period
 * ending 29 Feb 2024 plus two months ends 30 Apr), any other day is kept where the month has it.
 */
export function addMonthsToPeriodEnd(isoDate: string, months: number): string {
	const date = utcDate(isoDate);
	const year = date.getUTCFullYear();
	const month = date.getUTCMonth();
	const day = date.getUTCDate();
	const targetYear = year + Math.floor((month + months) / 12);
	const targetMonth = (((month + months) % 12) + 12) % 12;
	const targetLast = lastDayOfMonth(targetYear, targetMonth);
	const targetDay = day === lastDayOfMonth(year, month) ? targetLast : Math.min(day, targetLast);
	return new Date(Date.UTC(targetYear, targetMonth, targetDay)).toISOString().slice(0, 10);
}

/**
 * An indicator is stale when its newest value is older than expected.
 *
 * - A source that keeps a release calendar (last or next release day) decides alone: once its next
 *   release day has passed (or, without one ahead, its last release day) and no value of the
 *   indicator was recorded on or after that day, the indicator is stale. A value's record day is
 *   when it was entered or imported: a release adds the newest period, so it is read from there.
 * - Otherwise the publication frequency decides, the source's, else the indicator's: stale once two
 *   update periods have passed since the end of the newest period (or since the baseline, without
 *   values) — one period to the next value, one of grace for the statistics office to publish it.
 *
 * Dates are ISO calendar dates in the municipality's time zone; a due day itself is not yet late.
 */
export function judgeStaleness({
	indicatorFrequency,
	baselineDate,
	newest,
	source,
	today
}: {
	indicatorFrequency: IndicatorFrequency;
	baselineDate: string;
	newest: NewestValue | null;
	source: ReleaseCalendar | null;
	today: string;
}): Staleness {
	const frequency = source?.frequency ?? indicatorFrequency;
	if (source && (source.nextReleaseOn || source.lastReleaseOn)) {
		const next = source.nextReleaseOn;
		const passed = next && next < today ? next : source.lastReleaseOn && source.lastReleaseOn < today ? source.lastReleaseOn : null;
		const missed = passed !== null && (newest === null || newest.recordedOn < passed);
		if (missed) return { stale: true, reason: 'release_missed', expectedOn: passed, frequency };
		return { stale: false, reason: null, expectedOn: next && next >= today ? next : null, frequency };
	}
	const since = newest && newest.periodEnd > baselineDate ? newest.periodEnd : baselineDate;
	const dueOn = addMonthsToPeriodEnd(since, 2 * monthsOf[frequency]);
	return dueOn < today
		? { stale: true, reason: 'older_than_frequency', expectedOn: dueOn, frequency }
		: { stale: false, reason: null, expectedOn: dueOn, frequency };
}
