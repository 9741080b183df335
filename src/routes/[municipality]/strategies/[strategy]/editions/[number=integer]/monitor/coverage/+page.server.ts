import { getDb } from '$lib/server/runtime';
import { loadOrError } from '$lib/server/http/respond';
import { getCoverageReport } from '$lib/server/monitoring/coverage.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, parent }) => {
	const { municipality } = await parent();
	return loadOrError(() => getCoverageReport({ db: getDb(), municipalityId: municipality.id, strategySlug: params.strategy, number: Number(params.number) }));
};
