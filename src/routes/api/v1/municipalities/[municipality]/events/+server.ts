import { apiPreflight, apiRoute } from '$lib/server/api/api.route';
import { listEventsEndpoint } from '$lib/server/api/api.service';

export const GET = apiRoute(listEventsEndpoint);
export const OPTIONS = apiPreflight;
