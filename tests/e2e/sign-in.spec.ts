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
	// The limiter lives in the shared e2e server's memory: an address no other spec signs in with
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
	expect(await sixth.text()).toMatch(/Zu viele Versuche\. Bitte warten Sie \d+ Sekunden\./);
});
