import { apiPreflight, apiRoute } from '$lib/server/api/api.route';
import { listEditionsEndpoint } from '$lib/server/api/api.service';

export const GET = apiRoute(listEditionsEndpoint);
export const OPTIONS = apiPreflight;
