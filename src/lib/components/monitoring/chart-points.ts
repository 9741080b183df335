// What a chart's data point says to a keyboard and screen-reader user, and where the arrow keys take
// them: plain functions, so the wording and the movement are tested without a browser.
import * as m from '$lib/paraglide/messages';
import { formatDate } from '$lib/i18n';
import type { MeasurementPeriodKind } from '../../measurement-values';
import { formatValue } from './labels';

export type PointPeriod = { measuredOn: string; periodKind: MeasurementPeriodKind | null; periodStart: string | null };

/** The period a value covers as readers say it: "2025", "Q2 2025", "Juni 2025" or a date range. */
export function periodLabel(point: PointPeriod): string {
	const start = point.periodStart ?? point.measuredOn;
	switch (point.periodKind) {
		case 'year':
			return start.slice(0, 4);
		case 'quarter':
			return m.monitoring_chart_period_quarter({ quarter: String(Math.floor((Number(start.slice(5, 7)) - 1) / 3) + 1), year: start.slice(0, 4) });
		case 'month':
			return formatDate(start, { month: 'long', year: 'numeric' });
		case 'range':
			if (start !== point.measuredOn) return m.monitoring_chart_period_range({ start: formatDate(start, { dateStyle: 'medium' }), end: formatDate(point.measuredOn, { dateStyle: 'medium' }) });
			return formatDate(point.measuredOn, { dateStyle: 'medium' });
		default:
			return formatDate(point.measuredOn, { dateStyle: 'medium' });
	}
}

/** The accessible name of one point, e.g. "Q2 2025: 42 Personen, Hiltrup"; seriesName null is the whole city. */
export function pointLabel(point: PointPeriod & { value: number }, seriesName: string | null, unit: string): string {
	return m.monitoring_chart_point_label({ period: periodLabel(point), value: formatValue(point.value, unit), series: seriesName ?? m.monitoring_chart_city() });
}

export type PointPosition = { series: number; point: number };

/**
 * Where a key moves the focus: left/right through time within a series, up/down to the previous/next
 * series at the point nearest in time, Home/End to the series' first/last point. Null for other keys
 * and at the edges, so the key keeps its usual meaning there (e.g. scrolling).
 */
export function movePoint(series: readonly { points: readonly { measuredOn: string }[] }[], from: PointPosition, key: string): PointPosition | null {
	const current = series[from.series]?.points;
	if (!current || current.length === 0) return null;
	switch (key) {
		case 'ArrowRight':
			return from.point < current.length - 1 ? { series: from.series, point: from.point + 1 } : null;
		case 'ArrowLeft':
			return from.point > 0 ? { series: from.series, point: from.point - 1 } : null;
		case 'Home':
			return from.point !== 0 ? { series: from.series, point: 0 } : null;
		case 'End':
			return from.point !== current.length - 1 ? { series: from.series, point: current.length - 1 } : null;
		case 'ArrowUp':
		case 'ArrowDown': {
			const step = key === 'ArrowDown' ? 1 : -1;
			const date = current[from.point].measuredOn;
			for (let index = from.series + step; index >= 0 && index < series.length; index += step) {
				const points = series[index].points;
				if (points.length === 0) continue;
				return { series: index, point: nearestInTime(points, date) };
			}
			return null;
		}
		default:
			return null;
	}
}

function nearestInTime(points: readonly { measuredOn: string }[], date: string): number {
	const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
	let best = 0;
	for (let index = 1; index < points.length; index++) {
		if (Math.abs(day(points[index].measuredOn) - day(date)) < Math.abs(day(points[best].measuredOn) - day(date))) best = index;
	}
	return best;
}
