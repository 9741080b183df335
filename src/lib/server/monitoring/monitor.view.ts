// The public monitor renders on the server only (csr = false), yet SvelteKit serialises all load data
// for a hydration that never comes: for the whole outline with every indicator's score, staleness and
// targets that took longer than rendering the page. The page gets what it shows and no more.
import type { getMonitor, IndicatorView, MonitorMeasure } from './monitoring.service';

type Monitor = Awaited<ReturnType<typeof getMonitor>>;

const indicatorItem = ({ id, name, unit, staleness, latest, score, summary }: IndicatorView) => ({
	id,
	name,
	unit,
	staleness,
	latest,
	score: { status: score.status },
	summary
});

const measureItem = ({ id, number, title, tracking, districts }: MonitorMeasure) => ({
	id,
	number,
	title,
	tracking: { status: tracking.status, progress: tracking.progress, cityWide: tracking.cityWide },
	districts: districts.map(({ name }) => ({ name }))
});

export function monitorPageView(monitor: Monitor) {
	return {
		strategy: { slug: monitor.strategy.slug, title: monitor.strategy.title },
		edition: { number: monitor.edition.number },
		fields: monitor.fields.map(({ id, number, title, progress, goals }) => ({
			id,
			number,
			title,
			progress,
			goals: goals.map((goal) => ({
				id: goal.id,
				number: goal.number,
				title: goal.title,
				progress: goal.progress,
				measures: goal.measures.map(measureItem),
				indicators: goal.indicators.map(indicatorItem)
			}))
		})),
		allFields: monitor.allFields,
		districts: monitor.districts.map(({ id, slug, name }) => ({ id, slug, name })),
		owners: monitor.owners,
		statusCounts: monitor.statusCounts,
		overallProgress: monitor.overallProgress,
		shownMeasureCount: monitor.shownMeasureCount,
		measureCount: monitor.measureCount
	};
}
