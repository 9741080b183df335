import { afterEach, expect, it, vi } from 'vitest';
import { PublicPageCache } from '../http/public-page-cache';

afterEach(() => {
	vi.useRealTimers();
});

it('cached news pages are dropped when the next scheduled article turns public', () => {
	vi.useFakeTimers({ now: new Date('2030-05-01T08:00:00Z') });
	const cache = new PublicPageCache();
	cache.set('/stadt/news', { body: new TextEncoder().encode('<p>ohne die geplante Meldung</p>'), headers: [['content-type', 'text/html']], status: 200 }, cache.generation, Date.parse('2030-05-02T08:00:00Z'));
	vi.setSystemTime(new Date('2030-05-02T07:59:59Z'));
	expect(cache.get('/stadt/news')).toBeDefined();
	vi.setSystemTime(new Date('2030-05-02T08:00:00Z'));
	expect(cache.get('/stadt/news')).toBeUndefined();
	// Rendered without a scheduled article ahead, the page stays until a write.
	cache.set('/stadt/news', { body: new TextEncoder().encode('<p>mit</p>'), headers: [['content-type', 'text/html']], status: 200 });
	vi.setSystemTime(new Date('2031-01-01T00:00:00Z'));
	expect(cache.get('/stadt/news')).toBeDefined();
});
