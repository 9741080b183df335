import { describe, expect, it } from 'vitest';
import { rollUpProgress, summariseIndicator } from './monitor.math';

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
