import { getLocale } from '$lib/paraglide/runtime';
import { privateCsvDownload } from '$lib/server/http/private-download';
import { loadOrError } from '$lib/server/http/respond';
import { getDb } from '$lib/server/runtime';
import { exportRegistrations } from '$lib/server/participation/event-export.service';
import { getMunicipalityBySlug } from '$lib/server/tenancy/tenancy.service';
import type { RequestHandler } from './$types';

// Layouts do not run for endpoints: the service checks that the actor runs events here.
export const GET: RequestHandler = async ({ params, locals }) => {
	const db = getDb();
	const file = await loadOrError(async () => {
		const municipality = await getMunicipalityBySlug({ db, slug: params.municipality });
		return exportRegistrations({ db, actor: locals.actor, municipality, eventId: params.id, locale: getLocale() });
	});
	return privateCsvDownload(file.text, file.fileName);
};
