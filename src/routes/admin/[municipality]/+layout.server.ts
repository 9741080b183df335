import { getDb } from '$lib/server/runtime';
import { loadOrError } from '$lib/server/http/respond';
import { backOfficeSectionOf, facilitatorSections, hasRole } from '$lib/server/people/actor';
import { getMunicipalityForAdmin } from '$lib/server/tenancy/tenancy.admin';
import { getMunicipalityForStaff } from '$lib/server/participation/event.admin';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ params, locals, route }) => {
	const section = backOfficeSectionOf(route.id);
	// Facilitators reach only their sections; everywhere else the admin check stands.
	const municipality = await loadOrError(() =>
		section !== null && facilitatorSections.includes(section)
			? getMunicipalityForStaff({ db: getDb(), actor: locals.actor, slug: params.municipality })
			: getMunicipalityForAdmin({ db: getDb(), actor: locals.actor, slug: params.municipality })
	);
	const isAdmin = Boolean(locals.actor?.isPlatformAdmin || hasRole(locals.actor, municipality.id, 'admin'));
	return { municipality, isAdmin };
};
