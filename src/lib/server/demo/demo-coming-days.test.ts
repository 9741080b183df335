import { describe, expect, it } from 'vitest';
import { comingDay, comingWeeksFrom } from './demo-coming-days';

describe('the demo’s coming events', () => {
	it('stay where they were written while their first day is still ahead', () => {
		expect(comingWeeksFrom('2026-11-30')).toBe(0);
		expect(comingWeeksFrom('2026-12-01')).toBe(0);
	});

	it('move by whole weeks once the first day is reached, so it lies at least a day ahead and at most a week', () => {
		expect(comingWeeksFrom('2026-12-02')).toBe(1);
		expect(comingWeeksFrom('2026-12-08')).toBe(1);
		expect(comingWeeksFrom('2026-12-09')).toBe(2);
		for (const loadDay of ['2027-01-21', '2027-06-30', '2028-02-29', '2031-12-31']) {
			const first = comingDay('2026-12-02', comingWeeksFrom(loadDay));
			const ahead = (Date.parse(first) - Date.parse(loadDay)) / 86_400_000;
			expect(ahead, loadDay).toBeGreaterThanOrEqual(1);
			expect(ahead, loadDay).toBeLessThanOrEqual(7);
		}
	});

	it('keep their weekday and their time of day across a year and a leap day', () => {
		const weeks = comingWeeksFrom('2028-02-20');
		const moved = comingDay('2027-02-19T16:00', weeks);
		expect(moved).toMatch(/^\d{4}-\d{2}-\d{2}T16:00$/);
		expect(new Date(`${moved.slice(0, 10)}T00:00:00Z`).getUTCDay()).toBe(5);
		expect(comingDay('2027-02-27', 1)).toBe('2027-03-06');
		expect(comingDay('2028-02-26', 1)).toBe('2028-03-04');
	});

	it('refuses a load day that is not a day', () => {
		expect(() => comingWeeksFrom('30.11.2026')).toThrow(RangeError);
		expect(() => comingWeeksFrom('2026-13-01')).toThrow(RangeError);
	});
});
