import { apiPreflight, apiUnknownPath } from '$lib/server/api/api.route';

// Any other address under the API answers in JSON too, so that clients never have to parse an HTML error page.
export const GET = apiUnknownPath;
export const OPTIONS = apiPreflight;
