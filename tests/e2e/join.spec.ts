import type { Page } from '@playwright/test';
import { checkPage, expect, signIn, test } from './fixtures';
import { linkMailedTo } from './outbox';

const password = 'mein sicheres passwort';

async function register(page: Page, { name, email, javaScript }: { name: string; email: string; javaScript: boolean }) {
	await page.goto('/');
	await page.getByRole('link', { name: 'Registrieren' }).click();
	await checkPage(page, { javaScript });
	await page.getByLabel('Anzeigename').fill(name);
	await page.getByLabel('E-Mail-Adresse').fill(email);
	await page.getByLabel('Passwort', { exact: true }).fill(password);
	await page.getByLabel(/Datenschutzhinweis gelesen/).check();
	await page.getByRole('button', { name: 'Konto anlegen' }).click();
	await expect(page.getByRole('status')).toContainText(`E-Mail an ${email} geschickt`);
	await checkPage(page, { javaScript });
}

const verificationPathFromOutbox = (page: Page, email: string, javaScript: boolean) =>
	linkMailedTo(page, email, /https?:\/\/\S+\/verify\?token=[\w-]+/, { javaScript });

test('a resident registers, confirms the address, edits the profile, downloads the data and deletes the account', async ({ page }) => {
	const email = `join-${Date.now()}@example.org`;
	await register(page, { name: 'Leyla', email, javaScript: true });

	// Before the address is confirmed, the right password only earns a hint and a new link.
	await page.goto('/sign-in');
	await page.getByLabel('E-Mail-Adresse').fill(email);
	await page.getByLabel('Passwort', { exact: true }).fill(password);
	await page.getByRole('button', { name: 'Anmelden' }).click();
	await expect(page.getByRole('alert')).toHaveText(/Bitte bestätigen Sie zuerst Ihre E-Mail-Adresse/);
	await checkPage(page);

	const verifyPath = await verificationPathFromOutbox(page, email, true);
	await page.goto(verifyPath);
	await checkPage(page);
	await page.getByRole('button', { name: 'E-Mail-Adresse bestätigen' }).click();
	await expect(page.getByRole('status')).toHaveText(/ist bestätigt/);
	await checkPage(page);

	await signIn(page, email, password);
	await page.getByRole('link', { name: 'Mein Konto' }).click();
	await checkPage(page);
	await page.getByLabel('Anzeigename').fill('Leyla K.');
	await page.getByLabel('Arabisch').check();
	await page.getByLabel('Türkisch').check();
	await page.getByRole('button', { name: 'Profil speichern' }).click();
	await expect(page.getByRole('status')).toBeVisible();
	await checkPage(page);
	await expect(page.getByLabel('Anzeigename')).toHaveValue('Leyla K.');
	await expect(page.getByLabel('Arabisch')).toBeChecked();

	const download = await page.request.get('/account/export');
	expect(download.headers()['content-disposition']).toMatch(/^attachment; filename="leitbild-meine-daten-/);
	const data = await download.json();
	expect(data.account).toMatchObject({ name: 'Leyla K.', email, emailVerified: true });
	expect(data.profile.languages.sort()).toEqual(['ar', 'tr']);
	expect(data.consents).toHaveLength(1);

	await page.getByRole('link', { name: 'Konto löschen …' }).click();
	await checkPage(page);
	await page.getByLabel('Zur Bestätigung: Ihr Passwort').fill('nicht mein passwort');
	await page.getByRole('button', { name: 'Konto endgültig löschen' }).click();
	await expect(page.getByRole('alert')).toHaveText('Das Passwort stimmt nicht.');
	await page.getByLabel('Zur Bestätigung: Ihr Passwort').fill(password);
	await page.getByRole('button', { name: 'Konto endgültig löschen' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Konto gelöscht');
	await checkPage(page);
	await expect(page.getByRole('link', { name: 'Anmelden', exact: true })).toBeVisible();

	await page.goto('/sign-in');
	await page.getByLabel('E-Mail-Adresse').fill(email);
	await page.getByLabel('Passwort', { exact: true }).fill(password);
	await page.getByRole('button', { name: 'Anmelden' }).click();
	await expect(page.getByRole('alert')).toHaveText('E-Mail-Adresse oder Passwort stimmen nicht.');
});

test('registering without consent is refused with 400 and the entries kept', async ({ page }) => {
	await page.goto('/register');
	await page.getByLabel('Anzeigename').fill('Ohne Zustimmung');
	await page.getByLabel('E-Mail-Adresse').fill('ohne-zustimmung@example.org');
	await page.getByLabel('Passwort', { exact: true }).fill(password);
	// The browser would stop at the required checkbox; the server must refuse on its own, too.
	await page.locator('form').evaluate((form: HTMLFormElement) => (form.noValidate = true));
	const [response] = await Promise.all([
		page.waitForResponse((r) => r.request().method() === 'POST'),
		page.getByRole('button', { name: 'Konto anlegen' }).click()
	]);
	expect(response.status()).toBe(400);
	await expect(page.locator('.field-error').getByText('Ohne Ihr Einverständnis mit dem Datenschutzhinweis können wir kein Konto anlegen.')).toBeVisible();
	await expect(page.getByLabel('E-Mail-Adresse')).toHaveValue('ohne-zustimmung@example.org');
	await checkPage(page);
});

test('the privacy notice names its version', async ({ visit, page }) => {
	await visit('/privacy');
	await expect(page.getByText(/Fassung vom/)).toBeVisible();
});

test('the join pages fit a 360 px wide phone without sideways scrolling', async ({ page, visit }) => {
	await page.setViewportSize({ width: 360, height: 740 });
	const fits = async (path: string) => {
		await visit(path);
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
		expect(overflow, path).toBeLessThanOrEqual(0);
	};
	for (const path of ['/register', '/verify', '/privacy']) await fits(path);
	await signIn(page, 'teilnahme@example.org', 'demo-participant');
	for (const path of ['/account', '/account/delete']) await fits(path);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('a resident registers and confirms the address', async ({ page }) => {
		const email = `join-nojs-${Date.now()}@example.org`;
		await register(page, { name: 'Dariusz', email, javaScript: false });
		const verifyPath = await verificationPathFromOutbox(page, email, false);
		await page.goto(verifyPath);
		await page.getByRole('button', { name: 'E-Mail-Adresse bestätigen' }).click();
		await expect(page.getByRole('status')).toHaveText(/ist bestätigt/);
		await checkPage(page, { javaScript: false });
		await signIn(page, email, password);
		await expect(page.getByRole('link', { name: 'Mein Konto' })).toBeVisible();
	});
});
