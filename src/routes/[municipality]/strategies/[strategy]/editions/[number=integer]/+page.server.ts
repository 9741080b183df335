import { getDb } from '$lib/server/runtime';
import { loadOrError } from '$lib/server/http/respond';
import { getEditionPage } from '$lib/server/document/document.service';
import { getEditionFigures } from '$lib/server/participation/figures.service';
import { listWorkingGroupsOfEdition } from '$lib/server/participation/working-group.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, parent }) => {
	const { municipality } = await parent();
	const scope = { db: getDb(), municipalityId: municipality.id };
	const page = await loadOrError(() =>
		getEditionPage({
			...scope,
			strategySlug: params.strategy,
			number: Number(params.number),
			// Working groups and figures are read alongside the edition body, so they add no round trip in sequence.
			loadAlongside: (editionId) => Promise.all([listWorkingGroupsOfEdition({ ...scope, editionId }), getEditionFigures({ ...scope, editionId })])
		})
	);
	const [workingGroups, figures] = page.workingGroups ?? [[], undefined];
	return { ...page, workingGroups, figures };
};
