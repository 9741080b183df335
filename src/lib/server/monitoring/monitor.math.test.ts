import { describe, expect, it } from 'vitest';
import { addMonths, isIndicatorStale, rollUpProgress, summariseIndicator } from './monitor.math';

describe('progress rolls up from measures to goals and fields', () => {
	it('a goal’s progress is the weighted average of its measures', () => {
		expect(rollUpProgress([{ progress: 100, weight: 1 }, { progress: 0, weight: 1 }])).toBe(50);
		expect(rollUpProgress([{ progress: 100, weight: 3 }, { progress: 0, weight: 1 }])).toBe(75);
		expect(rollUpProgress([{ progress: 40, weight: 2 }, { progress: 70, weight: 1 }, { progress: 10, weight: 1 }])).toBe(40);
	});

	it('the average is rounded to a whole percent', () => {
		expect(rollUpProgress([{ progress: 33, weight: 1 }, { progress: 34, weight: 2 }])).toBe(34);
		expect(rollUpProgress([{ progress: 10, weight: 1 }, { progress: 15, weight: 1 }])).toBe(13);
	});

	it('a measure weighted 0 does not count, and without any weight there is no progress to show', () => {
		expect(rollUpProgress([{ progress: 90, weight: 0 }, { progress: 30, weight: 1 }])).toBe(30);
		expect(rollUpProgress([{ progress: 90, weight: 0 }])).toBeNull();
		expect(rollUpProgress([])).toBeNull();
	});
});

describe('an indicator goes stale when its next value is overdue', () => {
	it('calendar months are added without spilling into the next month', () => {
		expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
		expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
		expect(addMonths('2025-11-15', 3)).toBe('2026-02-15');
	});

	it('a quarterly indicator is fresh for two quarters after its newest value and stale after', () => {
		const base = { frequency: 'quarterly' as const, baselineDate: '2024-01-01', newestDate: '2025-03-31' };
		expect(isIndicatorStale({ ...base, today: '2025-09-30' })).toBe(false);
		expect(isIndicatorStale({ ...base, today: '2025-10-01' })).toBe(true);
	});

	it('monthly and yearly indicators allow two months and two years', () => {
		expect(isIndicatorStale({ frequency: 'monthly', baselineDate: '2024-01-01', newestDate: '2026-01-10', today: '2026-03-10' })).toBe(false);
		expect(isIndicatorStale({ frequency: 'monthly', baselineDate: '2024-01-01', newestDate: '2026-01-10', today: '2026-03-11' })).toBe(true);
		expect(isIndicatorStale({ frequency: 'yearly', baselineDate: '2024-01-01', newestDate: '2024-12-31', today: '2026-12-31' })).toBe(false);
		expect(isIndicatorStale({ frequency: 'yearly', baselineDate: '2024-01-01', newestDate: '2024-12-31', today: '2027-01-01' })).toBe(true);
	});

	it('without measurements the baseline date counts as the newest value', () => {
		expect(isIndicatorStale({ frequency: 'quarterly', baselineDate: '2024-01-01', newestDate: null, today: '2024-06-30' })).toBe(false);
		expect(isIndicatorStale({ frequency: 'quarterly', baselineDate: '2024-01-01', newestDate: null, today: '2024-07-02' })).toBe(true);
	});
});

describe('an indicator’s summary says how far it moved, in the direction that counts', () => {
	it('higher is better: 3.2 % above baseline and 40 % of the way to target', () => {
		expect(summariseIndicator({ direction: 'higher_is_better', baseline: 250, target: 270, latest: 258 })).toEqual({
			changePercent: 3.2,
			shareOfWay: 40,
			trend: 'better',
			targetReached: false
		});
	});

	it('lower is better: a falling value is progress, and passing the target reaches it', () => {
		expect(summariseIndicator({ direction: 'lower_is_better', baseline: 120, target: 60, latest: 90 })).toEqual({
			changePercent: -25,
			shareOfWay: 50,
			trend: 'better',
			targetReached: false
		});
		expect(summariseIndicator({ direction: 'lower_is_better', baseline: 120, target: 60, latest: 55 }).targetReached).toBe(true);
	});

	it('moving away from the target is worse and counts as a negative share of the way', () => {
		const summary = summariseIndicator({ direction: 'higher_is_better', baseline: 100, target: 200, latest: 90 });
		expect(summary.trend).toBe('worse');
		expect(summary.shareOfWay).toBe(-10);
	});

	it('a baseline of 0 has no percentage change, and a target equal to the baseline no share of the way', () => {
		expect(summariseIndicator({ direction: 'higher_is_better', baseline: 0, target: 10, latest: 5 }).changePercent).toBeNull();
		expect(summariseIndicator({ direction: 'higher_is_better', baseline: 5, target: 5, latest: 5 })).toMatchObject({ shareOfWay: null, trend: 'unchanged', targetReached: true });
	});
});
