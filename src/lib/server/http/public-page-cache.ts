import { createHash } from 'node:crypto';
import { BoundedMemo } from '../shared/bounded-memo';

/**
 * Rendered public pages for anonymous visitors, kept until the data behind them changes. Writes
 * announce themselves with NOTIFY (see announcePublicChange); the listener clears the cache, so
 * a change made by another process (the CLI, a second server) is seen as well.
 */
export type CachedPage = {
	body: Uint8Array<ArrayBuffer>;
	etag: string;
	status: number;
	/** Built once when the page is stored, so that a hit does no header work beyond constructing its Response. */
	headers: Record<CacheState, [string, string][]>;
	/** A hit's headers as node:http's flat [name, value, …] list for the server's fast path: the page, then a 304. */
	rawHitHeaders: { page: string[]; notModified: string[] };
	/** When the page stops being true without a write (a registration closes, the month turns); ms since the epoch. */
	expiresAt: number;
};

type CacheState = 'hit' | 'miss';

export type RenderedPage = { body: Uint8Array<ArrayBuffer>; headers: [string, string][]; status: number };

// Replaced for the stored body, or meaningless for a copy served later.
const replacedHeaders = new Set(['content-length', 'etag', 'x-cache', 'date', 'transfer-encoding', 'connection', 'keep-alive']);

export class PublicPageCache {
	private pages = new Map<string, CachedPage>();
	// Keys carry the hour for data that ages (an edition's figures): bounded, a server unchanged for weeks keeps
	// the newest of them, not every hour's.
	private data: BoundedMemo<unknown>;
	private clearedWith: (() => void)[] = [];
	private clears = 0;
	constructor(
		private readonly maxEntries = 2000,
		maxData = 4000
	) {
		this.data = new BoundedMemo(maxData);
	}

	/** The stored page, unless its moment has come: then it is forgotten and rendered afresh, the other pages stay. */
	get(key: string): CachedPage | undefined {
		const page = this.pages.get(key);
		if (page && Date.now() >= page.expiresAt) {
			this.pages.delete(key);
			return undefined;
		}
		return page;
	}

	/**
	 * Counts the clears. A page rendered while a change was written may show the data from before it: stored after
	 * the clear, it would stay until the next change. So a page is stored only if no clear came since its render
	 * began (`renderedIn`, this count read then); otherwise it is answered once and forgotten.
	 */
	get generation(): number {
		return this.clears;
	}

	set(key: string, page: RenderedPage, renderedIn = this.clears, expiresAt = Number.POSITIVE_INFINITY): CachedPage {
		if (renderedIn !== this.clears) return cachedPageOf(page);
		if (this.pages.size >= this.maxEntries) {
			// Oldest first: Map keeps insertion order.
			const oldest = this.pages.keys().next().value;
			if (oldest !== undefined) this.pages.delete(oldest);
		}
		const entry = cachedPageOf(page, expiresAt);
		this.pages.set(key, entry);
		return entry;
	}

	/**
	 * Public data that many pages share (a municipality by its slug), read once until the next change.
	 * A failed read is forgotten at once, so unknown slugs cannot fill the memory.
	 */
	memo<T>(key: string, load: () => Promise<T>): Promise<T> {
		return this.data.get(key, load) as Promise<T>;
	}

	/** Forgets one piece of shared data that has become untrue without a write. */
	forget(key: string): void {
		this.data.delete(key);
	}

	/** Data derived from what the public sees and kept elsewhere is dropped together with the pages. */
	alsoClear(clear: () => void): void {
		this.clearedWith.push(clear);
	}

	clear(): void {
		this.clears += 1;
		this.pages.clear();
		this.data.clear();
		for (const clear of this.clearedWith) clear();
	}

	get size(): number {
		return this.pages.size;
	}
}

export function cachedPageOf({ body, headers, status }: RenderedPage, expiresAt = Number.POSITIVE_INFINITY): CachedPage {
	const etag = etagOf(body);
	const kept = headers.filter(([name]) => !replacedHeaders.has(name.toLowerCase()));
	const withEtag: [string, string][] = [...kept, ['etag', etag]];
	// Without a Content-Length: in an A/B run on the edition page (50 connections, three alternating rounds)
	// announcing the length cost about 8 % of the hits per second, and a 304 must not announce one anyway.
	const headersFor = (state: CacheState): [string, string][] => [...withEtag, ['x-cache', state]];
	const hit = headersFor('hit');
	const rawHitHeaders = { page: [...hit.flat(), 'content-length', String(body.byteLength)], notModified: hit.flat() };
	return { body, etag, status, headers: { hit, miss: headersFor('miss') }, rawHitHeaders, expiresAt };
}

/** The response for a cached page: 304 when the client already holds this version, else the page itself. */
export function respondFromCache(page: CachedPage, ifNoneMatch: string | null, state: CacheState): Response {
	const headers = page.headers[state];
	if (matchesEtag(ifNoneMatch, page.etag)) return new Response(null, { status: 304, headers });
	return new Response(page.body, { status: page.status, headers });
}

export function etagOf(body: Uint8Array<ArrayBuffer>): string {
	return `W/"${createHash('sha1').update(body).digest('base64url')}"`;
}

/** True when the If-None-Match header names this ETag (or any). */
export function matchesEtag(ifNoneMatch: string | null, etag: string): boolean {
	if (!ifNoneMatch) return false;
	// The common case, a client sending back exactly what we gave it, needs no parsing.
	if (ifNoneMatch === etag) return true;
	return ifNoneMatch.split(',').some((candidate) => {
		const trimmed = candidate.trim();
		return trimmed === '*' || trimmed === etag || trimmed.replace(/^W\//, '') === etag.replace(/^W\//, '');
	});
}
