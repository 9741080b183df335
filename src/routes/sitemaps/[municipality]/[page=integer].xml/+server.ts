import { loadOrError } from '$lib/server/http/respond';
import { originOf } from '$lib/server/seo/origin';
import { cachedXml, xmlResponse } from '$lib/server/seo/sitemap.http';
import { getMunicipalitySitemap } from '$lib/server/seo/sitemap.service';
import { getDb } from '$lib/server/runtime';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, url, request }) => {
	const origin = originOf(url);
	const page = Number(params.page);
	const xml = await loadOrError(() =>
		cachedXml(`municipality:${origin}:${params.municipality}:${page}`, () => getMunicipalitySitemap({ db: getDb(), origin, now: new Date(), slug: params.municipality, page }))
	);
	return xmlResponse(xml, request.headers.get('if-none-match'));
};
