import { getDb } from '$lib/server/runtime';
import { listPublicOrganisations } from '$lib/server/people/organisation.service';
import { organisationFilterSchema } from '$lib/validation/organisation';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, url }) => {
	const { municipality } = await parent();
	const filter = organisationFilterSchema.parse(Object.fromEntries(url.searchParams));
	return { filter, ...(await listPublicOrganisations({ db: getDb(), municipalityId: municipality.id, filter })) };
};
