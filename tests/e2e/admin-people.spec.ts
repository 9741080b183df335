import { checkPage, expect, signIn, test } from './fixtures';

test('an admin grants and revokes a role, and bad input is answered with a 400', async ({ page }) => {
	await signIn(page, 'admin@muenster.example.org', 'demo-admin-muenster');
	await page.goto('/admin/muenster/people');
	await checkPage(page);

	await page.getByLabel('E-Mail-Adresse').fill('teilnahme@example.org');
	await page.getByLabel('Rolle', { exact: true }).selectOption('moderator');
	await page.getByRole('button', { name: 'Rolle vergeben' }).click();
	await expect(page.getByRole('status')).toHaveText('Gespeichert.');
	const roles = page.getByRole('list', { name: 'Rollen von Sam Probe (Demo-Teilnahme)' });
	await expect(roles).toContainText('Moderation');
	await checkPage(page);

	await roles.getByRole('button', { name: 'Moderation entziehen (Sam Probe (Demo-Teilnahme))' }).click();
	await expect(roles).not.toContainText('Moderation');

	await page.getByLabel('E-Mail-Adresse').fill('keine-adresse');
	const [response] = await Promise.all([
		page.waitForResponse((r) => r.request().method() === 'POST'),
		page.getByRole('button', { name: 'Rolle vergeben' }).click()
	]);
	expect(response.status()).toBe(400);
	await expect(page.locator('.field-error').getByText('Bitte geben Sie eine gültige E-Mail-Adresse ein.')).toBeVisible();
	await checkPage(page);

	await page.goto('/admin/muenster/audit');
	await checkPage(page);
	await expect(page.getByRole('main')).toContainText('role');
});
