import { listAdministeredMunicipalities } from '$lib/server/tenancy/tenancy.admin';
import { getDb } from '$lib/server/runtime';
import { loadOrError } from '$lib/server/http/respond';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) =>
	loadOrError(async () => ({
		municipalities: await listAdministeredMunicipalities({ db: getDb(), actor: locals.actor }),
		isPlatformAdmin: locals.actor?.isPlatformAdmin ?? false
	}));
