import { getDb } from '$lib/server/runtime';
import { loadOrError } from '$lib/server/http/respond';
import { listOrganisationsForStaff } from '$lib/server/people/organisation.service';
import { listEditionsForInvitations } from '$lib/server/people/invitation.service';
import { organisationSectors } from '$lib/server/people/organisation.schema';
import { organisationFilterSchema } from '$lib/validation/organisation';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, locals, url }) => {
	const { municipality } = await parent();
	const filter = organisationFilterSchema.parse(Object.fromEntries(url.searchParams));
	const scope = { db: getDb(), actor: locals.actor, municipalityId: municipality.id };
	return {
		filter,
		invitationEditions: await loadOrError(() => listEditionsForInvitations(scope)),
		sectors: organisationSectors,
		...(await loadOrError(() => listOrganisationsForStaff({ db: getDb(), actor: locals.actor, municipalityId: municipality.id, filter })))
	};
};
