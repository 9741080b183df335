import { getDb } from '$lib/server/runtime';
import { loadOrError } from '$lib/server/http/respond';
import { getStrategyBySlug } from '$lib/server/document/document.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, parent }) => {
	const { municipality } = await parent();
	return {
		strategy: await loadOrError(() =>
			getStrategyBySlug({ db: getDb(), municipalityId: municipality.id, slug: params.strategy })
		)
	};
};
