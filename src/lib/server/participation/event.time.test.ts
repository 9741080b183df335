import { describe, expect, it } from 'vitest';
import { isWallClockTime, utcToWallClock, wallClockToUtc } from './event.time';

const berlin = 'Europe/Berlin';

describe('event times are typed and shown in the municipality time zone', () => {
	it('a winter evening in Berlin is one hour ahead of UTC', () => {
		expect(wallClockToUtc('2025-01-24T18:00', berlin).toISOString()).toBe('2025-01-24T17:00:00.000Z');
	});

	it('a summer evening in Berlin is two hours ahead of UTC', () => {
		expect(wallClockToUtc('2024-06-12T18:30', berlin).toISOString()).toBe('2024-06-12T16:30:00.000Z');
	});

	it('the last minute before the spring change and the first after it keep their offsets', () => {
		expect(wallClockToUtc('2024-03-31T01:59', berlin).toISOString()).toBe('2024-03-31T00:59:00.000Z');
		expect(wallClockToUtc('2024-03-31T03:00', berlin).toISOString()).toBe('2024-03-31T01:00:00.000Z');
	});

	it('a time in the spring gap that no clock shows is read with the winter offset', () => {
		expect(wallClockToUtc('2024-03-31T02:30', berlin).toISOString()).toBe('2024-03-31T01:30:00.000Z');
	});

	it('the hour that happens twice in autumn means its first pass', () => {
		expect(wallClockToUtc('2024-10-27T02:30', berlin).toISOString()).toBe('2024-10-27T00:30:00.000Z');
	});

	it('shows instants as the wall clock of the zone on both sides of a change', () => {
		expect(utcToWallClock(new Date('2024-10-27T00:30:00Z'), berlin)).toBe('2024-10-27T02:30');
		expect(utcToWallClock(new Date('2024-10-27T01:30:00Z'), berlin)).toBe('2024-10-27T02:30');
		expect(utcToWallClock(new Date('2024-10-27T02:30:00Z'), berlin)).toBe('2024-10-27T03:30');
		expect(utcToWallClock(new Date('2025-01-24T17:00:00Z'), berlin)).toBe('2025-01-24T18:00');
	});

	it('works for a zone west of UTC too', () => {
		expect(wallClockToUtc('2024-07-04T09:00', 'America/New_York').toISOString()).toBe('2024-07-04T13:00:00.000Z');
	});

	it('round-trips every hour of a year', () => {
		for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2025, 0, 1); t += 3600_000) {
			const local = utcToWallClock(new Date(t), berlin);
			const back = wallClockToUtc(local, berlin).getTime();
			// Only the second pass of the repeated autumn hour maps back to its first pass.
			expect(back === t || back === t - 3600_000).toBe(true);
		}
	});

	it('refuses impossible dates', () => {
		expect(isWallClockTime('2025-02-30T10:00')).toBe(false);
		expect(isWallClockTime('2025-02-03T24:00')).toBe(false);
		expect(isWallClockTime('03.02.2025 10:00')).toBe(false);
		expect(() => wallClockToUtc('2025-13-01T10:00', berlin)).toThrow(RangeError);
	});

	it('reads the same wall clock as the formatter parts, in zones with half and quarter hours and across changes', () => {
		for (const zone of [berlin, 'America/New_York', 'Asia/Kolkata', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'Pacific/Chatham', 'UTC']) {
			const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
			for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2025, 0, 1); t += 3600_000 + 7 * 60_000) {
				const p = Object.fromEntries(parts.formatToParts(new Date(t)).map((part) => [part.type, part.value]));
				expect(utcToWallClock(new Date(t), zone)).toBe(`${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`);
			}
		}
	});

	it('keeps four digits for a year before 1000, which the formatted text does not have', () => {
		expect(utcToWallClock(new Date('0999-06-01T12:00:00Z'), 'UTC')).toBe('0999-06-01T12:00');
	});
});
