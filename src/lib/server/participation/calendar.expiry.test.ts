import { describe, expect, it } from 'vitest';
import { nextMidnight, pageTurnsAt } from './calendar.expiry';

describe('when a calendar page stops being true', () => {
	it('turns at the next midnight of the town, not of the server', () => {
		// 23:30 in Berlin on 30 November is 22:30 UTC: the page turns half an hour later, at 23:00 UTC.
		expect(nextMidnight(new Date('2026-11-30T22:30:00Z'), 'Europe/Berlin')).toEqual(new Date('2026-11-30T23:00:00Z'));
		expect(nextMidnight(new Date('2026-11-30T23:00:00Z'), 'Europe/Berlin')).toEqual(new Date('2026-12-01T23:00:00Z'));
		// The night the clocks go forward is an hour shorter; midnight is still midnight.
		expect(nextMidnight(new Date('2027-03-28T12:00:00Z'), 'Europe/Berlin')).toEqual(new Date('2027-03-28T22:00:00Z'));
		expect(nextMidnight(new Date('2026-11-30T22:30:00Z'), 'America/New_York')).toEqual(new Date('2026-12-01T05:00:00Z'));
	});

	it('turns earlier when one of its events starts, ends or closes its registration before then', () => {
		const now = new Date('2026-11-30T12:00:00Z');
		const closes = new Date('2026-11-30T15:00:00Z');
		const ends = new Date('2026-11-30T19:00:00Z');
		expect(pageTurnsAt(now, 'Europe/Berlin', [ends, closes, null])).toEqual(closes);
		// Moments already past or after midnight change nothing before midnight.
		expect(pageTurnsAt(now, 'Europe/Berlin', [new Date('2026-11-30T11:00:00Z'), now, new Date('2026-12-02T10:00:00Z')])).toEqual(new Date('2026-11-30T23:00:00Z'));
		expect(pageTurnsAt(now, 'Europe/Berlin')).toEqual(new Date('2026-11-30T23:00:00Z'));
	});
});
