import { checkPage, expect, test } from './fixtures';

test('a visitor finds the 4th edition of Münster’s strategy from the start page', async ({ page, visit }) => {
	await visit('/');
	// A click before hydration is a full navigation: wait for it, or axe scans a page that is going away.
	await page.getByRole('link', { name: 'Münster' }).click();
	await page.waitForURL('/muenster');
	await checkPage(page);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Münster');
	await expect(page.getByRole('note')).toContainText('Demo-Inhalt');
	await expect(page.getByRole('complementary', { name: 'Kontakt' })).toContainText('stadtverwaltung@muenster.example.org');
	// The town's next three events, the nearest first (Greven's are not among them), and the way to the calendar.
	const coming = page.getByRole('region', { name: 'Kommende Veranstaltungen' });
	await expect(coming.getByRole('heading', { level: 3 })).toHaveText([
		'Begleitgruppe Umsetzung: Treffen zum Jahresbericht',
		'Werkstatt: Mehrsprachige Elternabende',
		'Sprechstunde: Anerkennung ausländischer Berufsabschlüsse'
	]);
	await expect(coming.getByRole('link', { name: 'Alle Veranstaltungen' })).toHaveAttribute('href', '/muenster/events');

	await page.getByRole('link', { name: 'Leitbild Migration und Integration', exact: true }).click();
	await page.waitForURL('/muenster/strategies/migration-und-integration');
	await checkPage(page);
	await expect(page.getByRole('heading', { level: 3 })).toHaveText(['4. Auflage', '3. Auflage', '2. Auflage', '1. Auflage']);

	await page.getByRole('link', { name: '4. Auflage' }).click();
	await page.waitForURL('/muenster/strategies/migration-und-integration/editions/4');
	await checkPage(page);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Leitbild Migration und Integration: 4. Auflage');
	await expect(page.getByText('Zeitraum 2025–2030')).toBeVisible();
	const timeline = page.getByRole('region', { name: 'Zeitleiste' });
	await expect(timeline.locator('[aria-current="step"]')).toContainText('Umsetzung');
	await expect(timeline).toContainText('26. Februar 2025');
	await expect(page.getByRole('heading', { level: 3, name: /Wirtschaft und Arbeit/ })).toBeVisible();
	await expect(page.locator('#goal-3\\.1')).toContainText('Anteil der Beschäftigten');
	await expect(page.getByRole('complementary', { name: 'Ansprechstelle' })).toContainText('Integrationszentrum');
});

test('the language switcher keeps the page and English is complete', async ({ page, visit }) => {
	await visit('/muenster/strategies/migration-und-integration/editions/4');
	// The edition's summary offers its translations too; the switcher is the navigation.
	await page.getByRole('navigation', { name: 'Sprache' }).getByRole('link', { name: 'English' }).click();
	await page.waitForURL('/en/muenster/strategies/migration-und-integration/editions/4');
	await checkPage(page);
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Leitbild Migration und Integration: Edition 4');
	await expect(page.getByRole('region', { name: 'Timeline' })).toContainText('February 26, 2025');
	await page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: 'Deutsch' }).click();
	await expect(page).toHaveURL('/muenster/strategies/migration-und-integration/editions/4');
});

test('unknown municipalities, strategies and editions get a localised 404', async ({ page }) => {
	for (const [path, text] of [
		['/atlantis', 'Diese Kommune gibt es hier nicht.'],
		['/muenster/strategies/unbekannt', 'Dieses Leitbild gibt es hier nicht.'],
		['/muenster/strategies/migration-und-integration/editions/9', 'Diese Auflage gibt es nicht.'],
		['/en/atlantis', 'There is no such municipality here.']
	]) {
		const response = await page.goto(path);
		expect(response?.status(), path).toBe(404);
		await expect(page.getByRole('main')).toContainText(text);
		await checkPage(page);
	}
});

test('public pages fit a 360 px wide phone without sideways scrolling', async ({ page, visit }) => {
	await page.setViewportSize({ width: 360, height: 740 });
	for (const path of ['/', '/muenster', '/muenster/strategies/migration-und-integration/editions/4', '/sign-in']) {
		await visit(path);
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
		expect(overflow, path).toBeLessThanOrEqual(0);
	}
});

test('the health check reports the database', async ({ request }) => {
	const response = await request.get('/healthz');
	expect(response.status()).toBe(200);
	expect(await response.json()).toEqual({ status: 'ok', db: 'ok' });
});

test('every response carries the security headers', async ({ request }) => {
	const response = await request.get('/muenster');
	const headers = response.headers();
	expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
	expect(headers['content-security-policy']).not.toMatch(/script-src[^;]*unsafe-inline/);
	expect(headers['x-content-type-options']).toBe('nosniff');
	expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
});
