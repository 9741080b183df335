import { loadOrError } from '$lib/server/http/respond';
import { getDb } from '$lib/server/runtime';
import { forgetPagesLinkingTo, reportResponse, reportStorage } from '$lib/server/monitoring/report.http';
import { exportAnnualReport } from '$lib/server/monitoring/report.service';
import { getMunicipalityBySlug } from '$lib/server/tenancy/tenancy.service';
import type { RequestHandler } from './$types';

/** The edition's annual report for one year as PDF, generated on the first request after a change. */
export const GET: RequestHandler = async ({ params, request }) => {
	const db = getDb();
	const file = await loadOrError(async () =>
		exportAnnualReport({
			db,
			municipality: await getMunicipalityBySlug({ db, slug: params.municipality }),
			strategySlug: params.strategy,
			number: Number(params.number),
			year: Number(params.year),
			storage: reportStorage()
		})
	);
	forgetPagesLinkingTo(file);
	return reportResponse(request, file);
};
