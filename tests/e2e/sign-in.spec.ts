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

test('signing in from a back-office link returns there, but never to another site', async ({ page }) => {
	await page.goto('/admin/muenster');
	await expect(page).toHaveURL(/\/sign-in\?next=%2Fadmin%2Fmuenster$/);
	await page.getByLabel('E-Mail-Adresse').fill('admin@muenster.example.org');
	await page.getByLabel('Passwort', { exact: true }).fill('demo-admin-muenster');
	await page.getByRole('button', { name: 'Anmelden' }).click();
	await expect(page).toHaveURL('/admin/muenster');
	await checkPage(page);

	await page.goto('/sign-in?next=//evil.example.org/');
	await expect(page).toHaveURL('/');
});
