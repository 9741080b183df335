import { getDb } from '$lib/server/runtime';
import { loadOrError } from '$lib/server/http/respond';
import { getStrategyBySlug } from '$lib/server/document/document.service';
import { listDecisionsOfEditions } from '$lib/server/document/document-decision.service';
import { subscribeAction } from '$lib/server/updates/updates.http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, parent }) => {
	const { municipality } = await parent();
	const db = getDb();
	const strategy = await loadOrError(() => getStrategyBySlug({ db, municipalityId: municipality.id, slug: params.strategy }));
	const decisions = await listDecisionsOfEditions({ db, municipalityId: municipality.id, editionIds: strategy.editions.map((edition) => edition.id) });
	return {
		strategy: {
			...strategy,
			editions: strategy.editions.map((edition) => {
				const decision = decisions.get(edition.id);
				return { ...edition, decidedOn: decision?.decidedOn ?? null, adoptedVersionNumber: decision?.adoptedVersionNumber ?? null };
			})
		}
	};
};

export const actions: Actions = { subscribe: subscribeAction };
