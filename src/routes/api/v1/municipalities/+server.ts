import { apiPreflight, apiRoute } from '$lib/server/api/api.route';
import { listMunicipalitiesEndpoint } from '$lib/server/api/api.service';

export const GET = apiRoute(listMunicipalitiesEndpoint);
export const OPTIONS = apiPreflight;
