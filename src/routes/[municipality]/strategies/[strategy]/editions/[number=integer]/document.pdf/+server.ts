import { loadOrError } from '$lib/server/http/respond';
import { getDb } from '$lib/server/runtime';
import { exportSubmissionForPublic } from '$lib/server/document/document-council.service';
import { exportStorage, fileResponse, versionParam } from '$lib/server/document/document-council.http';
import { getMunicipalityBySlug } from '$lib/server/tenancy/tenancy.service';
import type { RequestHandler } from './$types';

/** The edition's text as a PDF council submission: `?version=N`, or else the adopted text (or the latest version). */
export const GET: RequestHandler = async ({ params, url, request }) => {
	const db = getDb();
	const versionNumber = versionParam(url);
	const file = await loadOrError(async () =>
		exportSubmissionForPublic({
			db,
			municipality: await getMunicipalityBySlug({ db, slug: params.municipality }),
			strategySlug: params.strategy,
			number: Number(params.number),
			versionNumber,
			format: 'pdf',
			storage: exportStorage()
		})
	);
	return fileResponse(request, file, 'public', versionNumber === null ? 300 : 3600);
};
