import { getDb } from '$lib/server/runtime';
import { loadOrError } from '$lib/server/http/respond';
import { getEditionPage } from '$lib/server/document/document.service';
import { getWorkingGroupPage } from '$lib/server/participation/working-group.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, parent }) => {
	const { municipality } = await parent();
	return loadOrError(async () => {
		const { strategy, edition } = await getEditionPage({ db: getDb(), municipalityId: municipality.id, strategySlug: params.strategy, number: Number(params.number) });
		const page = await getWorkingGroupPage({ db: getDb(), municipalityId: municipality.id, editionId: edition.id, groupId: params.group });
		return { ...page, strategy: { slug: strategy.slug, title: strategy.title }, edition: { number: edition.number } };
	});
};
