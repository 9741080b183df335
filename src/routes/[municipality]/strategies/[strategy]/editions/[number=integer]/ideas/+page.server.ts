import { getDb } from '$lib/server/runtime';
import { listIdeaEvents, listIdeas } from '$lib/server/participation/idea.service';
import { mayExportIdeas } from '$lib/server/participation/idea-export.service';
import { ideaFilterSchema } from '$lib/validation/idea';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, url, locals }) => {
	const { municipality, edition } = await parent();
	// Filters come from the address; anything unusable falls back to "all" instead of an error page.
	const filter = ideaFilterSchema.parse(Object.fromEntries(url.searchParams));
	const scope = { db: getDb(), municipalityId: municipality.id, editionId: edition.id };
	const [list, events] = await Promise.all([listIdeas({ ...scope, filter }), listIdeaEvents(scope)]);
	return { filter, list, events, mayExport: mayExportIdeas(locals.actor, municipality.id) };
};
