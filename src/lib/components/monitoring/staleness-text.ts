// Why an indicator is out of date, in one sentence: on the monitor, the indicator page, the to-do list
// and (in German) the annual report. The rule itself is in $lib/server/monitoring/staleness.ts.
import * as m from '$lib/paraglide/messages';

export type StalenessView = {
	stale: boolean;
	reason: 'release_missed' | 'older_than_frequency' | null;
	expectedOn: string | null;
	frequency: 'monthly' | 'quarterly' | 'yearly';
};

type Options = { locale: 'de' | 'en' | 'tr' | 'ar' | 'uk' | 'ru' } | undefined;

/** The reason sentence, or '' for an indicator that is not stale; dates are written by `formatDate`. */
export function staleReasonText(staleness: StalenessView, formatDate: (iso: string) => string, options?: Options): string {
	if (!staleness.stale || !staleness.expectedOn) return '';
	const date = formatDate(staleness.expectedOn);
	if (staleness.reason === 'release_missed') return m.monitoring_stale_reason_release({ date }, options);
	switch (staleness.frequency) {
		case 'monthly':
			return m.monitoring_stale_reason_monthly({ date }, options);
		case 'quarterly':
			return m.monitoring_stale_reason_quarterly({ date }, options);
		case 'yearly':
			return m.monitoring_stale_reason_yearly({ date }, options);
	}
}
