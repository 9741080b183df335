import { loadOrError } from '$lib/server/http/respond';
import { atomResponse, getRegionFeed } from '$lib/server/news/feed.service';
import { originOf } from '$lib/server/seo/origin';
import { getDb } from '$lib/server/runtime';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, url, request }) => {
	const { xml } = await loadOrError(() => getRegionFeed({ db: getDb(), slug: params.region, origin: originOf(url) }));
	return atomResponse(xml, request.headers.get('if-none-match'));
};
