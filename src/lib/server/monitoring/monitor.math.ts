// Arithmetic of the monitor, kept free of the database so that every rule is tested on its own.
import type { IndicatorDirection } from './monitoring.schema';

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
