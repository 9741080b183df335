import { expect, it, vi } from 'vitest';
import { PublicPageCache, matchesEtag, respondFromCache } from './public-page-cache';

const page = (text: string) => ({ body: new TextEncoder().encode(text), headers: [], status: 200 });

it('gives the same page the same ETag and a changed page a new one', () => {
	const cache = new PublicPageCache();
	const first = cache.set('/a', page('one'));
	expect(cache.set('/b', page('one')).etag).toBe(first.etag);
	expect(cache.set('/a', page('two')).etag).not.toBe(first.etag);
});

it('recognises a revalidation by ETag, weak or strong, in a list', () => {
	expect(matchesEtag('W/"abc"', 'W/"abc"')).toBe(true);
	expect(matchesEtag('"x", "abc"', 'W/"abc"')).toBe(true);
	expect(matchesEtag('"x"', 'W/"abc"')).toBe(false);
	expect(matchesEtag(null, 'W/"abc"')).toBe(false);
});

it('drops the oldest page when full and forgets everything on clear', () => {
	const cache = new PublicPageCache(2);
	cache.set('/1', page('1'));
	cache.set('/2', page('2'));
	cache.set('/3', page('3'));
	expect(cache.get('/1')).toBeUndefined();
	expect(cache.size).toBe(2);
	cache.clear();
	expect(cache.get('/3')).toBeUndefined();
});

const rendered = {
	body: new TextEncoder().encode('<!doctype html><p>Münster</p>'),
	status: 200,
	headers: [
		['content-type', 'text/html'],
		['content-security-policy', "default-src 'self'"],
		['x-content-type-options', 'nosniff'],
		['etag', '"sveltekit-own"'],
		['content-length', '999']
	] as [string, string][]
};

it('answers a hit with the rendered headers and its own ETag, and says it was a hit', async () => {
	const entry = new PublicPageCache().set('/muenster', rendered);
	const response = respondFromCache(entry, null, 'hit');
	expect(response.status).toBe(200);
	expect(response.headers.get('content-type')).toBe('text/html');
	expect(response.headers.get('content-security-policy')).toBe("default-src 'self'");
	expect(response.headers.get('x-content-type-options')).toBe('nosniff');
	expect(response.headers.get('etag')).toBe(entry.etag);
	// The rendered length would be wrong for a body that differs from it; none is better than a wrong one.
	expect(response.headers.get('content-length')).toBeNull();
	expect(response.headers.get('x-cache')).toBe('hit');
	expect(new Uint8Array(await response.arrayBuffer())).toEqual(rendered.body);
	expect(respondFromCache(entry, null, 'miss').headers.get('x-cache')).toBe('miss');
});

it('answers a matching If-None-Match with an empty 304 that still names the version, and a stale one with the page', async () => {
	const entry = new PublicPageCache().set('/muenster', rendered);
	for (const state of ['hit', 'miss'] as const) {
		const notModified = respondFromCache(entry, entry.etag, state);
		expect(notModified.status).toBe(304);
		expect(notModified.body).toBeNull();
		expect(notModified.headers.get('content-length')).toBeNull();
		expect(notModified.headers.get('etag')).toBe(entry.etag);
		expect(notModified.headers.get('x-cache')).toBe(state);
		expect(notModified.headers.get('content-security-policy')).toBe("default-src 'self'");
	}
	const stale = respondFromCache(entry, 'W/"older"', 'hit');
	expect(stale.status).toBe(200);
	expect(await stale.text()).toBe('<!doctype html><p>Münster</p>');
});

it('reads shared public data once until the next change, and forgets failed reads', async () => {
	const cache = new PublicPageCache();
	let reads = 0;
	const load = async () => ++reads;
	expect(await cache.memo('m:muenster', load)).toBe(1);
	expect(await cache.memo('m:muenster', load)).toBe(1);
	await expect(cache.memo('m:atlantis', () => Promise.reject(new Error('not found')))).rejects.toThrow('not found');
	expect(await cache.memo('m:atlantis', load)).toBe(2);
	cache.clear();
	expect(await cache.memo('m:muenster', load)).toBe(3);
});

it('keeps a bounded number of shared reads: keys that carry the hour do not pile up on a server nobody writes to', async () => {
	const cache = new PublicPageCache(10, 2);
	let loads = 0;
	const load = async () => ++loads;
	for (const hour of [1, 2, 3]) await cache.memo(`figures:e1:${hour}`, load);
	expect(loads).toBe(3);
	expect(await cache.memo('figures:e1:3', load)).toBe(3);
	expect(await cache.memo('figures:e1:1', load)).toBe(4);
});

it('does not keep a page whose render began before a clear: it may show the data from before the change', () => {
	const cache = new PublicPageCache();
	const renderedIn = cache.generation;
	cache.clear();
	const answered = cache.set('/muenster', page('before the change'), renderedIn);
	expect(answered.body).toEqual(page('before the change').body);
	expect(cache.get('/muenster')).toBeUndefined();
	cache.set('/muenster', page('after the change'), cache.generation);
	expect(cache.get('/muenster')).toBeDefined();
});

it('lets a page go at the moment its render named, and keeps the other pages', () => {
	vi.useFakeTimers({ now: new Date('2026-11-30T12:00:00Z') });
	try {
		const cache = new PublicPageCache();
		const renderedIn = cache.generation;
		// The month grid turns at midnight; an event page closes its registration at 16:00; the town list never turns.
		cache.set('/muenster/events', page('November'), renderedIn, Date.parse('2026-11-30T23:00:00Z'));
		cache.set('/muenster/events/1', page('registration open'), renderedIn, Date.parse('2026-11-30T16:00:00Z'));
		cache.set('/', page('the towns'), renderedIn);
		vi.setSystemTime(new Date('2026-11-30T15:59:59Z'));
		expect(cache.get('/muenster/events/1')).toBeDefined();
		vi.setSystemTime(new Date('2026-11-30T16:00:00Z'));
		expect(cache.get('/muenster/events/1')).toBeUndefined();
		expect(cache.get('/muenster/events')).toBeDefined();
		expect(cache.size).toBe(2);
		cache.set('/muenster/events/1', page('registration closed'), cache.generation, Date.parse('2026-11-30T23:00:00Z'));
		vi.setSystemTime(new Date('2026-11-30T23:00:00Z'));
		expect(cache.get('/muenster/events')).toBeUndefined();
		expect(cache.get('/muenster/events/1')).toBeUndefined();
		vi.setSystemTime(new Date('2027-06-01T00:00:00Z'));
		expect(new TextDecoder().decode(cache.get('/')?.body)).toBe('the towns');
	} finally {
		vi.useRealTimers();
	}
});

it('forgets one piece of shared data and reads it again, the rest stays', async () => {
	const cache = new PublicPageCache();
	let reads = 0;
	const read = async () => ++reads;
	expect(await cache.memo('seo:index', read)).toBe(1);
	expect(await cache.memo('municipality:muenster', read)).toBe(2);
	cache.forget('seo:index');
	expect(await cache.memo('seo:index', read)).toBe(3);
	expect(await cache.memo('municipality:muenster', read)).toBe(2);
});
