import { getDb } from '$lib/server/runtime';
import { getLegalPage } from '$lib/server/tenancy/legal.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent }) => {
	const { municipality } = await parent();
	return { legal: await getLegalPage({ db: getDb(), municipalityId: municipality.id, kind: 'imprint' }) };
};
