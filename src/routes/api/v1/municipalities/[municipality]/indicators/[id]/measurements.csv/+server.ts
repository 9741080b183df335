import { apiPreflight, apiRoute } from '$lib/server/api/api.route';
import { measurementsCsvEndpoint } from '$lib/server/api/api.service';

export const GET = apiRoute(measurementsCsvEndpoint);
export const OPTIONS = apiPreflight;
