import { checkPage, expect, test } from './fixtures';

test.use({ javaScriptEnabled: false });

test('reading works without JavaScript', async ({ page, visit }) => {
	await visit('/');
	await page.getByRole('link', { name: 'Münster' }).click();
	await page.getByRole('link', { name: 'Leitbild Migration und Integration', exact: true }).click();
	await page.getByRole('link', { name: '4. Auflage' }).click();
	await checkPage(page, { javaScript: false });
	await expect(page.getByRole('heading', { level: 3, name: /Interkulturelle Öffnung/ })).toBeVisible();
});

test('signing in and out works without JavaScript', async ({ page }) => {
	await page.goto('/sign-in');
	await page.getByLabel('E-Mail-Adresse').fill('admin@muenster.example.org');
	await page.getByLabel('Passwort', { exact: true }).fill('demo-admin-muenster');
	await page.getByRole('button', { name: 'Anmelden' }).click();
	await expect(page.getByRole('button', { name: /Abmelden/ })).toBeVisible();
	await page.getByRole('button', { name: /Abmelden/ }).click();
	await expect(page.getByRole('link', { name: 'Anmelden' })).toBeVisible();
});
