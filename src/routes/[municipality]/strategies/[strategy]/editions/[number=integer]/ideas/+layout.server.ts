import { getDb } from '$lib/server/runtime';
import { loadOrError } from '$lib/server/http/respond';
import { getIdeasEdition, listIdeaFields } from '$lib/server/participation/idea.service';
import { listDistricts } from '$lib/server/tenancy/tenancy.service';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ params, parent }) => {
	const { municipality } = await parent();
	return loadOrError(async () => {
		const edition = await getIdeasEdition({ db: getDb(), municipalityId: municipality.id, strategySlug: params.strategy, number: Number(params.number) });
		const [fields, districts] = await Promise.all([
			listIdeaFields({ db: getDb(), municipalityId: municipality.id, editionId: edition.id }),
			listDistricts({ db: getDb(), municipalityId: municipality.id })
		]);
		return { edition, fields, districts: districts.map((district) => ({ id: district.id, name: district.name })) };
	});
};
