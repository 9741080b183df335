import { checkPage, expect, signIn, test } from './fixtures';
import { linkMailedTo } from './outbox';

// On a phone and without JavaScript: whoever forgot a password is often away from their desk.
test.use({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });

test('a resident who forgot the password sets a new one through the mailed link, and later changes it on the account page', async ({ page }) => {
	const email = `passwort-${Date.now()}@example.org`;
	const firstPassword = 'das vergessene passwort';
	const secondPassword = 'ein neues langes passwort';
	const thirdPassword = 'und noch ein neues passwort';
	await page.goto('/register');
	await page.getByLabel('Anzeigename').fill('Pia');
	await page.getByLabel('E-Mail-Adresse').fill(email);
	await page.getByLabel('Passwort', { exact: true }).fill(firstPassword);
	await page.getByLabel(/Datenschutzhinweis gelesen/).check();
	await page.getByRole('button', { name: 'Konto anlegen' }).click();
	await expect(page.getByRole('status')).toContainText(email);

	await page.goto('/sign-in');
	await page.getByRole('link', { name: 'Passwort vergessen?' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Passwort vergessen');
	await checkPage(page, { javaScript: false });
	await page.getByLabel('E-Mail-Adresse').fill(email);
	await page.getByRole('button', { name: 'Link anfordern' }).click();
	await expect(page.getByRole('status')).toContainText(`Wenn es zu ${email} ein Konto gibt`);
	await checkPage(page, { javaScript: false });

	const resetPath = await linkMailedTo(page, email, /https?:\/\/\S+\/password-reset\?token=\w+/, { javaScript: false });
	await page.goto(resetPath);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Neues Passwort festlegen');
	await checkPage(page, { javaScript: false });
	await page.getByLabel('Neues Passwort', { exact: true }).fill(secondPassword);
	await page.getByLabel('Neues Passwort wiederholen').fill(`${secondPassword}!`);
	const [mismatch] = await Promise.all([
		page.waitForResponse((response) => response.request().method() === 'POST'),
		page.getByRole('button', { name: 'Neues Passwort speichern' }).click()
	]);
	expect(mismatch.status()).toBe(400);
	await expect(page.getByRole('alert')).toContainText('Die beiden neuen Passwörter stimmen nicht überein.');
	await checkPage(page, { javaScript: false });
	// Passwords are never sent back into the form.
	await expect(page.getByLabel('Neues Passwort', { exact: true })).toHaveValue('');
	await page.getByLabel('Neues Passwort', { exact: true }).fill(secondPassword);
	await page.getByLabel('Neues Passwort wiederholen').fill(secondPassword);
	await page.getByRole('button', { name: 'Neues Passwort speichern' }).click();
	await expect(page.getByRole('status')).toContainText('Ihr neues Passwort ist gespeichert.');
	await checkPage(page, { javaScript: false });

	// The link works once; opened again it says so at once and offers to ask for a new one.
	await page.goto(resetPath);
	await expect(page.getByLabel('Neues Passwort', { exact: true })).toHaveCount(0);
	await expect(page.getByRole('alert')).toContainText('Dieser Link ist ungültig, schon benutzt oder abgelaufen.');
	await expect(page.getByRole('heading', { level: 2, name: 'Einen neuen Link anfordern' })).toBeVisible();
	await checkPage(page, { javaScript: false });

	// The link proved the address, so the new password signs in although the account was never confirmed.
	await signIn(page, email, secondPassword);
	await page.goto('/account');
	await page.getByLabel('Bisheriges Passwort').fill('nicht das richtige');
	await page.getByLabel('Neues Passwort', { exact: true }).fill(thirdPassword);
	await page.getByLabel('Neues Passwort wiederholen').fill(thirdPassword);
	await page.getByRole('button', { name: 'Passwort ändern' }).click();
	await expect(page.getByRole('alert')).toHaveText('Das Passwort stimmt nicht.');
	await checkPage(page, { javaScript: false });
	await page.getByLabel('Bisheriges Passwort').fill(secondPassword);
	await page.getByLabel('Neues Passwort', { exact: true }).fill(thirdPassword);
	await page.getByLabel('Neues Passwort wiederholen').fill(thirdPassword);
	await page.getByRole('button', { name: 'Passwort ändern' }).click();
	await expect(page.getByRole('status')).toHaveText('Ihr Passwort ist geändert. Auf anderen Geräten sind Sie jetzt abgemeldet.');
	await expect(page.getByText('Sie sind zurzeit auf 1 Gerät(en) angemeldet')).toBeVisible();
	await checkPage(page, { javaScript: false });

	await page.getByRole('button', { name: /Abmelden/ }).click();
	await signIn(page, email, thirdPassword);
	await expect(page.getByRole('link', { name: 'Mein Konto' })).toBeVisible();
});

test('on the demo, the demo accounts keep the passwords the sign-in page lists', async ({ page }) => {
	await page.goto('/password-reset');
	await page.getByLabel('E-Mail-Adresse').fill('teilnahme@example.org');
	await page.getByRole('button', { name: 'Link anfordern' }).click();
	await expect(page.getByRole('alert')).toContainText('Demo-Konten behalten ihr Passwort');
	await checkPage(page, { javaScript: false });
});
