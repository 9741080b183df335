import { apiPreflight, apiRoute } from '$lib/server/api/api.route';
import { getEditionEndpoint } from '$lib/server/api/api.service';

export const GET = apiRoute(getEditionEndpoint);
export const OPTIONS = apiPreflight;
