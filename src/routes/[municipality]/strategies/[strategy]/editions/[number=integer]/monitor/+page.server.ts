import { getDb } from '$lib/server/runtime';
import { loadOrError } from '$lib/server/http/respond';
import { todayIn } from '$lib/server/monitoring/monitoring.http';
import { getMonitor } from '$lib/server/monitoring/monitoring.service';
import { monitorPageView } from '$lib/server/monitoring/monitor.view';
import { latestRatingsByGoal } from '$lib/server/monitoring/review.service';
import { reportStorage } from '$lib/server/monitoring/report.http';
import { listAnnualReports } from '$lib/server/monitoring/report.service';
import { monitorFilterSchema } from '$lib/validation/monitoring';
import { loadTranslationView } from '$lib/server/content/content.service';
import { getLocale } from '$lib/paraglide/runtime';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, parent, url }) => {
	const { municipality } = await parent();
	// Filters come from the address; anything unusable falls back to "all" instead of an error page.
	const filter = monitorFilterSchema.parse(Object.fromEntries(url.searchParams));
	const db = getDb();
	const monitor = await loadOrError(() =>
		getMonitor({ db, municipalityId: municipality.id, strategySlug: params.strategy, number: Number(params.number), filter, today: todayIn(municipality.timeZone) })
	);
	const goalIds = monitor.fields.flatMap((field) => field.goals.map((goal) => goal.id));
	const measureIds = monitor.fields.flatMap((field) => field.goals.flatMap((goal) => goal.measures.map((measure) => measure.id)));
	const [ratingRows, translations, annualReports] = await Promise.all([
		latestRatingsByGoal({ db, municipalityId: municipality.id, goalIds }),
		loadTranslationView({
			db,
			municipalityId: municipality.id,
			locale: getLocale(),
			refs: [
				{ kind: 'goal', ids: goalIds, fields: ['title'] },
				{ kind: 'measure', ids: measureIds, fields: ['title'] }
			]
		}),
		listAnnualReports({ editionId: monitor.edition.id, edition: monitor.edition, timeZone: municipality.timeZone, storage: reportStorage() })
	]);
	return { filter, monitor: monitorPageView(monitor), ratings: Object.fromEntries(ratingRows), translations, annualReports };
};
