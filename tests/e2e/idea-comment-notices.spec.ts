import { checkPage, expect, signIn, test } from './fixtures';
import { linkMailedTo } from './outbox';

const ideas = '/greven/strategies/integrationskonzept/editions/1/ideas';

test('the author of an idea hears of a comment by mail, and can turn such mails off on the account page', async ({ page, visit }) => {
	const title = `Nachhilfe im Jugendzentrum ${Date.now()}`;
	await signIn(page, 'teilnahme@example.org', 'demo-participant');
	await visit(`${ideas}/new`);
	await page.getByLabel('Titel').fill(title);
	await page.getByLabel('Beschreibung').fill('Ehrenamtliche helfen nach der Schule bei den Hausaufgaben.');
	await page.getByLabel('Handlungsfeld').selectOption({ label: 'Ankommen und Orientierung' });
	await page.getByRole('button', { name: 'Idee einreichen' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
	const ideaPath = new URL(page.url()).pathname;
	await page.context().clearCookies();

	await signIn(page, 'admin@greven.example.org', 'demo-admin-greven');
	await visit(ideaPath);
	await page.getByLabel('Ihr Kommentar').fill('Der Jugendtreff hat dienstags einen freien Raum.');
	await page.getByRole('button', { name: 'Kommentar veröffentlichen' }).click();
	await expect(page.getByText('Der Jugendtreff hat dienstags einen freien Raum.')).toBeVisible();
	await page.context().clearCookies();

	// The newest mail to the author is about this comment and links back to the idea.
	const linked = await linkMailedTo(page, 'teilnahme@example.org', new RegExp(`https?://\\S+${ideaPath}`));
	expect(linked).toBe(ideaPath);

	await signIn(page, 'teilnahme@example.org', 'demo-participant');
	await visit('/account');
	const box = page.getByLabel(/^Mir eine E-Mail schicken, wenn jemand meine Ideen kommentiert oder auf meine Kommentare antwortet/);
	await expect(box).toBeChecked();
	await box.uncheck();
	await page.getByRole('button', { name: 'Profil speichern' }).click();
	await expect(page.getByRole('status')).toContainText('Gespeichert');
	await visit('/account');
	await expect(box).not.toBeChecked();
	await checkPage(page);
	// Back as it was, for the other stories that use this account.
	await box.check();
	await page.getByRole('button', { name: 'Profil speichern' }).click();
	await expect(page.getByRole('status')).toContainText('Gespeichert');
});
