import { checkPage, expect, test } from './fixtures';

test('a wrong password gets a 400 with a localised message and the e-mail kept', async ({ page }) => {
	await page.goto('/sign-in');
	await page.getByLabel('E-Mail-Adresse').fill('admin@muenster.example.org');
	await page.getByLabel('Passwort', { exact: true }).fill('falsch-falsch-falsch');
	const [response] = await Promise.all([
		page.waitForResponse((r) => r.request().method() === 'POST'),
		page.getByRole('button', { name: 'Anmelden' }).click()
	]);
	expect(response.status()).toBe(400);
	await expect(page.getByRole('alert')).toHaveText('E-Mail-Adresse oder Passwort stimmen nicht.');
	await expect(page.getByLabel('E-Mail-Adresse')).toHaveValue('admin@muenster.example.org');
	await checkPage(page);
});

test('the sixth wrong password for one account from one address gets 429 with a localised message', async ({ request, baseURL }) => {
	// The limiter counts in the shared e2e server's database: an account no other spec signs in with
	// keeps the demo accounts usable for everyone else.
	const attempt = () =>
		request.post('/sign-in', {
			form: { email: 'niemand-ratenlimit@example.org', password: 'falsch-falsch-falsch' },
			headers: { Origin: new URL(baseURL!).origin, Accept: 'text/html' },
			maxRedirects: 0
		});
	for (let i = 1; i <= 5; i++) expect((await attempt()).status(), `attempt ${i}`).toBe(400);
	const sixth = await attempt();
	expect(sixth.status()).toBe(429);
	// The sign-in lock lasts fifteen minutes, so the wait is named in minutes.
	expect(await sixth.text()).toMatch(/Zu viele Versuche in kurzer Zeit\. .*Bitte versuchen Sie es in \d+ Minuten erneut\./);
});

test('the back office sends a visitor to sign in and then back to the page they asked for', async ({ page }) => {
	await page.goto('/admin/muenster/audit');
	await expect(page).toHaveURL(/\/sign-in\?next=%2Fadmin%2Fmuenster%2Faudit$/);
	await page.getByLabel('E-Mail-Adresse').fill('admin@muenster.example.org');
	await page.getByLabel('Passwort', { exact: true }).fill('demo-admin-muenster');
	await page.getByRole('button', { name: 'Anmelden' }).click();
	await expect(page).toHaveURL(/\/admin\/muenster\/audit$/);
	await checkPage(page);
});

test('signing in never sends anyone on to another site', async ({ request, baseURL }) => {
	const origin = new URL(baseURL!).origin;
	const signedIn = await request.post(`/sign-in?next=${encodeURIComponent('//angreifer.example/admin')}`, {
		form: { email: 'admin@greven.example.org', password: 'demo-admin-greven' },
		headers: { Origin: origin, Accept: 'text/html' },
		maxRedirects: 0
	});
	expect(signedIn.status()).toBe(303);
	expect(signedIn.headers()['location']).toBe('/');
	// Signed in, the sign-in page forwards at once, through the same check.
	for (const next of ['https://angreifer.example/', '/\\angreifer.example', '/\t/angreifer.example', '/.//angreifer.example']) {
		const response = await request.get(`/sign-in?next=${encodeURIComponent(next)}`, { maxRedirects: 0 });
		expect(response.headers()['location'], next).toBe('/');
	}
	const home = await request.get(`/sign-in?next=${encodeURIComponent('/en/admin/greven')}`, { maxRedirects: 0 });
	expect(home.headers()['location']).toBe('/en/admin/greven');
});
