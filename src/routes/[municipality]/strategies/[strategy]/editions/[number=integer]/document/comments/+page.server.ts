import { getDb } from '$lib/server/runtime';
import { loadOrError } from '$lib/server/http/respond';
import { getCommentList } from '$lib/server/document/document-comment.service';
import { publicCommentFilterSchema } from '$lib/validation/document-comment';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, parent, url, locals }) => {
	const { municipality } = await parent();
	const filter = publicCommentFilterSchema.parse(url.searchParams.get('status') ?? 'all');
	return loadOrError(async () => ({
		filter,
		...(await getCommentList({
			db: getDb(),
			actor: locals.actor,
			municipalityId: municipality.id,
			strategySlug: params.strategy,
			number: Number(params.number),
			status: filter === 'all' ? null : filter
		}))
	}));
};
