import { z } from 'zod';

const seriesKey = z.string().max(300).regex(/^([a-z0-9][a-z0-9_]*=[a-z0-9][a-z0-9_-]*(,[a-z0-9][a-z0-9_]*=[a-z0-9][a-z0-9_-]*)*)?$/);

/**
 * The series an indicator page's reader asked for (`?series=…` repeated). Like the monitor's filters,
 * an unusable address falls back to the default series instead of an error page; the service caps how
 * many are drawn, this only bounds how much of the address is read.
 */
export const chartSeriesSchema = z.array(seriesKey).max(300).catch([]);

export function requestedSeries(searchParams: URLSearchParams): string[] {
	return chartSeriesSchema.parse(searchParams.getAll('series'));
}

/** `?history=whole` asks an indicator page for as many values as a page holds; anything else: the recent ones. */
export const indicatorHistorySchema = z.enum(['recent', 'whole']).catch('recent');

export function requestedHistory(searchParams: URLSearchParams): 'recent' | 'whole' {
	return indicatorHistorySchema.parse(searchParams.get('history') ?? undefined);
}
