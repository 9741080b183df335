import { expect, it } from 'vitest';
import { dateFormatter, formatCalendarDate } from './date-format';

it('formats a calendar date in the requested locale without shifting it by a day', () => {
	expect(formatCalendarDate('de', '2025-01-01')).toBe('1. Januar 2025');
	expect(formatCalendarDate('en', '2025-12-31')).toBe('December 31, 2025');
	expect(formatCalendarDate('de', '2025-03-09', { dateStyle: 'short' })).toBe('09.03.25');
});

it('reuses one formatter per locale and options, and never mixes them up', () => {
	expect(dateFormatter('de', { dateStyle: 'long' })).toBe(dateFormatter('de', { dateStyle: 'long' }));
	expect(dateFormatter('de', { dateStyle: 'long' })).not.toBe(dateFormatter('en', { dateStyle: 'long' }));
	expect(dateFormatter('de', { dateStyle: 'long', timeZone: 'UTC' })).not.toBe(dateFormatter('de', { dateStyle: 'long', timeZone: 'Europe/Berlin' }));
	const when = new Date('2025-06-30T22:30:00Z');
	expect(dateFormatter('de', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Berlin' }).format(when)).toBe('01.07.2025, 00:30');
	expect(dateFormatter('de', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(when)).toBe('30.06.2025, 22:30');
});
