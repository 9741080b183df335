import { describe, expect, it } from 'vitest';
import { movePoint, periodLabel, pointLabel } from './chart-points';

describe('each data point of a chart names its period, value and series', () => {
	it('a quarterly value reads like "Q2 2025: 42 Personen, Hiltrup"', () => {
		expect(pointLabel({ measuredOn: '2025-06-30', periodKind: 'quarter', periodStart: '2025-04-01', value: 42 }, 'Hiltrup', 'Personen')).toBe('Q2 2025: 42\u00a0Personen, Hiltrup');
	});

	it('the overall value is the whole city; decimals use the reader’s comma', () => {
		expect(pointLabel({ measuredOn: '2024-12-31', periodKind: 'year', periodStart: '2024-01-01', value: 27.5 }, null, 'Beratungen')).toBe('2024: 27,5\u00a0Beratungen, Gesamtstadt');
	});

	it('months, single days and date ranges are said as such', () => {
		expect(periodLabel({ measuredOn: '2026-11-30', periodKind: 'month', periodStart: '2026-11-01' })).toBe('November 2026');
		expect(periodLabel({ measuredOn: '2026-10-15', periodKind: 'range', periodStart: '2026-10-15' })).toBe('15.10.2026');
		expect(periodLabel({ measuredOn: '2026-06-30', periodKind: 'range', periodStart: '2026-01-01' })).toBe('01.01.2026 bis 30.06.2026');
		expect(periodLabel({ measuredOn: '2025-03-31', periodKind: 'quarter', periodStart: '2025-01-01' })).toBe('Q1 2025');
	});
});

describe('the arrow keys move through a chart’s points', () => {
	const series = [
		{ points: [{ measuredOn: '2024-12-31' }, { measuredOn: '2025-12-31' }, { measuredOn: '2026-12-31' }] },
		{ points: [{ measuredOn: '2025-12-31' }, { measuredOn: '2026-12-31' }] },
		{ points: [{ measuredOn: '2026-09-30' }] }
	];

	it('left and right move in time within the series and stop at its ends', () => {
		expect(movePoint(series, { series: 0, point: 0 }, 'ArrowRight')).toEqual({ series: 0, point: 1 });
		expect(movePoint(series, { series: 0, point: 1 }, 'ArrowLeft')).toEqual({ series: 0, point: 0 });
		expect(movePoint(series, { series: 0, point: 0 }, 'ArrowLeft')).toBeNull();
		expect(movePoint(series, { series: 0, point: 2 }, 'ArrowRight')).toBeNull();
	});

	it('up and down change the series and land on the point nearest in time', () => {
		expect(movePoint(series, { series: 0, point: 1 }, 'ArrowDown')).toEqual({ series: 1, point: 0 });
		expect(movePoint(series, { series: 1, point: 1 }, 'ArrowDown')).toEqual({ series: 2, point: 0 });
		expect(movePoint(series, { series: 2, point: 0 }, 'ArrowUp')).toEqual({ series: 1, point: 1 });
		expect(movePoint(series, { series: 0, point: 0 }, 'ArrowUp')).toBeNull();
		expect(movePoint(series, { series: 2, point: 0 }, 'ArrowDown')).toBeNull();
	});

	it('Home and End jump to the first and last point; other keys keep their meaning', () => {
		expect(movePoint(series, { series: 0, point: 1 }, 'End')).toEqual({ series: 0, point: 2 });
		expect(movePoint(series, { series: 0, point: 1 }, 'Home')).toEqual({ series: 0, point: 0 });
		expect(movePoint(series, { series: 0, point: 1 }, 'Tab')).toBeNull();
	});
});
