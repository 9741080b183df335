import { expect, it } from 'vitest';
import { PublicPageCache, matchesEtag } from './public-page-cache';

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
