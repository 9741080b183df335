import { loadOrError } from '$lib/server/http/respond';
import { limitApiReads } from '$lib/server/http/rate-limit';
import { getDb } from '$lib/server/runtime';
import { csvDownload } from '$lib/server/monitoring/exchange.http';
import { openPublicMeasurementsExport } from '$lib/server/monitoring/exchange-package';
import { getMunicipalityBySlug } from '$lib/server/tenancy/tenancy.service';
import type { RequestHandler } from './$types';

/** Every measurement of the edition in the exchange format; withheld values are exported as suppressed. */
export const GET: RequestHandler = async ({ params, getClientAddress }) => {
	const db = getDb();
	const chunks = await loadOrError(async () => {
		// A whole edition is the heaviest public read: it counts against the open-data API's limit.
		await limitApiReads(getClientAddress());
		return openPublicMeasurementsExport({
			db,
			municipalityId: (await getMunicipalityBySlug({ db, slug: params.municipality })).id,
			strategySlug: params.strategy,
			number: Number(params.number)
		});
	});
	return csvDownload(chunks, `${params.municipality}-${params.strategy}-${params.number}-measurements.csv`);
};
