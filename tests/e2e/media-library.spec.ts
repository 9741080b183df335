import sharp from 'sharp';
import { checkPage, expect, signIn, test } from './fixtures';

test('an editor uploads an image, publishes an article with an inline hashtag and the image as lead image; the article shows the credited picture, and the tag page, the feed and the municipality page list it', async ({ page, request }) => {
	const stamp = Date.now();
	const alt = `Bunte Stühle im Ratssaal ${stamp}`;
	const title = `Stühle für alle ${stamp}`;
	await signIn(page, 'redaktion@muenster.example.org', 'demo-editor-muenster');
	await page.goto('/admin/muenster/media');
	await checkPage(page);

	// A text file named like a photo is refused by its content, and what was typed stays in the form.
	await page.getByLabel('Bilddatei').setInputFiles({ name: 'foto.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('Ich bin kein Bild.') });
	await page.getByLabel('Bildbeschreibung (Alternativtext)').first().fill(alt);
	await page.getByLabel('Bildunterschrift (optional)').first().fill('Neue Stühle für die Ratssitzungen');
	await page.getByLabel('Bildnachweis').first().fill('Foto: Lena Beispiel, Amt für Integration');
	await page.getByLabel('Lizenz').first().selectOption('cc-by-4.0');
	await page.getByRole('button', { name: 'Bild hochladen' }).click();
	await expect(page.getByText('Diese Datei ist kein Bild im Format JPEG, PNG oder WebP.')).toBeVisible();
	await expect(page.getByLabel('Bildbeschreibung (Alternativtext)').first()).toHaveValue(alt);

	const jpeg = await sharp({ create: { width: 1800, height: 1200, channels: 3, background: { r: 230, g: 120, b: 40 } } })
		.jpeg()
		.toBuffer();
	await page.getByLabel('Bilddatei').setInputFiles({ name: 'stuehle.jpg', mimeType: 'image/jpeg', buffer: jpeg });
	await page.getByRole('button', { name: 'Bild hochladen' }).click();
	await expect(page.getByText('Das Bild ist in der Mediathek.', { exact: false })).toBeVisible();
	await expect(page.getByRole('img', { name: alt })).toBeVisible();
	await checkPage(page);

	await page.goto('/admin/muenster/news/new');
	await page.getByLabel('Titel').fill(title);
	await page.getByLabel('Vorspann').fill('Der Ratssaal bekommt neue Stühle.');
	await page.getByLabel('Text', { exact: true }).fill('Zur nächsten Sitzung gilt eine neue #Sitzordnung für alle Gäste.');
	await page.getByRole('button', { name: 'Veröffentlichen' }).click();
	await expect(page.getByText('Veröffentlicht', { exact: true })).toBeVisible();
	await page.getByLabel('Bild aus der Mediathek').selectOption({ label: `${alt} – Foto: Lena Beispiel, Amt für Integration` });
	await page.getByRole('button', { name: 'Aufmacherbild speichern' }).click();
	await expect(page.getByLabel('Bild aus der Mediathek')).toHaveValue(/[0-9a-f-]{36}/);
	await checkPage(page);

	await page.getByRole('link', { name: 'Öffentliche Seite ansehen' }).click();
	await checkPage(page);
	const figure = page.locator('article figure');
	await expect(figure.getByRole('img', { name: alt })).toBeVisible();
	await expect(figure.locator('figcaption')).toContainText('Neue Stühle für die Ratssitzungen');
	await expect(figure).toContainText('Foto: Lena Beispiel, Amt für Integration');
	await expect(figure.getByRole('link', { name: 'CC BY 4.0' })).toHaveAttribute('href', 'https://creativecommons.org/licenses/by/4.0/deed.de');
	expect(await figure.locator('source[type="image/avif"]').getAttribute('srcset')).toMatch(/-480\.avif 480w, .*-960\.avif 960w, .*-1600\.avif 1600w$/);
	const ogImage = await page.locator('meta[property="og:image"]').getAttribute('content');
	await expect(page.locator('meta[property="og:image:alt"]')).toHaveAttribute('content', alt);
	const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
	expect(jsonLd.image?.[0]).toMatchObject({ '@type': 'ImageObject', url: ogImage, width: 1600 });

	const file = await request.get(new URL(ogImage!).pathname);
	expect(file.status()).toBe(200);
	expect(file.headers()['content-type']).toBe('image/jpeg');
	expect(file.headers()['cache-control']).toContain('immutable');
	expect((await sharp(await file.body()).metadata()).width).toBe(1600);

	await page.locator('.prose').getByRole('link', { name: '#Sitzordnung' }).click();
	await checkPage(page);
	await expect(page.getByRole('link', { name: title })).toBeVisible();
	expect(await (await request.get('/muenster/news/feed.xml')).text()).toContain(title);
	await page.goto('/muenster');
	await expect(page.getByRole('region', { name: 'Aktuelle Meldungen' }).getByRole('link', { name: title })).toBeVisible();
});
