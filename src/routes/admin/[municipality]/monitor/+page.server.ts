import { getDb } from '$lib/server/runtime';
import { loadOrError } from '$lib/server/http/respond';
import { listEditionsForStaff } from '$lib/server/monitoring/monitoring.admin';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, locals }) => {
	const { municipality } = await parent();
	return { strategies: await loadOrError(() => listEditionsForStaff({ db: getDb(), actor: locals.actor, municipalityId: municipality.id })) };
};
