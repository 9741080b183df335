import { getDb } from '$lib/server/runtime';
import { searchMunicipality } from '$lib/server/search/search.service';
import { searchParamsSchema } from '$lib/validation/search';
import { getLocale } from '$lib/paraglide/runtime';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, url }) => {
	const { municipality } = await parent();
	const params = searchParamsSchema.parse(Object.fromEntries(url.searchParams));
	return searchMunicipality({ db: getDb(), municipalityId: municipality.id, params, locale: getLocale() });
};
