// Geometry of an indicator's line chart, computed on the server so that the SVG needs no script.
import type { MeasurementPeriodKind } from '../../measurement-values';

/** seriesName null is the overall value (whole city, every group); period* say what the value covers. */
export type ChartMeasurement = { measuredOn: string; value: number; seriesKey: string; seriesName: string | null; periodKind?: MeasurementPeriodKind; periodStart?: string };
export type ChartInput = {
	baseline: { value: number; date: string };
	target: { value: number; date: string };
	measurements: ChartMeasurement[];
	/** Series keys in the order they are drawn and listed; series not named follow in order of appearance. */
	seriesOrder?: readonly string[];
};

/** Theme colours (src/lib/styles/app.css) with at least 3:1 contrast against the chart's surface in light and dark; each series also differs by dash and marker. */
const palette = ['blue', 'red', 'green', 'purple', 'amber', 'slate', 'teal', 'pink'].map((name) => `var(--colour-${name})`);
const dashes = ['', '7 4', '2 4', '10 4 2 4', '4 4', '12 3'];
const markers = ['circle', 'square', 'triangle', 'diamond'] as const;
export type MarkerShape = (typeof markers)[number];

export type ChartPoint = { x: number; y: number; value: number; measuredOn: string; periodKind: MeasurementPeriodKind | null; periodStart: string | null };
export type ChartSeries = {
	key: string;
	name: string | null;
	colour: string;
	dash: string;
	marker: MarkerShape;
	path: string;
	points: ChartPoint[];
};

export const chartSize = { width: 640, height: 320, left: 64, right: 20, top: 20, bottom: 44 };

const dayNumber = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;

/** Round steps (1, 2, 2.5, 5 × 10ⁿ) covering the range in about five ticks. */
export function niceTicks(min: number, max: number, count = 5): number[] {
	if (min === max) {
		const pad = Math.abs(min) * 0.1 || 1;
		min -= pad;
		max += pad;
	}
	const raw = (max - min) / count;
	const magnitude = 10 ** Math.floor(Math.log10(raw));
	const step = [1, 2, 2.5, 5, 10].map((f) => f * magnitude).find((s) => s >= raw)!;
	const start = Math.floor(min / step) * step;
	const ticks: number[] = [];
	for (let value = start; value <= max + step * 0.5; value += step) ticks.push(Number(value.toFixed(10)));
	return ticks;
}

export function chartGeometry(input: ChartInput) {
	const { width, height, left, right, top, bottom } = chartSize;
	const values = [input.baseline.value, input.target.value, ...input.measurements.map((m) => m.value)];
	const yTicks = niceTicks(Math.min(...values), Math.max(...values));
	const yMin = yTicks[0];
	const yMax = yTicks[yTicks.length - 1];
	const dates = [input.baseline.date, input.target.date, ...input.measurements.map((m) => m.measuredOn)].sort();
	const firstYear = Number(dates[0].slice(0, 4));
	const lastYear = Number(dates[dates.length - 1].slice(0, 4)) + 1;
	const xMin = dayNumber(`${firstYear}-01-01`);
	const xMax = dayNumber(`${lastYear}-01-01`);
	const x = (iso: string) => round(left + ((dayNumber(iso) - xMin) / (xMax - xMin)) * (width - left - right));
	const y = (value: number) => round(top + (1 - (value - yMin) / (yMax - yMin || 1)) * (height - top - bottom));

	const bySeries = new Map<string, ChartMeasurement[]>();
	for (const key of input.seriesOrder ?? []) bySeries.set(key, []);
	for (const measurement of input.measurements) {
		const rows = bySeries.get(measurement.seriesKey);
		if (rows) rows.push(measurement);
		else bySeries.set(measurement.seriesKey, [measurement]);
	}
	// The overall value comes first and keeps the plain line, unless the given order says otherwise.
	const keys = [...bySeries.keys()].filter((key) => bySeries.get(key)!.length > 0);
	if (!input.seriesOrder) keys.sort((a, b) => Number(bySeries.get(b)![0].seriesName === null) - Number(bySeries.get(a)![0].seriesName === null));
	const series: ChartSeries[] = keys.map((key, index) => {
		const rows = [...bySeries.get(key)!].sort((a, b) => a.measuredOn.localeCompare(b.measuredOn));
		const points = rows.map((row) => ({
			x: x(row.measuredOn),
			y: y(row.value),
			value: row.value,
			measuredOn: row.measuredOn,
			periodKind: row.periodKind ?? null,
			periodStart: row.periodStart ?? null
		}));
		return {
			key,
			name: rows[0].seriesName,
			colour: palette[index % palette.length],
			dash: dashes[index % dashes.length],
			marker: markers[index % markers.length],
			path: points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x} ${p.y}`).join(' '),
			points
		};
	});
	const years: { x: number; year: number }[] = [];
	for (let year = firstYear; year <= lastYear; year++) years.push({ x: x(`${year}-01-01`), year });
	return {
		width,
		height,
		plot: { left, right: width - right, top, bottom: height - bottom },
		yTicks: yTicks.map((value) => ({ value, y: y(value) })),
		xTicks: years,
		baseline: { x: x(input.baseline.date), y: y(input.baseline.value) },
		target: { x: x(input.target.date), y: y(input.target.value) },
		series
	};
}

function round(value: number) {
	return Math.round(value * 10) / 10;
}

/** Path of a marker centred on (x, y): the shape tells series apart without colour. */
export function markerPath(shape: MarkerShape, x: number, y: number, r = 4.5): string {
	switch (shape) {
		case 'square':
			return `M${x - r} ${y - r}h${2 * r}v${2 * r}h${-2 * r}z`;
		case 'triangle':
			return `M${x} ${y - r * 1.2}L${x + r * 1.1} ${y + r * 0.9}L${x - r * 1.1} ${y + r * 0.9}z`;
		case 'diamond':
			return `M${x} ${y - r * 1.3}L${x + r * 1.1} ${y}L${x} ${y + r * 1.3}L${x - r * 1.1} ${y}z`;
		default:
			return `M${x - r} ${y}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0`;
	}
}
