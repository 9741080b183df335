import { getDb } from '$lib/server/runtime';
import { loadOrError } from '$lib/server/http/respond';
import { listEventsForStaff } from '$lib/server/participation/event.admin';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, locals, url }) => {
	const { municipality } = await parent();
	const page = Math.min(1000, Math.max(1, Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1));
	return { page, ...(await loadOrError(() => listEventsForStaff({ db: getDb(), actor: locals.actor, municipalityId: municipality.id, page }))) };
};
