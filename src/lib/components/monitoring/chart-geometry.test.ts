import { describe, expect, it } from 'vitest';
import { chartGeometry, niceTicks } from './chart-geometry';

describe('an indicator chart is drawn from its baseline, target and measurements', () => {
	it('value ticks are round numbers that cover every value', () => {
		expect(niceTicks(250, 270)).toEqual([250, 255, 260, 265, 270]);
		expect(niceTicks(0, 0.9)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
		expect(niceTicks(5, 5)).toEqual([4.4, 4.6, 4.8, 5, 5.2, 5.4]);
	});

	it('the whole city is the first series; each district gets its own dash and marker', () => {
		const chart = chartGeometry({
			baseline: { value: 100, date: '2024-01-01' },
			target: { value: 140, date: '2030-12-31' },
			measurements: [
				{ measuredOn: '2024-06-30', value: 30, seriesKey: 'district=nord', seriesName: 'Nord' },
				{ measuredOn: '2024-03-31', value: 104, seriesKey: 'district=total', seriesName: null },
				{ measuredOn: '2024-06-30', value: 110, seriesKey: 'district=total', seriesName: null }
			]
		});
		expect(chart.series.map((s) => s.key)).toEqual(['district=total', 'district=nord']);
		expect(chart.series[0].points.map((p) => p.value)).toEqual([104, 110]);
		expect(chart.series[0].dash).toBe('');
		expect(chart.series[1].dash).not.toBe('');
		expect(chart.series[1].marker).not.toBe(chart.series[0].marker);
		expect(chart.xTicks.map((t) => t.year)).toEqual([2024, 2025, 2026, 2027, 2028, 2029, 2030, 2031]);
		// A higher value is drawn higher up, and every point lies inside the plot.
		expect(chart.series[0].points[1].y).toBeLessThan(chart.series[0].points[0].y);
		for (const point of chart.series.flatMap((s) => s.points)) {
			expect(point.y).toBeGreaterThanOrEqual(chart.plot.top);
			expect(point.y).toBeLessThanOrEqual(chart.plot.bottom);
		}
	});
});
