import { listMunicipalities } from '$lib/server/tenancy/tenancy.service';
import { getDb } from '$lib/server/runtime';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => ({
	municipalities: await listMunicipalities({ db: getDb() })
});
