import { apiPreflight, apiRoute } from '$lib/server/api/api.route';
import { listMeasurementsEndpoint } from '$lib/server/api/api.service';

export const GET = apiRoute(listMeasurementsEndpoint);
export const OPTIONS = apiPreflight;
