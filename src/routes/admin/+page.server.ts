import { listAdministeredMunicipalities } from '$lib/server/tenancy/tenancy.admin';
import { getDb } from '$lib/server/runtime';
import { loadOrError } from '$lib/server/http/respond';
import { facilitatedMunicipalities } from '$lib/server/people/actor';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) =>
	loadOrError(async () => ({
		municipalities: await listAdministeredMunicipalities({ db: getDb(), actor: locals.actor }),
		isPlatformAdmin: locals.actor?.isPlatformAdmin ?? false,
		// Facilitators keep organisation registries: their way in is that page, not the settings.
		facilitated: facilitatedMunicipalities(locals.actor)
	}));
