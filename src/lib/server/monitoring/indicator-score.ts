// The progress status of an indicator, by the compound-growth method of SDG progress reporting
// (Eurostat, Statistics Canada, Open SDG). Free of the database so every worked example is a test;
// docs/indicator-model.md ("Target paths and scoring") documents formula and thresholds.
import type { IndicatorDirection } from '$lib/monitoring-values';

export const scoreStatuses = ['achieved', 'on_track', 'moderate', 'off_track', 'insufficient_data'] as const;
export type ScoreStatus = (typeof scoreStatuses)[number];

/** Ratio of actual to expected growth at or above which an indicator is on track. */
export const ON_TRACK_RATIO = 0.95;
/** Ratio at or above which progress is moderate (made, but acceleration needed); below it is off track. */
export const MODERATE_RATIO = 0.6;

export type TargetPoint = { value: number; date: string };

export type ScoreInput = {
	direction: IndicatorDirection;
	baseline: TargetPoint;
	target: TargetPoint;
	/** Interim targets per calendar year; each counts as due on 31 December of its year. */
	interimTargets: readonly { year: number; value: number }[];
	/** The newest city-wide value, or null when there is none. */
	latest: TargetPoint | null;
};

export type Score = {
	status: ScoreStatus;
	/** 'compound' when every value involved is positive; otherwise growth is compared linearly. */
	method: 'compound' | 'linear' | null;
	/** The milestone the expected growth aims at: the next interim target or the final target. */
	milestone: (TargetPoint & { interim: boolean }) | null;
	/** Expected growth per year towards the milestone: a rate (0.05 = 5 % a year) or, linear, units a year. */
	expectedGrowth: number | null;
	/** Growth per year actually observed from the baseline to the latest value, same measure as expectedGrowth. */
	actualGrowth: number | null;
	/** Actual over expected growth, signed so that movement in the good direction is positive. */
	ratio: number | null;
	/** Why the status is "insufficient data" (null otherwise). */
	reason: 'no_value' | 'no_value_after_baseline' | null;
};

/**
 * Years between two ISO dates, counted in calendar months so that 31 Dec → 31 Dec is exactly one
 * year; the remaining days count as fractions of a 30.4375-day month.
 */
export function yearsBetween(from: string, to: string): number {
	const [y1, m1, d1] = from.split('-').map(Number);
	const [y2, m2, d2] = to.split('-').map(Number);
	const months = (y2 - y1) * 12 + (m2 - m1) + (endOfMonth(y2, m2, d2) && endOfMonth(y1, m1, d1) ? 0 : (d2 - d1) / 30.4375);
	return months / 12;
}

function endOfMonth(year: number, month: number, day: number): boolean {
	return new Date(Date.UTC(year, month, 0)).getUTCDate() === day;
}

/** The path's milestones in date order: interim targets between baseline and final target, then the final target. */
export function targetPath(input: Pick<ScoreInput, 'baseline' | 'target' | 'interimTargets'>): (TargetPoint & { interim: boolean })[] {
	const interim = input.interimTargets
		.map((t) => ({ value: t.value, date: `${t.year}-12-31`, interim: true }))
		.filter((t) => t.date > input.baseline.date && t.date < input.target.date)
		.sort((a, b) => a.date.localeCompare(b.date));
	return [...interim, { ...input.target, interim: false }];
}

const insufficient = (reason: Score['reason']): Score => ({
	status: 'insufficient_data',
	method: null,
	milestone: null,
	expectedGrowth: null,
	actualGrowth: null,
	ratio: null,
	reason
});

/** Compound annual growth rate from a to b over the given years. */
const compoundGrowth = (a: number, b: number, years: number) => Math.pow(b / a, 1 / years) - 1;
const linearGrowth = (a: number, b: number, years: number) => (b - a) / years;

export function scoreIndicator(input: ScoreInput): Score {
	const { direction, baseline, target, latest } = input;
	if (!latest) return insufficient('no_value');
	if (latest.date <= baseline.date) return insufficient('no_value_after_baseline');
	const sign = direction === 'higher_is_better' ? 1 : -1;
	const path = targetPath(input);
	// The milestone due next after the latest value; once the final target date has passed, the final target.
	const milestone = path.find((point) => point.date >= latest.date) ?? path[path.length - 1];
	const method = baseline.value > 0 && latest.value > 0 && milestone.value > 0 ? 'compound' : 'linear';
	const growth = method === 'compound' ? compoundGrowth : linearGrowth;
	const expectedGrowth = growth(baseline.value, milestone.value, yearsBetween(baseline.date, milestone.date));
	const actualGrowth = growth(baseline.value, latest.value, yearsBetween(baseline.date, latest.date));
	const achieved = (latest.value - target.value) * sign >= 0;
	// A target no better than the baseline asks for no growth: holding the line is all that is expected.
	const ratio = expectedGrowth * sign > 0 ? (actualGrowth * sign) / Math.abs(expectedGrowth) : null;
	const overdue = latest.date > target.date;
	const status: ScoreStatus = achieved
		? 'achieved'
		: overdue
			? 'off_track'
			: ratio === null
			? (latest.value - milestone.value) * sign >= 0
				? 'on_track'
				: 'off_track'
			: ratio >= ON_TRACK_RATIO
				? 'on_track'
				: ratio >= MODERATE_RATIO
					? 'moderate'
					: 'off_track';
	return { status, method, milestone, expectedGrowth, actualGrowth, ratio, reason: null };
}

/** The years that may carry an interim target: those whose 31 December lies after the baseline and before the final target. */
export function interimYears(baselineDate: string, targetDate: string): number[] {
	const years: number[] = [];
	for (let year = Number(baselineDate.slice(0, 4)); year <= Number(targetDate.slice(0, 4)); year++) {
		const due = `${year}-12-31`;
		if (due > baselineDate && due < targetDate) years.push(year);
	}
	return years;
}
