import { getDb } from '$lib/server/runtime';
import { loadOrError } from '$lib/server/http/respond';
import { todayIn } from '$lib/server/monitoring/monitoring.http';
import { getIndicatorPage } from '$lib/server/monitoring/monitoring.service';
import { requestedSeries } from '$lib/validation/chart-series';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, parent, url }) => {
	const { municipality } = await parent();
	const series = requestedSeries(url.searchParams);
	return loadOrError(() =>
		getIndicatorPage({ db: getDb(), municipalityId: municipality.id, strategySlug: params.strategy, number: Number(params.number), indicatorId: params.id, today: todayIn(municipality.timeZone), series })
	);
};
