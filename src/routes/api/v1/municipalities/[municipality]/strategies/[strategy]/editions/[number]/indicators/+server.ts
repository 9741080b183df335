import { apiPreflight, apiRoute } from '$lib/server/api/api.route';
import { listIndicatorsEndpoint } from '$lib/server/api/api.service';

export const GET = apiRoute(listIndicatorsEndpoint);
export const OPTIONS = apiPreflight;
