import { getDb } from '$lib/server/runtime';
import { loadOrError } from '$lib/server/http/respond';
import { todayIn } from '$lib/server/monitoring/monitoring.http';
import { loadEditionMonitor } from '$lib/server/monitoring/monitoring.service';
import { districtMapOf } from '$lib/server/monitoring/district-map';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, parent }) => {
	const { municipality } = await parent();
	const monitor = await loadOrError(() =>
		loadEditionMonitor({ db: getDb(), municipalityId: municipality.id, strategySlug: params.strategy, number: Number(params.number), today: todayIn(municipality.timeZone) })
	);
	const measures = monitor.fields.flatMap((field) => field.goals.flatMap((goal) => goal.measures));
	return {
		strategy: monitor.strategy,
		edition: monitor.edition,
		districts: monitor.districts.map(({ id, slug, name }) => ({ id, slug, name })),
		cityWideCount: measures.filter((measure) => measure.tracking.cityWide).length,
		...districtMapOf(monitor.districts, measures)
	};
};
