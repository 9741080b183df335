import { loadOrError } from '$lib/server/http/respond';
import { getDb } from '$lib/server/runtime';
import { dataPackageResponse } from '$lib/server/monitoring/exchange.http';
import { buildDataPackage } from '$lib/server/monitoring/exchange-package';
import { getMunicipalityBySlug } from '$lib/server/tenancy/tenancy.service';
import type { RequestHandler } from './$types';

/** The Frictionless data package describing the edition's measurements export. */
export const GET: RequestHandler = async ({ params, url }) => {
	const db = getDb();
	const descriptor = await loadOrError(async () =>
		buildDataPackage({
			db,
			municipality: await getMunicipalityBySlug({ db, slug: params.municipality }),
			strategySlug: params.strategy,
			number: Number(params.number),
			origin: url.origin
		})
	);
	return dataPackageResponse(descriptor);
};
