import { parseFeed } from '@rowanmanning/feed-parser';
import { checkPage, expect, signIn, test } from './fixtures';

test('an editor publishes an article with inline hashtags; the tag page, the Atom feed and the municipality page show it', async ({ browser, visit, page, request }) => {
	const title = `Sprachcafé am Hafen ${Date.now()}`;
	const context = await browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin' });
	const editor = await context.newPage();
	await signIn(editor, 'redaktion@muenster.example.org', 'demo-editor-muenster');
	await editor.goto('/admin/muenster/news');
	await checkPage(editor);
	await editor.getByRole('link', { name: 'Neue Meldung' }).click();
	await checkPage(editor);

	await editor.getByLabel('Titel').fill(title);
	await editor.getByLabel('Vorspann').fill('Jeden Donnerstag Deutsch üben bei Tee und Simit.');
	await editor.getByLabel('Text', { exact: true }).fill('Das neue Sprachcafé in #Münster lädt ein – auch auf Türkisch: #Göç. Punkt #1 bleibt eine Zahl.');
	await editor.getByLabel('Ort', { exact: true }).fill('Münster');
	await editor.getByRole('button', { name: 'Veröffentlichen' }).click();
	await expect(editor.getByText('Veröffentlicht', { exact: true })).toBeVisible();
	await checkPage(editor);
	await expect(editor.getByRole('region', { name: 'Versionen' }).getByText(/Version 1, gespeichert von Mika Feder/)).toBeVisible();
	await context.close();

	await visit('/muenster');
	await expect(page.getByRole('region', { name: 'Aktuelle Meldungen' }).getByRole('link', { name: title })).toBeVisible();
	await page.getByRole('region', { name: 'Aktuelle Meldungen' }).getByRole('link', { name: title }).click();
	await checkPage(page);
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	await expect(page.locator('link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute('href', '/muenster/news/feed.xml');
	const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
	expect(jsonLd).toMatchObject({ '@type': 'NewsArticle', headline: title, publisher: { name: 'Münster' }, keywords: 'Göç, Münster' });
	for (const property of ['headline', 'datePublished', 'dateModified', 'author', 'publisher', 'mainEntityOfPage']) expect(jsonLd).toHaveProperty(property);
	expect(new URL(jsonLd.url).pathname).toBe(new URL(page.url()).pathname);
	await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', title);
	await expect(page.locator('.prose')).toContainText('Punkt #1 bleibt eine Zahl.');

	await page.locator('.prose').getByRole('link', { name: '#Göç' }).click();
	await checkPage(page);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Meldungen zum Hashtag #Göç');
	await expect(page.getByRole('link', { name: title })).toBeVisible();

	const feed = await request.get('/muenster/news/feed.xml');
	expect(feed.headers()['content-type']).toContain('application/atom+xml');
	const parsed = parseFeed(await feed.text());
	expect(parsed.items[0].title).toBe(title);
	expect((await request.get(`/muenster/tags/${encodeURIComponent('göç')}/feed.xml`)).status()).toBe(200);
	expect((await request.get('/regions/muensterland/news/feed.xml')).status()).toBe(200);
});

test('news pages read without JavaScript: list, older pages, an article of the demo with its contact box and its tag page', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false, locale: 'de-DE' });
	const page = await context.newPage();
	await page.goto('/muenster/news');
	await checkPage(page, { javaScript: false });
	await page.getByRole('link', { name: 'Abschlussveranstaltung im Historischen Rathaus' }).click();
	await checkPage(page, { javaScript: false });
	await expect(page.locator('.place-line')).toHaveText('Münster, 24. Januar 2025');
	// The article names whom to ask: numbers as tel: links, the office as a vCard.
	const contact = page.getByRole('complementary', { name: 'Kontakt' });
	await expect(contact.locator('a[href^="tel:+49"]').first()).toBeVisible();
	await expect(contact.getByRole('link', { name: 'Kontakt ins Adressbuch übernehmen (vCard)' })).toHaveAttribute('href', /^\/muenster\/contacts\/[0-9a-f-]{36}\.vcf$/);
	// The report belongs to the 4th edition and to the closing event, whose page links back to it.
	await expect(page.getByRole('link', { name: /Migration und Integration – 4\. Auflage/ })).toBeVisible();
	const eventLink = page.getByRole('region', { name: 'Veranstaltungen zu dieser Meldung' }).getByRole('link', { name: /^Abschlussveranstaltung/ });
	await expect(page.getByRole('region', { name: 'Veranstaltungen zu dieser Meldung' })).toContainText('(Freitag, 24. Januar 2025, 18:00–21:00 Uhr)');
	const articleUrl = page.url();
	await eventLink.click();
	await checkPage(page, { javaScript: false });
	await expect(page.getByRole('region', { name: 'Meldungen zu dieser Veranstaltung' }).getByRole('link', { name: 'Abschlussveranstaltung im Historischen Rathaus' })).toBeVisible();
	await page.goto(articleUrl);
	await page.locator('.prose').getByRole('link', { name: '#Leitbild' }).click();
	await checkPage(page, { javaScript: false });
	await expect(page.getByRole('link', { name: 'Entwurf des Leitbilds veröffentlicht' })).toBeVisible();
	await context.close();
});

test('news pages are accessible in English too', async ({ visit, page }) => {
	await visit('/en/muenster/news');
	await visit('/en/muenster/news/rat-beschliesst-leitbild');
	// The demo translates title and lead; the body is German only, marked so, and the page says so.
	await expect(page.getByRole('heading', { level: 1 })).toHaveAttribute('lang', 'en');
	await expect(page.locator('.prose').first()).toHaveAttribute('lang', 'de');
	await expect(page.locator('.content-language-note')).toContainText('only available in German');
	await expect(page.locator('.content-language-note').getByRole('link', { name: 'العربية' })).toHaveAttribute('href', '/ar/muenster/news/rat-beschliesst-leitbild');
	await visit(`/en/muenster/tags/${encodeURIComponent('göç')}`);
});

test('participants and admins of another municipality cannot open the news back office', async ({ browser }) => {
	for (const [email, password] of [
		['teilnahme@example.org', 'demo-participant'],
		['admin@greven.example.org', 'demo-admin-greven']
	]) {
		const context = await browser.newContext({ locale: 'de-DE' });
		const page = await context.newPage();
		await signIn(page, email, password);
		expect((await page.goto('/admin/muenster/news/new'))?.status()).toBe(403);
		await context.close();
	}
});
