import { axeViolations, expect, test } from './fixtures';

// The scan every other spec relies on must report what it is meant to find.
test('the accessibility scan reports a missing alternative text, an unlabelled field and poor contrast', async ({ page }) => {
	await page.setContent(`<!doctype html><html lang="de"><head><title>Prüfseite</title></head><body><main>
		<h1>Prüfseite</h1>
		<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
		<input type="text">
		<p style="color:#bbb;background:#fff">Kaum lesbar</p>
	</main></body></html>`);
	const found = (await axeViolations(page)).map((violation) => violation.id);
	expect(found).toEqual(expect.arrayContaining(['image-alt', 'label', 'color-contrast']));
});
