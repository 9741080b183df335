import { originOf } from '$lib/server/seo/origin';
import { cachedXml, xmlResponse } from '$lib/server/seo/sitemap.http';
import { getSitemapIndex } from '$lib/server/seo/sitemap.service';
import { getDb } from '$lib/server/runtime';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url, request }) => {
	const origin = originOf(url);
	const xml = await cachedXml(`index:${origin}`, () => getSitemapIndex({ db: getDb(), origin, now: new Date() }));
	return xmlResponse(xml, request.headers.get('if-none-match'));
};
