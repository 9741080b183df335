// Periods of measurements: the CSV notation (2025, 2025-Q2, 2025-04, 2025-01-01/2025-06-30) and the
// calendar bounds behind it. Dates are ISO strings; arithmetic in UTC so no time zone shifts a day.
import type { MeasurementPeriodKind } from '../../measurement-values';
import type { IndicatorFrequency } from '../../monitoring-values';

export type Period = { kind: MeasurementPeriodKind; start: string; end: string };

const iso = (date: Date) => date.toISOString().slice(0, 10);
const utc = (year: number, monthIndex: number, day: number) => new Date(Date.UTC(year, monthIndex, day));

function isIsoDate(text: string) {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
	const date = new Date(`${text}T00:00:00Z`);
	return !Number.isNaN(date.getTime()) && iso(date) === text;
}

/** Parses the CSV period notation; null when it is not one of the four documented forms. */
export function parsePeriod(text: string): Period | null {
	let match = /^(\d{4})$/.exec(text);
	if (match) {
		const year = Number(match[1]);
		return { kind: 'year', start: iso(utc(year, 0, 1)), end: iso(utc(year, 11, 31)) };
	}
	match = /^(\d{4})-Q([1-4])$/.exec(text);
	if (match) {
		const year = Number(match[1]);
		const q = Number(match[2]);
		return { kind: 'quarter', start: iso(utc(year, (q - 1) * 3, 1)), end: iso(utc(year, q * 3, 0)) };
	}
	match = /^(\d{4})-(\d{2})$/.exec(text);
	if (match) {
		const year = Number(match[1]);
		const month = Number(match[2]);
		if (month < 1 || month > 12) return null;
		return { kind: 'month', start: iso(utc(year, month - 1, 1)), end: iso(utc(year, month, 0)) };
	}
	match = /^(\d{4}-\d{2}-\d{2})\/(\d{4}-\d{2}-\d{2})$/.exec(text);
	if (match && isIsoDate(match[1]) && isIsoDate(match[2]) && match[1] <= match[2]) return { kind: 'range', start: match[1], end: match[2] };
	return null;
}

/** The CSV notation of a stored period. */
export function formatPeriod(period: Period): string {
	switch (period.kind) {
		case 'year':
			return period.start.slice(0, 4);
		case 'quarter':
			return `${period.start.slice(0, 4)}-Q${Math.floor(Number(period.start.slice(5, 7)) / 3) + 1}`;
		case 'month':
			return period.start.slice(0, 7);
		case 'range':
			return `${period.start}/${period.end}`;
	}
}

/**
 * The period a single reference date stands for, given how often the indicator is measured: the
 * calendar year/quarter/month it closes, or the day itself. Same rule as migration 0019.
 */
export function periodEndingOn(date: string, frequency: IndicatorFrequency): Period {
	const day = new Date(`${date}T00:00:00Z`);
	const next = utc(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate() + 1);
	const closesMonth = next.getUTCDate() === 1;
	if (frequency === 'yearly' && closesMonth && next.getUTCMonth() === 0) return { kind: 'year', start: iso(utc(day.getUTCFullYear(), 0, 1)), end: date };
	if (frequency === 'quarterly' && closesMonth && next.getUTCMonth() % 3 === 0)
		return { kind: 'quarter', start: iso(utc(day.getUTCFullYear(), day.getUTCMonth() - 2, 1)), end: date };
	if (frequency === 'monthly' && closesMonth) return { kind: 'month', start: iso(utc(day.getUTCFullYear(), day.getUTCMonth(), 1)), end: date };
	return { kind: 'range', start: date, end: date };
}
