import { originOf } from '$lib/server/seo/origin';
import { robotsTxt } from '$lib/server/seo/robots';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url }) =>
	new Response(robotsTxt(originOf(url)), { headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'public, max-age=3600' } });
