import { checkPage, expect, signIn, test } from './fixtures';

const ideas = '/greven/strategies/integrationskonzept/editions/1/ideas';
const field = 'Ankommen und Orientierung';

test('a participant submits an idea, comments and supports it; a moderator hides the reported comment with a reason', async ({ page, visit }) => {
	await signIn(page, 'teilnahme@example.org', 'demo-participant');
	await visit(ideas);
	await page.getByRole('link', { name: 'Idee einreichen' }).click();
	await checkPage(page);
	await page.getByLabel('Titel').fill('Sprechstunde im Bürgerbüro am Samstag');
	await page.getByLabel('Beschreibung').fill('Wer unter der Woche arbeitet, schafft es nicht ins Rathaus.');
	await page.getByLabel('Handlungsfeld').selectOption({ label: field });
	await page.getByRole('button', { name: 'Idee einreichen' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sprechstunde im Bürgerbüro am Samstag');
	await checkPage(page);
	const ideaUrl = page.url();

	await page.getByLabel('Ihr Kommentar').fill('Ein unfreundlicher Kommentar, der hier nicht hingehört.');
	await page.getByRole('button', { name: 'Kommentar veröffentlichen' }).click();
	await expect(page.getByText('Ein unfreundlicher Kommentar, der hier nicht hingehört.')).toBeVisible();
	await checkPage(page);

	await page.getByRole('button', { name: 'Idee unterstützen' }).click();
	await expect(page.getByText('Sie unterstützen diese Idee.')).toBeVisible();
	await expect(page.getByText('Unterstützungen: 1')).toBeVisible();
	await checkPage(page);

	const comment = page.locator('.comment-list > li').first();
	await comment.getByText('Melden', { exact: true }).click();
	await comment.getByLabel('Warum ist dieser Inhalt problematisch?').fill('Unhöflich gegenüber anderen.');
	await comment.getByRole('button', { name: 'Inhalt melden' }).click();
	await expect(page.getByText('Danke, die Moderation sieht sich die Meldung an.')).toBeVisible();

	await page.context().clearCookies();
	await signIn(page, 'admin@greven.example.org', 'demo-admin-greven');
	await visit('/admin/greven/moderation');
	const report = page.locator('.admin-list > li', { hasText: 'Unhöflich gegenüber anderen.' });
	await report.getByLabel('Öffentliche Begründung').fill('Verstößt gegen die Regeln für einen respektvollen Umgang.');
	await report.getByRole('button', { name: 'Ausblenden' }).click();
	await expect(page.getByRole('status')).toHaveText('Gespeichert.');
	await expect(page.getByText('Keine offenen Meldungen.')).toBeVisible();
	await checkPage(page);

	await page.context().clearCookies();
	await visit(new URL(ideaUrl).pathname);
	await expect(page.getByText('Von der Moderation ausgeblendet: Verstößt gegen die Regeln für einen respektvollen Umgang.')).toBeVisible();
	await expect(page.getByText('Ein unfreundlicher Kommentar')).toHaveCount(0);
});

test('visitors filter and search the ideas; a typo still finds them', async ({ page, visit }) => {
	await visit(`${ideas}?q=Sprahcafe`);
	await expect(page.getByRole('link', { name: /Sprachcafé/ }).first()).toBeVisible();
	await visit('/muenster/strategies/migration-und-integration/editions/4/ideas?status=adopted');
	await expect(page.locator('.card-list .badge').first()).toHaveText('aufgenommen');
	await page.getByRole('link', { name: 'Nächste Seite' }).click();
	await checkPage(page);
	await page.locator('.card-list a').first().click();
	await expect(page.getByRole('heading', { name: 'Was daraus wurde' })).toBeVisible();
	await checkPage(page);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('a participant submits an idea; a missing title is refused with a message and the text is kept', async ({ page, visit }) => {
		await signIn(page, 'teilnahme@example.org', 'demo-participant');
		await visit(`${ideas}/new`);
		await page.getByLabel('Beschreibung').fill('Ohne Titel geht es nicht.');
		await page.getByLabel('Handlungsfeld').selectOption({ label: field });
		await page.getByRole('button', { name: 'Idee einreichen' }).click();
		// The page the server sends back puts the focus on the error summary by itself (autofocus).
		const summary = page.getByRole('alert');
		await expect(summary).toBeFocused();
		await expect(summary.getByRole('link', { name: 'Bitte füllen Sie dieses Feld aus.' })).toHaveAttribute('href', '#idea-title');
		const title = page.locator('#idea-title');
		await expect(title).toHaveAttribute('aria-invalid', 'true');
		await expect(title).toHaveAttribute('aria-describedby', 'idea-title-error');
		await expect(page.locator('#idea-title-error')).toHaveText('Bitte füllen Sie dieses Feld aus.');
		await expect(page.getByLabel('Beschreibung')).toHaveValue('Ohne Titel geht es nicht.');
		await checkPage(page, { javaScript: false });

		await page.getByLabel('Titel').fill('Fahrradkurse für Erwachsene');
		await page.getByRole('button', { name: 'Idee einreichen' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Fahrradkurse für Erwachsene');
		await visit(`${ideas}?q=Fahrradkurse`);
		await expect(page.getByRole('heading', { name: 'Ideen: 1' })).toBeVisible();
	});
});

test('a facilitator reaches the moderation queue from the back office but no admin-only page', async ({ page, visit }) => {
	await signIn(page, 'moderation@muenster.example.org', 'demo-facilitator-muenster');
	await visit('/admin');
	await page.getByRole('link', { name: 'Moderation in Münster' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Moderation in Münster');
	await checkPage(page);
	await expect(page.getByRole('navigation', { name: 'Verwaltung von Münster' }).getByRole('link', { name: 'Rollen' })).toHaveCount(0);
	expect((await page.goto('/admin/muenster/people'))?.status()).toBe(403);
	expect((await page.goto('/admin/greven/moderation'))?.status()).toBe(403);
	const refused = await page.request.post('/admin/muenster/people?/grant', {
		form: { email: 'teilnahme@example.org', role: 'admin' },
		headers: { accept: 'text/html', origin: new URL(page.url()).origin }
	});
	expect(refused.status()).toBe(403);
});
