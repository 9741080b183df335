import { apiPreflight, apiRoute } from '$lib/server/api/api.route';
import { dataPackageEndpoint } from '$lib/server/api/api.service';

export const GET = apiRoute(dataPackageEndpoint);
export const OPTIONS = apiPreflight;
