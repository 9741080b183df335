import { apiPreflight, apiRoute } from '$lib/server/api/api.route';
import { listIdeasEndpoint } from '$lib/server/api/api.service';

export const GET = apiRoute(listIdeasEndpoint);
export const OPTIONS = apiPreflight;
