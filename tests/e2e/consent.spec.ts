import type { Browser, Page, Request } from '@playwright/test';
import { demoEventIds } from '../../src/lib/server/demo/demo-event-ids';
import { checkPage, expect, test } from './fixtures';

// A visitor opens an event page with a venue map: until they agree, nothing is requested from
// OpenStreetMap; "load once" shows the map this time only, "always allow" is remembered, and the
// privacy page withdraws it — with JavaScript and without.

const osm = 'https://www.openstreetmap.org';
const eventPath = `/muenster/events/${demoEventIds.muenster}`;

test.use({ consentedOrigins: [osm] });
test.describe.configure({ mode: 'serial' });

/** The real map is never fetched: a tiny local page stands in for it, and every request is counted. */
async function interceptMaps(page: Page): Promise<Request[]> {
	const requests: Request[] = [];
	page.on('request', (request) => {
		if (!request.url().startsWith('http://localhost')) requests.push(request);
	});
	await page.route(`${osm}/**`, (route) =>
		route.fulfill({ contentType: 'text/html', body: '<!doctype html><html lang="de"><head><title>Kartenausschnitt</title></head><body><p>Kartenausschnitt</p></body></html>' })
	);
	return requests;
}

async function noJavaScriptPage(browser: Browser): Promise<Page> {
	const context = await browser.newContext({ javaScriptEnabled: false, locale: 'de-DE', timezoneId: 'Europe/Berlin' });
	return context.newPage();
}

const placeholder = (page: Page) => page.getByRole('group', { name: 'Externer Inhalt von OpenStreetMap' });
const map = (page: Page) => page.locator('iframe[src^="https://www.openstreetmap.org/export/embed.html"]');

test('the venue map loads only after consent, once or always, and the privacy page withdraws it', async ({ page, visit }) => {
	const requests = await interceptMaps(page);
	await visit(eventPath);
	expect((await page.request.get(eventPath)).headers()['content-security-policy']).toContain(`frame-src 'self' ${osm}`);
	await expect(placeholder(page)).toBeVisible();
	await expect(page.getByRole('link', { name: 'Route planen (OpenStreetMap)' })).toHaveAttribute('href', /^https:\/\/www\.openstreetmap\.org\/directions/);
	await page.waitForLoadState('networkidle');
	expect(requests, 'requests to other hosts before consent').toEqual([]);

	await page.getByRole('button', { name: 'Dieses Mal laden' }).click();
	await expect(map(page)).toBeVisible();
	// Swapped in place by the page's script: no reload, so no fragment from the redirect.
	expect(new URL(page.url()).hash).toBe('');
	await expect(map(page)).toBeFocused();
	await expect.poll(() => requests.filter((r) => r.url().startsWith(`${osm}/export/embed.html`)).length).toBeGreaterThan(0);
	await checkPage(page);

	// "Once" is not remembered.
	requests.length = 0;
	await page.reload();
	await expect(placeholder(page)).toBeVisible();
	await page.waitForLoadState('networkidle');
	expect(requests).toEqual([]);

	await page.getByRole('button', { name: 'OpenStreetMap immer erlauben' }).click();
	await expect(map(page)).toBeVisible();
	await page.reload();
	await expect(map(page)).toBeVisible();
	await checkPage(page);

	// Pages without an embed keep frames closed.
	expect((await page.request.get('/privacy')).headers()['content-security-policy']).not.toContain('openstreetmap');
	await visit('/privacy');
	await expect(page.getByText('Status: immer erlaubt')).toBeVisible();
	await page.getByRole('button', { name: 'Zustimmung für OpenStreetMap widerrufen' }).click();
	await expect(page.getByText('Status: wird jedes Mal erfragt')).toBeVisible();
	await checkPage(page);

	requests.length = 0;
	await visit(eventPath);
	await expect(placeholder(page)).toBeVisible();
	await page.waitForLoadState('networkidle');
	expect(requests).toEqual([]);
});

test('without JavaScript the buttons post the choice and the page comes back with the map', async ({ browser }) => {
	const page = await noJavaScriptPage(browser);
	const requests = await interceptMaps(page);
	await page.goto(eventPath);
	await checkPage(page, { javaScript: false });
	await expect(placeholder(page)).toBeVisible();
	expect(requests).toEqual([]);

	await page.getByRole('button', { name: 'Dieses Mal laden' }).click();
	await expect(page).toHaveURL(new RegExp(`${eventPath}#venue-map$`));
	await expect(map(page)).toBeVisible();
	await page.reload();
	await expect(placeholder(page)).toBeVisible();

	await page.getByRole('button', { name: 'OpenStreetMap immer erlauben' }).click();
	await expect(map(page)).toBeVisible();
	await page.goto('/privacy');
	await page.getByRole('button', { name: 'Zustimmung für OpenStreetMap widerrufen' }).click();
	await expect(page).toHaveURL(/\/privacy#consent$/);
	await expect(page.getByText('Status: wird jedes Mal erfragt')).toBeVisible();
	requests.length = 0;
	await page.goto(eventPath);
	await expect(placeholder(page)).toBeVisible();
	expect(requests).toEqual([]);
	await page.context().close();
});
