import { getDb } from '$lib/server/runtime';
import { loadOrError } from '$lib/server/http/respond';
import { compareEditions, getStrategyEditions } from '$lib/server/document/document-lineage.service';
import { lineageCompareInvalid } from '$lib/server/document/document-lineage.errors';
import { editionCompareSchema } from '$lib/validation/document-trace';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, parent, url }) => {
	const { municipality } = await parent();
	const scope = { db: getDb(), municipalityId: municipality.id, strategySlug: params.strategy };
	return loadOrError(async () => {
		let from = url.searchParams.get('from');
		let to = url.searchParams.get('to');
		// Without a choice, the two latest editions are compared.
		if (from === null && to === null) {
			const { editions } = await getStrategyEditions(scope);
			if (editions.length < 2) return { ...(await getStrategyEditions(scope)), comparisonPage: null };
			from = String(editions[1].number);
			to = String(editions[0].number);
		}
		const query = editionCompareSchema.safeParse({ from, to });
		if (!query.success) throw lineageCompareInvalid();
		const page = await compareEditions({ ...scope, ...query.data });
		return { strategy: page.strategy, editions: page.editions, comparisonPage: page };
	});
};
