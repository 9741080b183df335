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
