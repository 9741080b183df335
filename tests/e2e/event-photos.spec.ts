import type { Browser, Page } from '@playwright/test';
import sharp from 'sharp';
import { checkPage, expect, signIn, test } from './fixtures';

async function facilitatorAt(browser: Browser, javaScript: boolean): Promise<Page> {
	const context = await browser.newContext({ javaScriptEnabled: javaScript, locale: 'de-DE', timezoneId: 'Europe/Berlin' });
	const page = await context.newPage();
	await signIn(page, 'moderation@muenster.example.org', 'demo-facilitator-muenster');
	return page;
}

/** A photo as a phone would take it: with the camera owner and a GPS position in its EXIF. */
const phonePhoto = () =>
	sharp({ create: { width: 2400, height: 1600, channels: 3, background: { r: 200, g: 90, b: 40 } } })
		.jpeg()
		.withExif({ IFD0: { Artist: 'Handy von Erika Geheim' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 57/1 42/1' } })
		.toBuffer();

const stories = [
	{ javaScript: true, title: 'Workshop Wirtschaft und Arbeit', alt: 'Teilnehmende sortieren Karten an einer Pinnwand' },
	{ javaScript: false, title: 'Workshop Politische Teilhabe und Engagement', alt: 'Eine Gruppe diskutiert an einem runden Tisch' }
];

for (const story of stories) {
	test(`a facilitator publishes a photo after an event, stripped of camera data, and removes it again (JavaScript ${story.javaScript ? 'on' : 'off'})`, async ({ browser, page }) => {
		const facilitator = await facilitatorAt(browser, story.javaScript);
		await facilitator.goto('/admin/muenster/events');
		await facilitator.getByRole('link', { name: story.title }).click();
		await expect(facilitator.getByRole('heading', { level: 1, name: story.title })).toBeVisible();
		await checkPage(facilitator, { javaScript: story.javaScript });
		const eventPath = new URL(facilitator.url()).pathname.replace('/admin', '');
		const photos = facilitator.getByRole('region', { name: 'Fotos' });

		// A text file that calls itself a JPEG is refused, and what was typed stays.
		await photos.getByLabel('Foto', { exact: true }).setInputFiles({ name: 'foto.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('Nur Text, kein Bild.') });
		await photos.getByLabel('Bildbeschreibung (Alternativtext)').fill(story.alt);
		await photos.getByLabel('Lizenz').selectOption({ label: 'CC BY 4.0' });
		await photos.getByRole('button', { name: 'Foto veröffentlichen' }).click();
		await expect(facilitator.getByText('Diese Datei ist kein Foto im Format JPEG, PNG oder WebP.')).toBeVisible();
		await expect(facilitator.getByRole('region', { name: 'Fotos' }).getByLabel('Bildbeschreibung (Alternativtext)')).toHaveValue(story.alt);
		await checkPage(facilitator, { javaScript: story.javaScript });

		const again = facilitator.getByRole('region', { name: 'Fotos' });
		await again.getByLabel('Foto', { exact: true }).setInputFiles({ name: 'werkstatt.jpg', mimeType: 'image/jpeg', buffer: await phonePhoto() });
		await again.getByLabel('Bildbeschreibung (Alternativtext)').fill(story.alt);
		await again.getByLabel('Bildunterschrift (freiwillig)').fill('Ergebnisse der Kleingruppen');
		await again.getByLabel('Fotonachweis (freiwillig)').fill('Amt für Integration');
		await again.getByLabel('Lizenz').selectOption({ label: 'CC BY 4.0' });
		await again.getByRole('button', { name: 'Foto veröffentlichen' }).click();
		await expect(facilitator.getByText(/Das Foto ist veröffentlicht/)).toBeVisible();
		await checkPage(facilitator, { javaScript: story.javaScript });

		await page.goto(eventPath);
		await checkPage(page);
		const gallery = page.getByRole('region', { name: 'Fotos' });
		const image = gallery.getByRole('img', { name: story.alt });
		await expect(image).toBeVisible();
		await expect(gallery).toContainText('Ergebnisse der Kleingruppen');
		await expect(gallery).toContainText('Foto: Amt für Integration · CC BY 4.0');
		for (const source of [await image.getAttribute('src'), await gallery.getByRole('link').first().getAttribute('href')]) {
			const response = await page.request.get(source!);
			expect(response.status()).toBe(200);
			expect(response.headers()['content-type']).toBe('image/webp');
			expect(response.headers()['x-content-type-options']).toBe('nosniff');
			expect(response.headers()['cache-control']).toContain('immutable');
			const body = await response.body();
			expect((await sharp(body).metadata()).exif).toBeUndefined();
			expect(body.includes('Erika Geheim')).toBe(false);
		}
		const large = await sharp(await (await page.request.get((await gallery.getByRole('link').first().getAttribute('href'))!)).body()).metadata();
		expect(large.width).toBe(1600);
		// The same file name under another event is nothing.
		const otherEvent = (await image.getAttribute('src'))!.replace(/events\/[^/]+\//, 'events/00000000-0000-4000-8000-000000000000/');
		expect((await page.request.get(otherEvent)).status()).toBe(404);

		await facilitator.reload();
		await facilitator.getByRole('button', { name: new RegExp(`^Foto entfernen.*${story.alt}`) }).click();
		await expect(facilitator.getByText('Das Foto ist entfernt.')).toBeVisible();
		await checkPage(facilitator, { javaScript: story.javaScript });
		expect((await page.request.get((await image.getAttribute('src'))!)).status()).toBe(404);
		await page.reload();
		await expect(page.getByRole('region', { name: 'Fotos' })).toHaveCount(0);
		await facilitator.context().close();
	});
}
