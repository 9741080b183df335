import { getDb } from '$lib/server/runtime';
import { loadOrError } from '$lib/server/http/respond';
import { getMunicipalityForBackOffice } from '$lib/server/tenancy/tenancy.admin';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ params, locals }) =>
	loadOrError(() => getMunicipalityForBackOffice({ db: getDb(), actor: locals.actor, slug: params.municipality }));
