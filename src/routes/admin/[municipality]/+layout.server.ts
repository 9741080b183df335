import { error } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import { getDb } from '$lib/server/runtime';
import { loadOrError } from '$lib/server/http/respond';
import { backOfficeSectionOf, backOfficeSectionRoles, mayWorkInBackOffice } from '$lib/server/people/actor';
import { getMunicipalityForAdmin } from '$lib/server/tenancy/tenancy.admin';
import { getMunicipalityBySlug } from '$lib/server/tenancy/tenancy.service';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ params, locals, route }) => {
	const section = backOfficeSectionOf(route.id);
	// Sections open to staff besides admins (moderation) see the municipality as the public does.
	if (section && backOfficeSectionRoles[section] && locals.actor && !mayWorkInBackOffice(locals.actor, params.municipality, undefined)) {
		if (!mayWorkInBackOffice(locals.actor, params.municipality, section)) {
			error(403, { code: 'error_forbidden', message: translate('error_forbidden') });
		}
		const municipality = await loadOrError(() => getMunicipalityBySlug({ db: getDb(), slug: params.municipality }));
		return { municipality, sections: [section] };
	}
	const municipality = await loadOrError(() => getMunicipalityForAdmin({ db: getDb(), actor: locals.actor, slug: params.municipality }));
	return { municipality, sections: null };
};
