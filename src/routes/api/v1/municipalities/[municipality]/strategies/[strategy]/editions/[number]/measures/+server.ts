import { apiPreflight, apiRoute } from '$lib/server/api/api.route';
import { listMeasuresEndpoint } from '$lib/server/api/api.service';

export const GET = apiRoute(listMeasuresEndpoint);
export const OPTIONS = apiPreflight;
