import { getDb } from '$lib/server/runtime';
import { listEvents } from '$lib/server/participation/event.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, url }) => {
	const { municipality } = await parent();
	const past = url.searchParams.get('past') === '1';
	const page = Math.min(1000, Math.max(1, Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1));
	const { events, hasNext } = await listEvents({ db: getDb(), municipalityId: municipality.id, now: new Date(), past, page });
	return { events, hasNext, past, page };
};
