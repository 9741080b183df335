import { getDb } from '$lib/server/runtime';
import { listPublicOrganisations } from '$lib/server/people/organisation.service';
import { summariseInvitations } from '$lib/server/people/invitation.service';
import { organisationFilterSchema } from '$lib/validation/organisation';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, url }) => {
	const { municipality } = await parent();
	const filter = organisationFilterSchema.parse(Object.fromEntries(url.searchParams));
	const [organisations, invitationSummary] = await Promise.all([
		listPublicOrganisations({ db: getDb(), municipalityId: municipality.id, filter }),
		summariseInvitations({ db: getDb(), municipalityId: municipality.id })
	]);
	return { filter, ...organisations, invitationSummary };
};
