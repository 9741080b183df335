// Names of frozen records (snapshots) and of measurement periods, in the reader's language.
import * as m from '$lib/paraglide/messages';
import { formatDate } from '$lib/i18n';
import { formatNumber, formatValue } from './labels';

type SnapshotName = { kind: 'annual_report' | 'adoption'; year: number; label: string };

export function snapshotName(snapshot: SnapshotName): string {
	return snapshot.kind === 'annual_report' ? m.snapshot_kind_annual_report({ year: snapshot.year }) : m.snapshot_kind_adoption({ date: formatDate(snapshot.label) });
}

/** A year as its number; any other period from its first to its last day. */
export function periodLabel(kind: string, start: string, end: string): string {
	if (kind === 'year') return start.slice(0, 4);
	return start === end ? formatDate(end) : m.monitoring_period({ from: formatDate(start), to: formatDate(end) });
}

/** A published value with its qualifier ("< 5") and unit. */
export function qualifiedValue(value: number, qualifier: string | null, unit: string): string {
	return qualifier ? `${qualifier}\u00a0${formatValue(value, unit)}` : formatValue(value, unit);
}

/** A signed difference: +9, −3, 0. */
export function signedDifference(value: number, unit: string): string {
	const sign = value > 0 ? '+' : value < 0 ? '\u2212' : '';
	return `${sign}${unit ? formatValue(Math.abs(value), unit) : formatNumber(Math.abs(value))}`;
}
