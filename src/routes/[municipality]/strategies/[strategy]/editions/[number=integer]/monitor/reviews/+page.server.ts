import { getDb } from '$lib/server/runtime';
import { loadOrError } from '$lib/server/http/respond';
import { getPublicReviews } from '$lib/server/monitoring/review.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, parent }) => {
	const { municipality } = await parent();
	return loadOrError(() => getPublicReviews({ db: getDb(), municipalityId: municipality.id, strategySlug: params.strategy, number: Number(params.number) }));
};
