import { getDb } from '$lib/server/runtime';
import { loadOrError } from '$lib/server/http/respond';
import { backOfficeSectionOf } from '$lib/server/people/actor';
import { getMunicipalityForBackOffice } from '$lib/server/tenancy/tenancy.admin';
import type { LayoutServerLoad } from './$types';

// Admins see every section; facilitators and moderators only theirs. Each page checks again.
export const load: LayoutServerLoad = async ({ params, locals, route }) =>
	loadOrError(() =>
		getMunicipalityForBackOffice({
			db: getDb(),
			actor: locals.actor,
			slug: params.municipality,
			section: backOfficeSectionOf(route.id)
		})
	);
