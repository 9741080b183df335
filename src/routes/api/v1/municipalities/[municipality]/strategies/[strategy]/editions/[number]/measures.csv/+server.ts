import { apiPreflight, apiRoute } from '$lib/server/api/api.route';
import { measuresCsvEndpoint } from '$lib/server/api/api.service';

export const GET = apiRoute(measuresCsvEndpoint);
export const OPTIONS = apiPreflight;
