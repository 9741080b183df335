import type { APIRequestContext, Page } from '@playwright/test';
import { expect, signIn, test } from './fixtures';

// The public page cache is checked over plain HTTP: what matters is which bytes and headers a visitor
// gets, and a browser's own cache would hide that.
const editionPath = '/muenster/strategies/migration-und-integration/editions/4';

async function get(request: APIRequestContext, path: string, headers: Record<string, string> = {}) {
	const response = await request.get(path, { headers, maxRedirects: 0 });
	return { status: response.status(), headers: response.headers(), body: await response.text() };
}

/** The settings form as it is filled in now, so that a test changes only the description. */
async function settingsOf(page: Page): Promise<Record<string, string>> {
	await page.goto('/admin/muenster');
	return page.locator('form[action="?/settings"]').evaluate((form) => {
		const values: Record<string, string> = {};
		for (const [name, value] of new FormData(form as HTMLFormElement)) if (typeof value === 'string') values[name] = value;
		return values;
	});
}

async function saveSettings(page: Page, baseURL: string, form: Record<string, string>): Promise<void> {
	const response = await page.request.post('/admin/muenster?/settings', {
		form,
		headers: { origin: new URL(baseURL).origin, accept: 'application/json' },
		maxRedirects: 0
	});
	expect(response.status()).toBe(200);
	expect(await response.json()).toMatchObject({ type: 'success' });
}

test('a second anonymous GET is a cache hit with the same body and the same security headers', async ({ request }) => {
	const first = await get(request, editionPath);
	const second = await get(request, editionPath);
	expect(first.status).toBe(200);
	expect(second.status).toBe(200);
	expect(second.headers['x-cache']).toBe('hit');
	// Only the server's fast path, in front of SvelteKit, announces the length of a hit.
	expect(second.headers['content-length']).toBe(String(Buffer.byteLength(second.body)));
	expect(second.body).toBe(first.body);
	expect(second.headers['etag']).toBe(first.headers['etag']);
	expect(second.headers['content-type']).toMatch(/^text\/html/);
	// A cached copy must protect the visitor exactly as the freshly rendered page does.
	for (const name of ['content-security-policy', 'x-content-type-options', 'x-frame-options', 'referrer-policy', 'cross-origin-opener-policy']) {
		expect(second.headers[name], name).toBeTruthy();
		expect(second.headers[name], name).toBe(first.headers[name]);
	}
});

test('If-None-Match with the current ETag gets 304 with no body, a stale one gets the page', async ({ request }) => {
	const page = await get(request, editionPath);
	const etag = page.headers['etag'];
	expect(etag).toMatch(/^W\/".+"$/);
	const revalidated = await get(request, editionPath, { 'if-none-match': etag });
	expect(revalidated.status).toBe(304);
	expect(revalidated.body).toBe('');
	expect(revalidated.headers['etag']).toBe(etag);
	const stale = await get(request, editionPath, { 'if-none-match': 'W/"an-older-version"' });
	expect(stale.status).toBe(200);
	expect(stale.body).toBe(page.body);
});

test('an admin change reaches anonymous visitors at once, with a new ETag', async ({ page, request, baseURL }) => {
	await get(request, '/muenster');
	const before = await get(request, '/muenster');
	expect(before.headers['x-cache']).toBe('hit');

	await signIn(page, 'admin@muenster.example.org', 'demo-admin-muenster');
	const original = await settingsOf(page);
	const description = `Geänderte Kurzbeschreibung ${Date.now()}`;
	expect(before.body).not.toContain(description);
	try {
		await saveSettings(page, baseURL!, { ...original, description });
		const after = await get(request, '/muenster');
		expect(after.status).toBe(200);
		expect(after.headers['x-cache']).toBe('miss');
		expect(after.body).toContain(description);
		expect(after.headers['etag']).not.toBe(before.headers['etag']);
		// The old version is no longer current: revalidating it yields the new page, not a 304.
		const revalidated = await get(request, '/muenster', { 'if-none-match': before.headers['etag'] });
		expect(revalidated.status).toBe(200);
		expect(revalidated.body).toContain(description);
	} finally {
		// Later specs read the demo's own description.
		await saveSettings(page, baseURL!, original);
	}
	const restored = await get(request, '/muenster');
	expect(restored.body).not.toContain(description);
});

test('a signed-in visitor never receives a cached page', async ({ page, request }) => {
	// Make sure there is a cached copy that could wrongly be served.
	await get(request, '/muenster');
	expect((await get(request, '/muenster')).headers['x-cache']).toBe('hit');

	await signIn(page, 'admin@muenster.example.org', 'demo-admin-muenster');
	for (const path of ['/muenster', editionPath]) {
		const navigation = await page.goto(path);
		expect(navigation?.status()).toBe(200);
		expect(await navigation?.headerValue('x-cache')).toBeNull();
		const response = await page.request.get(path);
		expect(response.status()).toBe(200);
		expect(response.headers()['x-cache']).toBeUndefined();
	}
	// The signed-in page is rendered for this visitor, so it is not the anonymous copy.
	const anonymous = await get(request, '/muenster');
	expect(await (await page.request.get('/muenster')).text()).not.toBe(anonymous.body);
});

test('a calendar feed is kept like a page: a hit with its ETag, 304 while current, written anew after a change', async ({ page, request, baseURL }) => {
	await get(request, '/muenster/events.ics');
	const kept = await get(request, '/muenster/events.ics');
	expect(kept.status).toBe(200);
	expect(kept.headers['content-type']).toContain('text/calendar');
	expect(kept.headers['x-cache']).toBe('hit');
	expect(kept.body).toContain('BEGIN:VCALENDAR');
	const current = await get(request, '/muenster/events.ics', { 'if-none-match': kept.headers['etag'] });
	expect(current.status).toBe(304);
	expect(current.body).toBe('');

	// Any change a facilitator saves may change the feed: the next subscriber gets it written again.
	await signIn(page, 'admin@muenster.example.org', 'demo-admin-muenster');
	await saveSettings(page, baseURL!, await settingsOf(page));
	const after = await get(request, '/muenster/events.ics');
	expect(after.headers['x-cache']).toBe('miss');
	expect(after.body).toContain('BEGIN:VCALENDAR');
});
