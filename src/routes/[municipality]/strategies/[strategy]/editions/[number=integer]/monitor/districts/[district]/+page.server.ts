import { getDb } from '$lib/server/runtime';
import { loadOrError } from '$lib/server/http/respond';
import { todayIn } from '$lib/server/monitoring/monitoring.http';
import { getDistrictPage } from '$lib/server/monitoring/monitoring.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, parent }) => {
	const { municipality } = await parent();
	return loadOrError(() =>
		getDistrictPage({ db: getDb(), municipalityId: municipality.id, strategySlug: params.strategy, number: Number(params.number), districtSlug: params.district, today: todayIn(municipality.timeZone) })
	);
};
