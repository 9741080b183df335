import { getDb } from '$lib/server/runtime';
import { loadOrError } from '$lib/server/http/respond';
import { getMunicipalityBySlug } from '$lib/server/tenancy/tenancy.service';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ params }) => ({
	municipality: await loadOrError(() => getMunicipalityBySlug({ db: getDb(), slug: params.municipality }))
});
