import { describe, expect, it } from 'vitest';
import { addMonthsToPeriodEnd, judgeStaleness } from './staleness';

const noCalendar = { frequency: null, lastReleaseOn: null, nextReleaseOn: null };

describe('period ends move by whole calendar months', () => {
	it('the last day of a month stays the last day, also across leap years', () => {
		expect(addMonthsToPeriodEnd('2024-02-29', 2)).toBe('2024-04-30');
		expect(addMonthsToPeriodEnd('2023-02-28', 2)).toBe('2023-04-30');
		expect(addMonthsToPeriodEnd('2023-12-31', 2)).toBe('2024-02-29');
		expect(addMonthsToPeriodEnd('2024-02-29', 24)).toBe('2026-02-28');
		expect(addMonthsToPeriodEnd('2025-09-30', 6)).toBe('2026-03-31');
	});

	it('any other day is kept where the target month has it', () => {
		expect(addMonthsToPeriodEnd('2026-01-10', 2)).toBe('2026-03-10');
		expect(addMonthsToPeriodEnd('2025-01-30', 1)).toBe('2025-02-28');
		expect(addMonthsToPeriodEnd('2025-11-15', 3)).toBe('2026-02-15');
	});
});

describe('staleness by frequency: two update periods after the newest period end', () => {
	it('a yearly value for 2024 is due by the end of 2026 and stale from 1 January 2027', () => {
		const judge = (today: string) =>
			judgeStaleness({ indicatorFrequency: 'yearly', baselineDate: '2023-12-31', newest: { periodEnd: '2024-12-31', recordedOn: '2025-05-02' }, source: null, today });
		expect(judge('2026-12-31')).toEqual({ stale: false, reason: null, expectedOn: '2026-12-31', frequency: 'yearly' });
		expect(judge('2027-01-01')).toEqual({ stale: true, reason: 'older_than_frequency', expectedOn: '2026-12-31', frequency: 'yearly' });
	});

	it('a quarterly value for Q3 2025 is due by 31 March 2026', () => {
		const judge = (today: string) =>
			judgeStaleness({ indicatorFrequency: 'quarterly', baselineDate: '2024-12-31', newest: { periodEnd: '2025-09-30', recordedOn: '2025-10-20' }, source: null, today });
		expect(judge('2026-03-31').stale).toBe(false);
		expect(judge('2026-04-01')).toMatchObject({ stale: true, expectedOn: '2026-03-31' });
	});

	it('a monthly value for February of a leap year is due by the end of April, not on the 29th', () => {
		const judge = (today: string) =>
			judgeStaleness({ indicatorFrequency: 'monthly', baselineDate: '2023-12-31', newest: { periodEnd: '2024-02-29', recordedOn: '2024-03-05' }, source: null, today });
		expect(judge('2024-04-30').stale).toBe(false);
		expect(judge('2024-05-01')).toMatchObject({ stale: true, reason: 'older_than_frequency', expectedOn: '2024-04-30' });
	});

	it('the source’s frequency overrides the indicator’s', () => {
		const judged = judgeStaleness({
			indicatorFrequency: 'yearly',
			baselineDate: '2024-12-31',
			newest: { periodEnd: '2025-03-31', recordedOn: '2025-04-10' },
			source: { ...noCalendar, frequency: 'quarterly' },
			today: '2025-10-01'
		});
		expect(judged).toEqual({ stale: true, reason: 'older_than_frequency', expectedOn: '2025-09-30', frequency: 'quarterly' });
	});

	it('without any value the baseline date counts as the newest', () => {
		const judge = (today: string) => judgeStaleness({ indicatorFrequency: 'quarterly', baselineDate: '2024-01-01', newest: null, source: null, today });
		expect(judge('2024-07-01').stale).toBe(false);
		expect(judge('2024-07-02').stale).toBe(true);
	});

	it('a value older than the baseline does not make the indicator older than its baseline', () => {
		const judged = judgeStaleness({ indicatorFrequency: 'yearly', baselineDate: '2025-12-31', newest: { periodEnd: '2020-12-31', recordedOn: '2021-06-01' }, source: null, today: '2026-06-01' });
		expect(judged).toMatchObject({ stale: false, expectedOn: '2027-12-31' });
	});
});

describe('staleness by release calendar: a release day passed without a newer value', () => {
	const newest = { periodEnd: '2024-12-31', recordedOn: '2025-06-12' };
	const calendar = { frequency: 'yearly' as const, lastReleaseOn: '2025-06-10', nextReleaseOn: '2026-06-15' };

	it('before and on the next release day the indicator is fresh and expects that day', () => {
		expect(judgeStaleness({ indicatorFrequency: 'yearly', baselineDate: '2023-12-31', newest, source: calendar, today: '2026-06-15' })).toEqual({
			stale: false,
			reason: null,
			expectedOn: '2026-06-15',
			frequency: 'yearly'
		});
	});

	it('the day after the release without a value recorded since, it is stale and names the release day', () => {
		expect(judgeStaleness({ indicatorFrequency: 'yearly', baselineDate: '2023-12-31', newest, source: calendar, today: '2026-06-16' })).toEqual({
			stale: true,
			reason: 'release_missed',
			expectedOn: '2026-06-15',
			frequency: 'yearly'
		});
	});

	it('a value recorded on or after the release day makes it fresh again', () => {
		const entered = { periodEnd: '2025-12-31', recordedOn: '2026-06-15' };
		expect(judgeStaleness({ indicatorFrequency: 'yearly', baselineDate: '2023-12-31', newest: entered, source: calendar, today: '2026-07-01' }).stale).toBe(false);
	});

	it('the calendar decides over the frequency: an announced release keeps an old series fresh', () => {
		const old = { periodEnd: '2022-12-31', recordedOn: '2025-06-11' };
		expect(judgeStaleness({ indicatorFrequency: 'yearly', baselineDate: '2021-12-31', newest: old, source: calendar, today: '2026-02-28' }).stale).toBe(false);
	});

	it('without a day ahead, a last release with nothing recorded since makes it stale', () => {
		const onlyLast = { frequency: null, lastReleaseOn: '2024-02-29', nextReleaseOn: null };
		const before = { periodEnd: '2023-12-31', recordedOn: '2024-02-28' };
		expect(judgeStaleness({ indicatorFrequency: 'quarterly', baselineDate: '2023-12-31', newest: before, source: onlyLast, today: '2024-03-01' })).toEqual({
			stale: true,
			reason: 'release_missed',
			expectedOn: '2024-02-29',
			frequency: 'quarterly'
		});
		expect(judgeStaleness({ indicatorFrequency: 'quarterly', baselineDate: '2023-12-31', newest: null, source: onlyLast, today: '2024-02-29' }).stale).toBe(false);
	});

	it('a source without release days leaves the judgement to its frequency', () => {
		const judged = judgeStaleness({ indicatorFrequency: 'yearly', baselineDate: '2023-12-31', newest, source: { ...noCalendar, frequency: 'monthly' }, today: '2025-03-01' });
		expect(judged).toMatchObject({ stale: true, reason: 'older_than_frequency', expectedOn: '2025-02-28', frequency: 'monthly' });
	});
});
