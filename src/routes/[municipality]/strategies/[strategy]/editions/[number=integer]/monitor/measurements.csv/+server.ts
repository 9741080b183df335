import { loadOrError } from '$lib/server/http/respond';
import { getDb } from '$lib/server/runtime';
import { csvDownload } from '$lib/server/monitoring/exchange.http';
import { openPublicMeasurementsExport } from '$lib/server/monitoring/exchange-package';
import { getMunicipalityBySlug } from '$lib/server/tenancy/tenancy.service';
import type { RequestHandler } from './$types';

/** Every measurement of the edition in the exchange format; withheld values are exported as suppressed. */
export const GET: RequestHandler = async ({ params }) => {
	const db = getDb();
	const chunks = await loadOrError(async () =>
		openPublicMeasurementsExport({
			db,
			municipalityId: (await getMunicipalityBySlug({ db, slug: params.municipality })).id,
			strategySlug: params.strategy,
			number: Number(params.number)
		})
	);
	return csvDownload(chunks, `${params.municipality}-${params.strategy}-${params.number}-measurements.csv`);
};
