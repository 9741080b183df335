import { getDb } from '$lib/server/runtime';
import { listStrategiesWithEditions } from '$lib/server/document/document.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent }) => {
	const { municipality } = await parent();
	return { strategies: await listStrategiesWithEditions({ db: getDb(), municipalityId: municipality.id }) };
};
