import { loadOrError } from '$lib/server/http/respond';
import { getDb } from '$lib/server/runtime';
import { exportSubmissionForStaff } from '$lib/server/document/document-council.service';
import { exportStorage, fileResponse, versionParam } from '$lib/server/document/document-council.http';
import { getMunicipalityBySlug } from '$lib/server/tenancy/tenancy.service';
import type { RequestHandler } from './$types';

// Layouts do not run for endpoints: the service checks that the actor facilitates or administers here.
export const GET: RequestHandler = async ({ params, url, locals, request }) => {
	const db = getDb();
	const file = await loadOrError(async () => {
		const municipality = await getMunicipalityBySlug({ db, slug: params.municipality });
		return exportSubmissionForStaff({
			db,
			actor: locals.actor,
			municipality,
			strategySlug: params.strategy,
			number: Number(params.number),
			versionNumber: versionParam(url),
			format: 'pdf',
			storage: exportStorage()
		});
	});
	return fileResponse(request, file, 'private', 3600);
};
