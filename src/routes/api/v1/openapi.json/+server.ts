import { apiPreflight, apiRoute, openApiEndpoint } from '$lib/server/api/api.route';

export const GET = apiRoute(openApiEndpoint);
export const OPTIONS = apiPreflight;
