import { getDb } from '$lib/server/runtime';
import { loadOrError } from '$lib/server/http/respond';
import { todayIn } from '$lib/server/monitoring/monitoring.http';
import { getIndicatorPageWithRevisions } from '$lib/server/monitoring/snapshot.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, parent }) => {
	const { municipality } = await parent();
	return loadOrError(() =>
		getIndicatorPageWithRevisions({
			db: getDb(),
			municipalityId: municipality.id,
			strategySlug: params.strategy,
			number: Number(params.number),
			indicatorId: params.id,
			today: todayIn(municipality.timeZone),
			timeZone: municipality.timeZone
		})
	);
};
