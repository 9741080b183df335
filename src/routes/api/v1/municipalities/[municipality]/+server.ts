import { apiPreflight, apiRoute } from '$lib/server/api/api.route';
import { getMunicipalityEndpoint } from '$lib/server/api/api.service';

export const GET = apiRoute(getMunicipalityEndpoint);
export const OPTIONS = apiPreflight;
