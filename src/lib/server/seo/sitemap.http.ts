// The sitemap files are built once and served from memory until public data changes (any write
// clears the shared cache) or a scheduled article turns public.
import { createHash } from 'node:crypto';
import { getRuntime } from '../runtime';

export async function cachedXml(key: string, build: () => Promise<{ xml: string; nextChangeAt?: Date | null }>): Promise<string> {
	const { publicPages } = getRuntime();
	const memoKey = `seo:${key}`;
	const built = await publicPages.memo(memoKey, build);
	if (!built.nextChangeAt || built.nextChangeAt.getTime() > Date.now()) return built.xml;
	publicPages.forget(memoKey);
	return (await publicPages.memo(memoKey, build)).xml;
}

/** An XML answer with an ETag, so that crawlers revisiting an unchanged sitemap get a 304. */
export function xmlResponse(xml: string, ifNoneMatch: string | null): Response {
	const etag = `"${createHash('sha256').update(xml).digest('base64url').slice(0, 27)}"`;
	const headers = { 'content-type': 'application/xml; charset=utf-8', etag, 'cache-control': 'public, max-age=3600' };
	if (ifNoneMatch === etag) return new Response(null, { status: 304, headers });
	return new Response(xml, { headers });
}
