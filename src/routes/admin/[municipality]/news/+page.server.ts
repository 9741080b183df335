import { getDb } from '$lib/server/runtime';
import { loadOrError } from '$lib/server/http/respond';
import { listArticlesForStaff } from '$lib/server/news/article.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, locals, url }) => {
	const { municipality } = await parent();
	const page = Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1;
	return loadOrError(() => listArticlesForStaff({ db: getDb(), actor: locals.actor, municipalityId: municipality.id, page }));
};
