import { checkPage, expect, signIn, test } from './fixtures';
import { openDraftingEdition } from './draft-edition';
import { linkMailedTo } from './outbox';

// On a phone and without JavaScript: a resident who signs up at a workshop table, or from a flyer's QR code.
test.use({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });

test('a resident subscribes to a strategy’s updates, confirms through the mailed link, hears of the next stage and the office’s message, and unsubscribes through the link in the mail', async ({ page }) => {
	const visit = async (path: string) => {
		await page.goto(path);
	};
	const slug = `neuigkeiten-${Date.now()}`;
	const title = 'Leitbild Nachbarschaft';
	const strategy = await openDraftingEdition(page, visit, { slug, title });
	const email = `abo-${Date.now()}@example.org`;

	// The edition page offers the updates as well; the strategy page is where this resident signs up.
	await page.goto(`${strategy}/editions/1`);
	await expect(page.getByRole('heading', { level: 2, name: 'Per E-Mail informiert bleiben' })).toBeVisible();
	await page.goto(strategy);
	const box = page.getByRole('region', { name: 'Per E-Mail informiert bleiben' });
	await expect(box).toContainText(`wenn „${title}“ in eine neue Phase geht`);
	await checkPage(page, { javaScript: false });
	await box.getByLabel('Ihre E-Mail-Adresse').fill(email);
	await box.getByRole('button', { name: 'Benachrichtigungen bestellen' }).click();
	await expect(page.getByRole('status')).toContainText(`Wir haben eine Nachricht an ${email} geschickt`);
	await checkPage(page, { javaScript: false });

	const confirmPath = await linkMailedTo(page, email, /https?:\/\/\S+\/updates\/[\w-]+/, { javaScript: false });
	await page.goto(confirmPath);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Neuigkeiten zu „${title}“`);
	await expect(page.getByText(`Bestätigen Sie, dass wir Ihnen an ${email} schreiben dürfen`)).toBeVisible();
	await checkPage(page, { javaScript: false });
	await page.getByRole('button', { name: 'Bestätigen' }).click();
	await expect(page.getByRole('status')).toContainText('Danke!');
	await expect(page.getByRole('button', { name: 'Abbestellen' })).toBeVisible();
	await checkPage(page, { javaScript: false });

	// The admin moves the edition on; the notice goes out as soon as that is saved.
	await signIn(page, 'admin@muenster.example.org', 'demo-admin-muenster');
	await page.goto(`/admin${strategy}/editions/1`);
	await page.getByLabel('Aktuelle Phase').selectOption({ label: 'Beteiligung' });
	await page.getByRole('button', { name: 'Speichern' }).click();
	await expect(page.getByRole('status')).toContainText('Gespeichert');
	await page.goto(`/admin${strategy}`);
	const updates = page.getByRole('region', { name: 'Benachrichtigungen per E-Mail' });
	await expect(updates).toContainText('Bestätigte Abonnements: 1.');
	await expect(async () => {
		await page.reload();
		await expect(updates.getByRole('row').filter({ hasText: 'Beteiligung' })).toContainText('Verschickt, Empfänger: 1', { timeout: 1000 });
	}).toPass({ timeout: 20_000 });
	await checkPage(page, { javaScript: false });

	// The office writes to its followers; a message without a subject is refused and keeps its text.
	const message = page.getByRole('form', { name: 'Nachricht an die Abonnements schreiben' });
	await message.getByLabel('Text').fill('Wir laden Sie herzlich zur Werkstatt ein.\n\nIhr Integrationsbüro');
	const [refused] = await Promise.all([
		page.waitForResponse((response) => response.request().method() === 'POST'),
		message.getByRole('button', { name: 'Nachricht senden (Abonnements: 1)' }).click()
	]);
	expect(refused.status()).toBe(400);
	await expect(message.getByLabel('Text')).toHaveValue(/herzlich zur Werkstatt/);
	await checkPage(page, { javaScript: false });
	await message.getByLabel('Betreff').fill('Werkstatt im Stadtteilhaus');
	await message.getByRole('button', { name: 'Nachricht senden (Abonnements: 1)' }).click();
	await expect(page.getByRole('status')).toContainText('Die Nachricht wird verschickt.');
	await checkPage(page, { javaScript: false });
	await expect(async () => {
		await page.reload();
		await expect(updates.getByRole('row').filter({ hasText: 'Werkstatt im Stadtteilhaus' })).toContainText('Verschickt, Empfänger: 1', { timeout: 1000 });
	}).toPass({ timeout: 20_000 });
	// Reloading the page after sending did not send it again.
	await expect(updates.getByRole('row').filter({ hasText: 'Werkstatt im Stadtteilhaus' })).toHaveCount(1);
	await page.context().clearCookies();

	const unsubscribePath = await linkMailedTo(page, email, /https?:\/\/\S+\/updates\/[\w-]+/, { javaScript: false });
	expect(unsubscribePath).toBe(confirmPath);
	await page.goto(unsubscribePath);
	await expect(page.getByText(`Benachrichtigungen zu „${title}“ in Münster gehen an ${email}.`)).toBeVisible();
	await page.getByRole('button', { name: 'Abbestellen' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Abbestellt');
	await checkPage(page, { javaScript: false });

	// The address is gone, and the link with it.
	const again = await page.goto(unsubscribePath);
	expect(again?.status()).toBe(404);
	await checkPage(page, { javaScript: false });
});
