import { createHash } from 'node:crypto';

/**
 * Rendered public pages for anonymous visitors, kept until the data behind them changes. Writes
 * announce themselves with NOTIFY (see announcePublicChange); the listener clears the cache, so
 * a change made by another process (the CLI, a second server) is seen as well.
 */
export type CachedPage = { body: Uint8Array<ArrayBuffer>; headers: [string, string][]; etag: string; status: number };

export class PublicPageCache {
	private pages = new Map<string, CachedPage>();
	constructor(private readonly maxEntries = 2000) {}

	get(key: string): CachedPage | undefined {
		return this.pages.get(key);
	}

	set(key: string, page: Omit<CachedPage, 'etag'>): CachedPage {
		if (this.pages.size >= this.maxEntries) {
			// Oldest first: Map keeps insertion order.
			const oldest = this.pages.keys().next().value;
			if (oldest !== undefined) this.pages.delete(oldest);
		}
		const entry = { ...page, etag: etagOf(page.body) };
		this.pages.set(key, entry);
		return entry;
	}

	clear(): void {
		this.pages.clear();
	}

	get size(): number {
		return this.pages.size;
	}
}

export function etagOf(body: Uint8Array<ArrayBuffer>): string {
	return `W/"${createHash('sha1').update(body).digest('base64url')}"`;
}

/** True when the If-None-Match header names this ETag (or any). */
export function matchesEtag(ifNoneMatch: string | null, etag: string): boolean {
	if (!ifNoneMatch) return false;
	return ifNoneMatch.split(',').some((candidate) => {
		const trimmed = candidate.trim();
		return trimmed === '*' || trimmed === etag || trimmed.replace(/^W\//, '') === etag.replace(/^W\//, '');
	});
}
