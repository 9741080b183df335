import { apiPreflight, apiRoute } from '$lib/server/api/api.route';
import { listSourcesEndpoint } from '$lib/server/api/api.service';

export const GET = apiRoute(listSourcesEndpoint);
export const OPTIONS = apiPreflight;
