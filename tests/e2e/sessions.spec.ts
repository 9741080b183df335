import { expect, signIn, test } from './fixtures';

// The platform administrator signs in nowhere else while this file runs; ending all their sessions disturbs no other spec.
const account = { email: 'plattform@example.org', password: 'demo-platform-admin' };

test('signing out on all devices from the account page ends the session on the other device too', async ({ browser, page, visit }) => {
	const laptop = await browser.newContext();
	const other = await laptop.newPage();
	await signIn(other, account.email, account.password);
	await signIn(page, account.email, account.password);

	await visit('/account');
	await expect(page.getByText(/Sie sind zurzeit auf [2-9]\d* Gerät\(en\) angemeldet/)).toBeVisible();
	await page.getByRole('button', { name: 'Auf allen Geräten abmelden' }).click();
	await expect(page).toHaveURL(/\/sign-in$/);

	const response = await other.goto('/account');
	expect(response?.url()).toMatch(/\/sign-in\?next=/);
	expect((await page.context().cookies()).some((cookie) => cookie.name.endsWith('session_token') && cookie.value !== '')).toBe(false);
	await laptop.close();
});
