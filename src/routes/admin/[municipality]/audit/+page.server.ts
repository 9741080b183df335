import { auditPage } from '$lib/server/audit/audit.service';
import { getDb } from '$lib/server/runtime';
import { loadOrError } from '$lib/server/http/respond';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, locals, url }) => {
	const { municipality } = await parent();
	return loadOrError(() => auditPage({ db: getDb(), actor: locals.actor, municipalityId: municipality.id, query: url.searchParams }));
};
