import { apiPreflight, apiRoute } from '$lib/server/api/api.route';
import { listStrategiesEndpoint } from '$lib/server/api/api.service';

export const GET = apiRoute(listStrategiesEndpoint);
export const OPTIONS = apiPreflight;
