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

	// The audit log names the kind of entry in the reader's language and narrows to one kind, one action, one item.
	await page.goto('/admin/muenster/audit');
	await checkPage(page);
	await page.getByLabel('Art', { exact: true }).selectOption({ label: 'Rolle' });
	await page.getByLabel('Handlung', { exact: true }).selectOption({ label: 'Gelöscht' });
	await page.getByRole('button', { name: 'Anzeigen' }).click();
	await expect(page).toHaveURL(/\/admin\/muenster\/audit\?type=role&action=delete$/);
	const revoked = page.locator('.audit-list > li').first();
	await expect(revoked).toContainText('Gelöscht: Rolle');
	await revoked.getByText('Änderung anzeigen').click();
	await expect(revoked.getByRole('row', { name: /role/ })).toHaveText(/^\s*role\s*moderator\s*$/);
	await checkPage(page);
	await revoked.getByRole('link', { name: 'Verlauf dieses Eintrags' }).click();
	await expect(page).toHaveURL(/\/admin\/muenster\/audit\?entity=[0-9a-f-]{36}$/);
	await expect(page.locator('.audit-list > li').first()).toContainText('Gelöscht: Rolle');
	await expect(page.locator('.audit-list > li').nth(1)).toContainText('Angelegt: Rolle');
	await checkPage(page);

	const unknownKind = await page.goto('/admin/muenster/audit?type=passwort');
	expect(unknownKind?.status()).toBe(400);
	await expect(page.getByRole('main')).toContainText('Diese Auswahl gibt es im Protokoll nicht.');
	await checkPage(page);
});
