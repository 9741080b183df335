// Labels and number formats of the monitor, in the reader's language.
import * as m from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { formatDate } from '$lib/i18n';
import { lookupMessage } from '$lib/message-lookup';
import { numberFormatter } from '$lib/number-format';

export const statusLabel = (status: string) => lookupMessage(`monitoring_status_${status}`);
export const directionLabel = (direction: string) => lookupMessage(`monitoring_direction_${direction}`);
export const frequencyLabel = (frequency: string) => lookupMessage(`monitoring_frequency_${frequency}`);

export function formatNumber(value: number, maximumFractionDigits = 2): string {
	return numberFormatter(getLocale(), { maximumFractionDigits }).format(value);
}

/** A value with its unit; a percent sign follows the number the way the language writes it. */
export function formatValue(value: number, unit: string): string {
	if (!unit) return formatNumber(value);
	if (unit === '%') return formatPercent(value);
	return `${formatNumber(value)}\u00a0${unit}`;
}

// Intl places the sign per language (42 % in German, %42 in Turkish); the values are already percent points.
function formatPercent(value: number): string {
	return numberFormatter(getLocale(), { style: 'percent', maximumFractionDigits: 2 }).format(value / 100);
}

export function formatEuros(value: number): string {
	return numberFormatter(getLocale(), { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(value);
}

export function formatPeriod(from: string | null, to: string | null): string {
	if (!from && !to) return m.monitoring_not_set();
	return m.monitoring_period({ from: from ? formatDate(from) : m.monitoring_open_end(), to: to ? formatDate(to) : m.monitoring_open_end() });
}

type SummaryInput = {
	unit: string;
	latest: { value: number; measuredOn: string } | null;
	summary: { changePercent: number | null; shareOfWay: number | null; trend: 'better' | 'worse' | 'unchanged'; targetReached: boolean } | null;
};

/** "As of 30 June 2025: 258 people, 3.2 % above baseline, 40 % of the way to target. This is an improvement." */
export function summaryText({ unit, latest, summary }: SummaryInput): string {
	if (!latest || !summary) return m.monitoring_summary_none();
	const change =
		summary.changePercent === null || summary.changePercent === 0
			? m.monitoring_summary_level()
			: summary.changePercent > 0
				? m.monitoring_summary_above({ percent: formatNumber(summary.changePercent, 1) })
				: m.monitoring_summary_below({ percent: formatNumber(-summary.changePercent, 1) });
	const share = summary.targetReached
		? m.monitoring_summary_reached()
		: summary.shareOfWay === null
			? ''
			: summary.shareOfWay >= 0
				? m.monitoring_summary_share({ percent: formatNumber(summary.shareOfWay, 0) })
				: m.monitoring_summary_away({ percent: formatNumber(-summary.shareOfWay, 0) });
	const sentence = m.monitoring_summary_sentence({ date: formatDate(latest.measuredOn), value: formatValue(latest.value, unit), change, share }).replace(', .', '.');
	const trend = summary.trend === 'better' ? m.monitoring_summary_better() : summary.trend === 'worse' ? m.monitoring_summary_worse() : '';
	return trend ? `${sentence} ${trend}` : sentence;
}
