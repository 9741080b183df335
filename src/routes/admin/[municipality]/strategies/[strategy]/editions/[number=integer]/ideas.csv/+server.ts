import { getLocale } from '$lib/paraglide/runtime';
import { privateCsvDownload } from '$lib/server/http/private-download';
import { loadOrError } from '$lib/server/http/respond';
import { getDb } from '$lib/server/runtime';
import { exportIdeas } from '$lib/server/participation/idea-export.service';
import { getMunicipalityBySlug } from '$lib/server/tenancy/tenancy.service';
import type { RequestHandler } from './$types';

// Layouts do not run for endpoints: the service checks that the actor facilitates or administers here.
export const GET: RequestHandler = async ({ params, locals, url }) => {
	const db = getDb();
	const file = await loadOrError(async () => {
		const municipality = await getMunicipalityBySlug({ db, slug: params.municipality });
		return exportIdeas({ db, actor: locals.actor, municipality, strategySlug: params.strategy, number: Number(params.number), locale: getLocale(), origin: url.origin });
	});
	return privateCsvDownload(file.body, file.fileName);
};
