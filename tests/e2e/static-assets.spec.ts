import type { Response } from '@playwright/test';
import { expect, test } from './fixtures';

// What a phone downloads: the scripts of a page with a form arrive compressed, and they are few. The whole
// message catalogue (six languages, 1 MB) once rode along with every such page.
test('a page with a form loads its scripts compressed, and less than 400 KB of them', async ({ page, visit }) => {
	const scripts: Response[] = [];
	page.on('response', (response) => {
		if (new URL(response.url()).pathname.endsWith('.js')) scripts.push(response);
	});
	await visit('/sign-in');
	await page.waitForLoadState('networkidle');
	expect(scripts.length).toBeGreaterThan(3);
	const delivered = await Promise.all(
		scripts.map(async (response) => ({
			path: new URL(response.url()).pathname,
			encoding: (await response.allHeaders())['content-encoding'] ?? 'none',
			bytes: (await response.body()).length
		}))
	);
	expect(delivered.filter((script) => !['br', 'gzip'].includes(script.encoding))).toEqual([]);
	expect(delivered.reduce((sum, script) => sum + script.bytes, 0)).toBeLessThan(400_000);
});

test('a script asks for the compressed copy it can read, and is the same script unpacked', async ({ request }) => {
	const html = await (await request.get('/sign-in')).text();
	const script = html.match(/_app\/immutable\/[^"']+\.js/)?.[0];
	expect(script, 'a script on the sign-in page').toBeTruthy();
	const plain = await request.get(`/${script}`, { headers: { 'accept-encoding': 'identity' } });
	expect(plain.headers()['content-encoding']).toBeUndefined();
	expect(plain.headers()['cache-control']).toContain('immutable');
	for (const encoding of ['br', 'gzip']) {
		const packed = await request.get(`/${script}`, { headers: { 'accept-encoding': encoding } });
		expect(packed.headers()['content-encoding'], encoding).toBe(encoding);
		expect(packed.headers()['vary']).toContain('Accept-Encoding');
		// Playwright unpacks the body, so it can be compared with the plain one.
		expect(await packed.text()).toBe(await plain.text());
	}
});
