import { describe, expect, it } from 'vitest';
import { scoreIndicator, targetPath, yearsBetween, type ScoreInput } from './indicator-score';

// The worked examples of docs/indicator-model.md ("Target paths and scoring").
const rising: ScoreInput = {
	direction: 'higher_is_better',
	baseline: { value: 100, date: '2023-12-31' },
	target: { value: 150, date: '2030-12-31' },
	interimTargets: [],
	latest: { value: 108, date: '2025-12-31' }
};
const falling: ScoreInput = {
	direction: 'lower_is_better',
	baseline: { value: 12, date: '2023-12-31' },
	target: { value: 9, date: '2030-12-31' },
	interimTargets: [],
	latest: { value: 11, date: '2025-12-31' }
};

describe('indicator score (compound growth method)', () => {
	it('counts years in calendar months, so year ends are whole years apart', () => {
		expect(yearsBetween('2023-12-31', '2025-12-31')).toBe(2);
		expect(yearsBetween('2024-06-30', '2025-12-31')).toBe(1.5);
		expect(yearsBetween('2024-01-01', '2024-07-01')).toBe(0.5);
	});

	it('a rising indicator growing at two thirds of the expected rate makes moderate progress', () => {
		const score = scoreIndicator(rising);
		expect(score.method).toBe('compound');
		expect(score.expectedGrowth).toBeCloseTo(0.05963, 5);
		expect(score.actualGrowth).toBeCloseTo(0.03923, 5);
		expect(score.ratio).toBeCloseTo(0.658, 3);
		expect(score.status).toBe('moderate');
		expect(score.milestone).toEqual({ value: 150, date: '2030-12-31', interim: false });
	});

	it('growing at 95 % of the expected rate or more is on track, below 60 % off track', () => {
		expect(scoreIndicator({ ...rising, latest: { value: 112.5, date: '2025-12-31' } }).status).toBe('on_track');
		expect(scoreIndicator({ ...rising, latest: { value: 106, date: '2025-12-31' } }).status).toBe('off_track');
	});

	it('an interim target measures progress against the next milestone, not the final target', () => {
		const score = scoreIndicator({ ...rising, interimTargets: [{ year: 2026, value: 110 }] });
		expect(score.milestone).toEqual({ value: 110, date: '2026-12-31', interim: true });
		expect(score.expectedGrowth).toBeCloseTo(0.03228, 5);
		expect(score.ratio).toBeCloseTo(1.215, 3);
		expect(score.status).toBe('on_track');
	});

	it('an interim target already due is passed over for the next one', () => {
		const score = scoreIndicator({
			...rising,
			interimTargets: [
				{ year: 2027, value: 130 },
				{ year: 2024, value: 101 }
			]
		});
		expect(score.milestone?.date).toBe('2027-12-31');
		expect(score.status).toBe('off_track');
	});

	it('interim targets outside the period from baseline to final target are not part of the path', () => {
		const path = targetPath({ ...rising, interimTargets: [{ year: 2023, value: 1 }, { year: 2030, value: 2 }, { year: 2031, value: 3 }] });
		expect(path).toEqual([{ value: 150, date: '2030-12-31', interim: false }]);
	});

	it('for a decreasing-is-better indicator, falling faster than expected is on track', () => {
		const score = scoreIndicator(falling);
		expect(score.expectedGrowth).toBeCloseTo(-0.0403, 4);
		expect(score.actualGrowth).toBeCloseTo(-0.0426, 4);
		expect(score.ratio).toBeCloseTo(1.057, 3);
		expect(score.status).toBe('on_track');
	});

	it('for a decreasing-is-better indicator, rising is off track (a negative ratio)', () => {
		const score = scoreIndicator({ ...falling, latest: { value: 12.5, date: '2025-12-31' } });
		expect(score.ratio).toBeLessThan(0);
		expect(score.status).toBe('off_track');
	});

	it('a value at or beyond the final target is achieved, in either direction', () => {
		expect(scoreIndicator({ ...rising, latest: { value: 150, date: '2025-12-31' } }).status).toBe('achieved');
		expect(scoreIndicator({ ...falling, latest: { value: 8.5, date: '2025-12-31' } }).status).toBe('achieved');
	});

	it('without a value after the baseline there is too little data to judge', () => {
		expect(scoreIndicator({ ...rising, latest: null })).toMatchObject({ status: 'insufficient_data', reason: 'no_value', ratio: null });
		expect(scoreIndicator({ ...rising, latest: { value: 140, date: '2023-12-31' } })).toMatchObject({
			status: 'insufficient_data',
			reason: 'no_value_after_baseline'
		});
	});

	it('with a value of zero compound growth is undefined, so growth is compared in units per year', () => {
		const score = scoreIndicator({
			direction: 'higher_is_better',
			baseline: { value: 0, date: '2023-12-31' },
			target: { value: 14, date: '2030-12-31' },
			interimTargets: [],
			latest: { value: 3, date: '2025-12-31' }
		});
		expect(score.method).toBe('linear');
		expect(score.expectedGrowth).toBe(2);
		expect(score.actualGrowth).toBe(1.5);
		expect(score.ratio).toBe(0.75);
		expect(score.status).toBe('moderate');
	});

	it('a target that only asks to hold the baseline is on track while the value holds and off track once it slips', () => {
		const hold: ScoreInput = { ...rising, target: { value: 100, date: '2030-12-31' }, latest: { value: 99, date: '2025-12-31' } };
		expect(scoreIndicator(hold).status).toBe('off_track');
		expect(scoreIndicator({ ...hold, latest: { value: 100, date: '2025-12-31' } }).status).toBe('achieved');
	});

	it('a target missed by its date is off track, whatever the growth', () => {
		const score = scoreIndicator({ ...rising, latest: { value: 140, date: '2031-12-31' } });
		expect(score.milestone?.interim).toBe(false);
		expect(score.status).toBe('off_track');
	});
});
