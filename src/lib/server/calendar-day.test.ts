import { describe, expect, it } from 'vitest';
import { calendarDayIn, calendarYearIn } from './calendar-day';

describe('calendarDayIn', () => {
	it('gives the day in the zone, not on the server clock', () => {
		const newYearsEveLateUtc = new Date('2025-12-31T23:30:00Z');
		expect(calendarDayIn('Europe/Berlin', newYearsEveLateUtc)).toBe('2026-01-01');
		expect(calendarDayIn('America/New_York', newYearsEveLateUtc)).toBe('2025-12-31');
		expect(calendarDayIn('UTC', newYearsEveLateUtc)).toBe('2025-12-31');
		expect(calendarYearIn('Europe/Berlin', newYearsEveLateUtc)).toBe(2026);
		expect(calendarYearIn('America/New_York', newYearsEveLateUtc)).toBe(2025);
	});

	it('keeps answering per zone when zones alternate', () => {
		const moment = new Date('2026-03-29T00:30:00Z');
		for (let round = 0; round < 3; round++) {
			expect(calendarDayIn('Pacific/Kiritimati', moment)).toBe('2026-03-29');
			expect(calendarDayIn('Pacific/Pago_Pago', moment)).toBe('2026-03-28');
		}
	});

	it('refuses an unknown zone', () => {
		expect(() => calendarDayIn('Mars/Olympus_Mons', new Date())).toThrow(RangeError);
	});
});
