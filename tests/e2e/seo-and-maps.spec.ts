import type { Page, Request } from '@playwright/test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { demoEventIds } from '../../src/lib/server/demo/demo-event-ids';
import { checkPage, expect, signIn, test } from './fixtures';

// A search engine finds every public page through robots.txt and the sitemap, and reads structured
// data on event pages; a visitor sees the office's address at once and its map only after consent;
// the platform admin writes the install's own imprint, linked from the start page's footer.

const osm = 'https://www.openstreetmap.org';
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['url', 'sitemap', 'xhtml:link'].includes(name) });

test('robots.txt names the sitemap, whose index and municipality files are valid XML listing public pages in both languages', async ({ request }) => {
	const robots = await (await request.get('/robots.txt')).text();
	expect(robots).toMatch(/^Disallow: \/admin$/m);
	const sitemapUrl = /^Sitemap: (\S+)$/m.exec(robots)?.[1];
	expect(sitemapUrl).toMatch(/\/sitemap\.xml$/);

	const index = await request.get(new URL(sitemapUrl!).pathname);
	expect(index.headers()['content-type']).toContain('application/xml');
	const indexXml = await index.text();
	expect(XMLValidator.validate(indexXml)).toBe(true);
	const files: string[] = parser.parse(indexXml).sitemapindex.sitemap.map((entry: { loc: string }) => entry.loc);
	const muensterFile = files.find((loc) => loc.endsWith('/sitemaps/muenster/1.xml'));
	expect(muensterFile).toBeDefined();
	expect(files.some((loc) => loc.endsWith('/sitemaps/greven/1.xml'))).toBe(true);

	const response = await request.get(new URL(muensterFile!).pathname);
	const xml = await response.text();
	expect(XMLValidator.validate(xml)).toBe(true);
	const urls: { loc: string; 'xhtml:link': { '@hreflang': string }[] }[] = parser.parse(xml).urlset.url;
	const paths = urls.map((url) => new URL(url.loc).pathname);
	expect(paths).toEqual(expect.arrayContaining(['/muenster', '/en/muenster', '/muenster/news/abschlussveranstaltung-im-historischen-rathaus', `/muenster/events/${demoEventIds.muenster}`]));
	expect(paths.every((path) => path.startsWith('/muenster') || path.startsWith('/en/muenster'))).toBe(true);
	expect(urls[0]['xhtml:link'].map((link) => link['@hreflang'])).toEqual(['de', 'en', 'x-default']);
	// Served again from memory, and a crawler holding it gets a 304.
	expect((await request.get(new URL(muensterFile!).pathname, { headers: { 'if-none-match': response.headers()['etag'] } })).status()).toBe(304);
});

test('an event page carries schema.org Event data with local times, place and organiser, and Open Graph tags naming the same event', async ({ request }) => {
	const html = await (await request.get(`/muenster/events/${demoEventIds.muenster}`)).text();
	const scripts = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((match) => JSON.parse(match[1]));
	const event = scripts.find((data) => data['@type'] === 'Event');
	expect(event).toBeDefined();
	for (const property of ['name', 'startDate', 'endDate', 'eventStatus', 'eventAttendanceMode', 'location', 'organizer', 'url']) expect(event).toHaveProperty(property);
	expect(event.startDate).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
	expect(event.url).toMatch(new RegExp(`/muenster/events/${demoEventIds.muenster}$`));
	// Open Graph for link previews: the same name and address as the structured data.
	const og = Object.fromEntries([...html.matchAll(/<meta property="og:([a-z_:]+)" content="([^"]*)"/g)].map((match) => [match[1], match[2].replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')]));
	expect(og).toMatchObject({ type: 'website', title: event.name, url: event.url, locale: 'de_DE' });
	expect(og.description?.length).toBeGreaterThan(0);
	expect(html).toContain(`<link rel="canonical" href="${event.url}"`);
});

/** The real map is never fetched: a tiny local page stands in for it, and every other host's request is counted. */
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

test.describe('the office map', () => {
	test.use({ consentedOrigins: [osm] });

	test('shows the address at once and loads the map of the office only after consent', async ({ page, visit }) => {
		const requests = await interceptMaps(page);
		await visit('/muenster');
		await expect(page.getByRole('complementary', { name: 'Kontakt' }).getByText('Musterplatz 1')).toBeVisible();
		const officeMap = page.getByRole('region', { name: 'Lage des Büros' });
		await expect(officeMap.getByRole('group', { name: 'Externer Inhalt von OpenStreetMap' })).toBeVisible();
		await page.waitForLoadState('networkidle');
		expect(requests, 'requests to other hosts before consent').toEqual([]);

		await officeMap.getByRole('button', { name: 'Dieses Mal laden' }).click();
		await expect(officeMap.locator('iframe[src^="https://www.openstreetmap.org/export/embed.html"]')).toBeVisible();
		await expect.poll(() => requests.filter((r) => r.url().startsWith(`${osm}/export/embed.html`)).length).toBeGreaterThan(0);
		await checkPage(page);
	});
});

test('the platform admin writes the install’s imprint, which the start page’s footer links to', async ({ page, visit }) => {
	await signIn(page, 'plattform@example.org', 'demo-platform-admin');
	await visit('/admin/platform-legal');
	await page.getByLabel('Text: Impressum der Plattform').fill('## Betrieb der Plattform\n\nVerein Offene Kommune e. V. (Demo)\n\n<script>alert(1)</script>');
	await page.getByRole('button', { name: 'Impressum der Plattform speichern' }).click();
	await expect(page.getByRole('status')).toBeVisible();
	await checkPage(page);

	// The change belongs to no municipality: the install's own audit log has it, filtered to its kind as well.
	await visit('/admin');
	await page.getByRole('link', { name: 'Protokoll der Plattform lesen' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Protokoll der Plattform' })).toBeVisible();
	await checkPage(page);
	await page.getByLabel('Art').selectOption({ label: 'Rechtliche Seite der Installation' });
	await page.getByRole('button', { name: 'Anzeigen', exact: true }).click();
	await expect(page).toHaveURL(/\/admin\/audit\?type=platform_legal_page/);
	await expect(page.locator('.audit-list > li').first()).toContainText('Rechtliche Seite der Installation');
	await page.locator('.audit-list > li').first().getByText('Änderung anzeigen').click();
	await expect(page.locator('.audit-list > li').first()).toContainText('Verein Offene Kommune e. V. (Demo)');
	await checkPage(page);

	await visit('/');
	await page.getByRole('contentinfo').getByRole('link', { name: 'Impressum' }).click();
	await expect(page).toHaveURL(/\/imprint$/);
	await expect(page.getByRole('heading', { level: 1, name: 'Impressum der Plattform' })).toBeVisible();
	await expect(page.getByText('Verein Offene Kommune e. V. (Demo)')).toBeVisible();
	expect(await page.locator('main script').count()).toBe(0);
	await checkPage(page);
});
