import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SESSION_COOKIE_PREFIX } from '../people/session-cookie';
import { PublicPageCache } from './public-page-cache';
import { createPublicPageFastPath } from './public-page-fast-path';

const cache = new PublicPageCache();
const fastPath = createPublicPageFastPath(cache);
// Whatever the fast path declines would be SvelteKit's to answer; here it answers 418 so the tests can tell.
const server = http.createServer((request, response) => {
	if (fastPath(request, response)) return;
	response.writeHead(418).end('framework');
});
let base = '';

beforeAll(async () => {
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	const page = (text: string) => ({
		body: new TextEncoder().encode(text),
		status: 200,
		headers: [
			['content-type', 'text/html'],
			['content-security-policy', "default-src 'self'"]
		] as [string, string][]
	});
	cache.set('/muenster', page('<p>Münster</p>'));
	cache.set('/muenster/events?month=2026-11', page('<p>November</p>'));
	cache.set('/admin', page('<p>never public</p>'));
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

it('answers a stored page with its headers, its length and its ETag', async () => {
	const response = await fetch(`${base}/muenster`);
	expect(response.status).toBe(200);
	expect(await response.text()).toBe('<p>Münster</p>');
	expect(response.headers.get('x-cache')).toBe('hit');
	expect(response.headers.get('content-security-policy')).toBe("default-src 'self'");
	expect(response.headers.get('content-length')).toBe(String(new TextEncoder().encode('<p>Münster</p>').byteLength));
	expect(response.headers.get('etag')).toBe(cache.get('/muenster')!.etag);
});

it('answers 304 without a body when the client holds the current version', async () => {
	const response = await fetch(`${base}/muenster`, { headers: { 'if-none-match': cache.get('/muenster')!.etag } });
	expect(response.status).toBe(304);
	expect(await response.text()).toBe('');
});

it('finds pages by path and query, as the hook stores them', async () => {
	expect(await (await fetch(`${base}/muenster/events?month=2026-11`)).text()).toBe('<p>November</p>');
	expect((await fetch(`${base}/muenster?`)).headers.get('x-cache')).toBe('hit');
	expect((await fetch(`${base}/muenster/events?month=2026-12`)).status).toBe(418);
});

it('leaves signed-in visitors, writes, other methods and non-public paths to the framework', async () => {
	const cookie = `${SESSION_COOKIE_PREFIX}.session_token=abc`;
	expect((await fetch(`${base}/muenster`, { headers: { cookie } })).status).toBe(418);
	expect((await fetch(`${base}/muenster`, { method: 'POST', body: 'x=1' })).status).toBe(418);
	expect((await fetch(`${base}/muenster`, { method: 'HEAD' })).status).toBe(418);
	expect((await fetch(`${base}/admin`)).status).toBe(418);
});

it('stops answering the moment the cache is cleared', async () => {
	cache.clear();
	expect((await fetch(`${base}/muenster`)).status).toBe(418);
});
