import type { Browser, Page } from '@playwright/test';
import { checkPage, expect, signIn, test } from './fixtures';

async function signedIn(browser: Browser, email: string, password: string, javaScript = true): Promise<Page> {
	const context = await browser.newContext({ javaScriptEnabled: javaScript, locale: 'de-DE', timezoneId: 'Europe/Berlin' });
	const page = await context.newPage();
	if (email) await signIn(page, email, password);
	return page;
}

/** The newest invitation in the outbox, read as an operator would. */
async function newestInvitationPath(browser: Browser): Promise<string> {
	const operator = await signedIn(browser, 'plattform@example.org', 'demo-platform-admin');
	await operator.goto('/admin/outbox');
	await checkPage(operator);
	await operator.getByRole('row').filter({ hasText: 'Einladung:' }).first().getByRole('link').click();
	await checkPage(operator);
	const link = /https?:\/\/\S+\/invitations\/[\w-]+/.exec(await operator.locator('pre').innerText())?.[0];
	expect(link, 'an invitation link in the mail').toBeTruthy();
	await operator.context().close();
	return new URL(link!).pathname;
}

const invitedFigures = async (page: Page) => {
	await page.goto('/muenster/organisations');
	await checkPage(page);
	const text = await page.getByRole('link', { name: /Organisationen eingeladen/ }).innerText();
	const [, invited, accepted] = /(\d+) Organisationen eingeladen, (\d+) haben zugesagt/.exec(text)!;
	return { invited: Number(invited), accepted: Number(accepted) };
};

test('a facilitator invites an organisation to an edition, which accepts through the mailed link without JavaScript', async ({ browser, page }) => {
	const before = await invitedFigures(page);

	const facilitator = await signedIn(browser, 'moderation@muenster.example.org', 'demo-facilitator-muenster');
	await facilitator.goto('/admin/muenster/organisations');
	await checkPage(facilitator);
	await facilitator.getByRole('link', { name: 'Leitbild Migration und Integration, 4. Auflage' }).click();
	await expect(facilitator.getByRole('heading', { level: 1 })).toHaveText('Einladungen zur 4. Auflage: Leitbild Migration und Integration');
	await checkPage(facilitator);

	// Inviting nobody is refused with a reason, and nothing is sent.
	await facilitator.getByRole('button', { name: 'Ausgewählte Organisationen einladen' }).click();
	await expect(facilitator.locator('.field-error').getByText('Bitte wählen Sie mindestens eine Organisation aus.')).toBeVisible();
	await checkPage(facilitator);

	await facilitator.getByLabel('Bereich').selectOption({ label: 'Politik' });
	await facilitator.getByRole('button', { name: 'Filtern' }).click();
	// The filter is a GET form: the list is the filtered one once the address carries the sector.
	await expect(facilitator).toHaveURL(/[?&]sector=/);
	await checkPage(facilitator);
	const choice = facilitator.getByRole('group', { name: /Noch nicht eingeladene Organisationen/ }).getByRole('checkbox').first();
	// Box and label read in one step, so a list still being replaced cannot pair one row's box with another's label.
	const organisation = (await choice.evaluate((input: HTMLInputElement) => input.labels?.[0]?.innerText ?? '')).replace(/\s*\(.*$/s, '').trim();
	expect(organisation).not.toBe('');
	await choice.check();
	await facilitator.getByRole('button', { name: 'Ausgewählte Organisationen einladen' }).click();
	await expect(facilitator.getByText('Einladungen verschickt: 1')).toBeVisible();
	await checkPage(facilitator);
	const row = facilitator.getByRole('row').filter({ hasText: organisation });
	await expect(row).toContainText('Eingeladen, noch keine Antwort');

	const answerPath = await newestInvitationPath(browser);
	const organisationPage = await signedIn(browser, '', '', false);
	await organisationPage.goto(answerPath);
	await checkPage(organisationPage, { javaScript: false });
	await expect(organisationPage.getByText(organisation, { exact: false }).first()).toBeVisible();
	await organisationPage.getByRole('button', { name: 'Antwort senden' }).click();
	await expect(organisationPage.locator('.field-error').getByText('Bitte wählen Sie, ob Sie zusagen oder absagen.')).toBeVisible();
	await organisationPage.getByLabel('Ja, wir wirken mit.').check();
	await organisationPage.getByLabel(/Nachricht an das Team/).fill('Wir kommen mit zwei Personen.');
	await organisationPage.getByRole('button', { name: 'Antwort senden' }).click();
	await expect(organisationPage.getByText('Vielen Dank – Ihre Zusage ist eingegangen.')).toBeVisible();
	await expect(organisationPage.getByRole('button', { name: 'Antwort senden' })).toHaveCount(0);
	await checkPage(organisationPage, { javaScript: false });
	await organisationPage.context().close();

	await facilitator.reload();
	await expect(facilitator.getByRole('row').filter({ hasText: organisation })).toContainText('Zugesagt');
	await expect(facilitator.getByRole('row').filter({ hasText: organisation })).toContainText('Wir kommen mit zwei Personen.');
	await checkPage(facilitator);
	await facilitator.context().close();

	expect(await invitedFigures(page)).toEqual({ invited: before.invited + 1, accepted: before.accepted + 1 });
});

test('organisations without a contact e-mail are named instead of silently skipped, and a re-sent invitation goes out', async ({ browser }) => {
	const admin = await signedIn(browser, 'admin@greven.example.org', 'demo-admin-greven');
	await admin.goto('/admin/greven/strategies/integrationskonzept/editions/1');
	await admin.getByRole('link', { name: 'Organisationen einladen' }).click();
	await checkPage(admin);
	await admin.getByLabel(/Grevener Tafel/).check();
	await admin.getByRole('button', { name: 'Ausgewählte Organisationen einladen' }).click();
	await expect(admin.getByText('Einladungen verschickt: 0')).toBeVisible();
	await expect(admin.getByText('Nicht eingeladen, weil keine Kontakt-E-Mail-Adresse hinterlegt ist (1):')).toBeVisible();
	await expect(admin.getByRole('listitem').filter({ hasText: 'Grevener Tafel (Demo)' })).toBeVisible();
	await checkPage(admin);
	await admin.context().close();

	const facilitator = await signedIn(browser, 'moderation@muenster.example.org', 'demo-facilitator-muenster', false);
	await facilitator.goto('/admin/muenster/strategies/migration-und-integration/editions/4/invitations');
	await checkPage(facilitator, { javaScript: false });
	await facilitator.getByRole('button', { name: /^Erneut senden/ }).first().click();
	await expect(facilitator.getByText(/erneut verschickt/)).toBeVisible();
	await checkPage(facilitator, { javaScript: false });
	await facilitator.context().close();
});
