import { originOf } from '$lib/server/seo/origin';
import { xmlResponse } from '$lib/server/seo/sitemap.http';
import { getPlatformSitemap } from '$lib/server/seo/sitemap.service';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url, request }) => xmlResponse(getPlatformSitemap({ origin: originOf(url) }).xml, request.headers.get('if-none-match'));
