import { getDb } from '$lib/server/runtime';
import { loadOrError } from '$lib/server/http/respond';
import { getMunicipalityForAdmin } from '$lib/server/tenancy/tenancy.admin';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ params, locals }) => ({
	municipality: await loadOrError(() => getMunicipalityForAdmin({ db: getDb(), actor: locals.actor, slug: params.municipality }))
});
