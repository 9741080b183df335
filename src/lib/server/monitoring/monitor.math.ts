// Arithmetic of the monitor, kept free of the database so that every rule is tested on its own.
import type { IndicatorDirection, IndicatorFrequency } from './monitoring.schema';

export type Weighted = { progress: number; weight: number };

/**
 * Progress of a goal or field: the weighted average of its measures' progress, rounded to a whole
 * percent. Measures weighted 0 do not count; with nothing left to count there is no progress to show.
 */
export function rollUpProgress(items: readonly Weighted[]): number | null {
	let weights = 0;
	let sum = 0;
	for (const { progress, weight } of items) {
		if (weight <= 0) continue;
		weights += weight;
		sum += progress * weight;
	}
	return weights === 0 ? null : Math.round(sum / weights);
}

const monthsAllowed: Record<IndicatorFrequency, number> = { monthly: 1, quarterly: 3, yearly: 12 };

/** Adds whole calendar months to an ISO date, keeping the day where the month has it (31 Jan + 1 → 28/29 Feb). */
export function addMonths(isoDate: string, months: number): string {
	const [year, month, day] = isoDate.split('-').map(Number);
	const target = new Date(Date.UTC(year, month - 1 + months, 1));
	const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
	target.setUTCDate(Math.min(day, lastDay));
	return target.toISOString().slice(0, 10);
}

/**
 * An indicator is stale once a whole update period has passed since its newest value (or, without
 * any, since its baseline) and the next value is still missing. One extra period of grace covers
 * the time statistics offices need to publish.
 */
export function isIndicatorStale({
	frequency,
	newestDate,
	baselineDate,
	today
}: {
	frequency: IndicatorFrequency;
	newestDate: string | null;
	baselineDate: string;
	today: string;
}): boolean {
	const since = newestDate && newestDate > baselineDate ? newestDate : baselineDate;
	return addMonths(since, 2 * monthsAllowed[frequency]) < today;
}

export type IndicatorSummary = {
	/** Change of the latest value against the baseline, in percent of the baseline (null when the baseline is 0). */
	changePercent: number | null;
	/** Share of the way from baseline to target covered, in percent; negative when moving away. */
	shareOfWay: number | null;
	/** Whether the latest value lies on the good side of the baseline for this indicator's direction. */
	trend: 'better' | 'worse' | 'unchanged';
	targetReached: boolean;
};

export function summariseIndicator({
	direction,
	baseline,
	target,
	latest
}: {
	direction: IndicatorDirection;
	baseline: number;
	target: number;
	latest: number;
}): IndicatorSummary {
	const changePercent = baseline === 0 ? null : round1(((latest - baseline) / Math.abs(baseline)) * 100);
	const shareOfWay = target === baseline ? null : Math.round(((latest - baseline) / (target - baseline)) * 100);
	const sign = direction === 'higher_is_better' ? 1 : -1;
	const delta = (latest - baseline) * sign;
	const trend = delta > 0 ? 'better' : delta < 0 ? 'worse' : 'unchanged';
	const targetReached = (latest - target) * sign >= 0;
	return { changePercent, shareOfWay, trend, targetReached };
}

function round1(value: number): number {
	return Math.round(value * 10) / 10;
}
