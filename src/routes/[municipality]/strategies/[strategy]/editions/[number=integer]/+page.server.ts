import { getDb } from '$lib/server/runtime';
import { loadOrError } from '$lib/server/http/respond';
import { getEditionPage } from '$lib/server/document/document.service';
import { listWorkingGroupsOfEdition } from '$lib/server/participation/working-group.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, parent }) => {
	const { municipality } = await parent();
	const page = await loadOrError(() =>
		getEditionPage({
			db: getDb(),
			municipalityId: municipality.id,
			strategySlug: params.strategy,
			number: Number(params.number),
			loadAlongside: (editionId) => listWorkingGroupsOfEdition({ db: getDb(), municipalityId: municipality.id, editionId })
		})
	);
	return { ...page, workingGroups: page.workingGroups ?? [] };
};
