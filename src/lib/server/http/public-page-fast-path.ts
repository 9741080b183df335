import type { IncomingMessage, ServerResponse } from 'node:http';
import { hasPersonalCookie, isCacheablePublicPath } from './anonymous';
import { matchesEtag, type PublicPageCache } from './public-page-cache';

/**
 * A cache hit answered straight on node:http, before SvelteKit builds a Request, runs its hooks and
 * copies a Response back: on the edition page that framework work was most of the cost of a hit.
 * The decision which requests may be answered from the cache is the same as in the hook
 * (anonymous GET of a cacheable public path, same key), so a miss here falls through to SvelteKit,
 * which renders and stores the page.
 */
export type PublicPageFastPath = (request: IncomingMessage, response: ServerResponse) => boolean;

export function createPublicPageFastPath(cache: PublicPageCache, onHit: () => void = () => {}): PublicPageFastPath {
	return (request, response) => {
		if (request.method !== 'GET' || cache.size === 0) return false;
		if (hasPersonalCookie(request.headers.cookie ?? null)) return false;
		const target = request.url ?? '/';
		const query = target.indexOf('?');
		const pathname = query === -1 ? target : target.slice(0, query);
		// Only the exact key the hook stored (URL-normalised pathname + search) can hit; anything else goes to SvelteKit.
		const page = cache.get(query === target.length - 1 ? pathname : target);
		if (!page || !isCacheablePublicPath(pathname)) return false;
		onHit();
		if (matchesEtag(request.headers['if-none-match'] ?? null, page.etag)) {
			response.writeHead(304, page.rawHitHeaders.notModified);
			response.end();
		} else {
			response.writeHead(page.status, page.rawHitHeaders.page);
			response.end(page.body);
		}
		return true;
	};
}

// The server script (scripts/serve.js) and the SvelteKit bundle are separate module graphs; a registered
// symbol is the one name both can reach.
const fastPathKey = Symbol.for('leitbild.publicPageFastPath');
type WithFastPath = { [fastPathKey]?: PublicPageFastPath };

export function publishPublicPageFastPath(fastPath: PublicPageFastPath | undefined): void {
	(globalThis as WithFastPath)[fastPathKey] = fastPath;
}
