import { axeViolations, cspWeaknesses, expect, test } from './fixtures';

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

// Each colour string is parsed once a page (parseEachColourOnce): a colour seen again must give the same verdict.
test('the contrast check judges each text by its own colours when the page repeats them', async ({ page }) => {
	await page.setContent(`<!doctype html><html lang="de"><head><title>Prüfseite</title></head><body><main>
		<h1>Prüfseite</h1>
		<p id="pale" style="color:#bbb;background:#fff">Kaum lesbar</p>
		<p id="dark" style="color:#222;background:#fff">Gut lesbar</p>
		<p id="pale-again" style="color:#bbb;background:#fff">Wieder kaum lesbar</p>
		<p id="pale-on-dark" style="color:#bbb;background:#222">Hell auf dunkel</p>
		<p id="dark-on-dark" style="color:#444;background:#222">Dunkel auf dunkel</p>
	</main></body></html>`);
	const contrast = (await axeViolations(page)).find((violation) => violation.id === 'color-contrast');
	expect(contrast?.targets.sort()).toEqual(['#dark-on-dark', '#pale', '#pale-again']);
});

test('the policy check refuses inline scripts, foreign script hosts, plugins and framing', () => {
	const ours = "default-src 'self'; script-src 'self' 'sha256-abc+/='; object-src 'none'; frame-ancestors 'none'; base-uri 'self'";
	expect(cspWeaknesses(ours)).toEqual([]);
	expect(cspWeaknesses(undefined)).toEqual(['no Content-Security-Policy header']);
	expect(cspWeaknesses(ours.replace("script-src 'self'", "script-src 'self' 'unsafe-inline' https://cdn.example.com"))).toEqual([
		"script-src allows 'unsafe-inline'",
		'script-src allows https://cdn.example.com'
	]);
	expect(cspWeaknesses("default-src *; script-src 'self'; base-uri 'self'")).toEqual([
		'default-src wider than self',
		"object-src is not 'none'",
		"frame-ancestors is not 'none'"
	]);
});
