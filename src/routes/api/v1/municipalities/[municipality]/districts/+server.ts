import { apiPreflight, apiRoute } from '$lib/server/api/api.route';
import { listDistrictsEndpoint } from '$lib/server/api/api.service';

export const GET = apiRoute(listDistrictsEndpoint);
export const OPTIONS = apiPreflight;
