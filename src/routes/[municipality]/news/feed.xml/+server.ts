import { loadOrError } from '$lib/server/http/respond';
import { atomResponse, getMunicipalityFeed } from '$lib/server/news/feed.service';
import { originOf } from '$lib/server/seo/origin';
import { getDb } from '$lib/server/runtime';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, url, request }) => {
	const { xml } = await loadOrError(() => getMunicipalityFeed({ db: getDb(), slug: params.municipality, origin: originOf(url) }));
	return atomResponse(xml, request.headers.get('if-none-match'));
};
