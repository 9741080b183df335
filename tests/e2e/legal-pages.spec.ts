import type { Browser, Page } from '@playwright/test';
import { demoEventIds } from '../../src/lib/server/demo/demo-event-ids';
import { checkPage, expect, signIn, test } from './fixtures';

// An admin edits Münster's imprint; a visitor reports a barrier through the footer link of an event
// page; the report reaches the contact point's inbox and the back office.

test.describe.configure({ mode: 'serial' });

async function signedIn(browser: Browser, email: string, password: string): Promise<Page> {
	const page = await (await browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin' })).newPage();
	await signIn(page, email, password);
	return page;
}

test('an admin edits the imprint and the public page shows it with its date, scripts removed', async ({ browser, page, visit }) => {
	const admin = await signedIn(browser, 'admin@muenster.example.org', 'demo-admin-muenster');
	await admin.goto('/admin/muenster');
	await admin.getByRole('link', { name: 'Rechtliches' }).click();
	await expect(admin.getByRole('heading', { level: 1 })).toHaveText('Impressum, Datenschutz und Barrierefreiheit');
	await checkPage(admin);
	await admin.getByLabel('Text: Impressum').fill('## Anbieterin\n\nStadt Münster, Redaktion Leitbild (Demo)\n\n<script>alert(1)</script>');
	await admin.getByRole('button', { name: 'Impressum speichern' }).click();
	await expect(admin.getByRole('status')).toBeVisible();
	await checkPage(admin);
	await admin.goto('/admin/muenster/audit');
	await expect(admin.locator('.audit-list').getByText('Rechtliche Seite').first()).toBeVisible();
	await admin.context().close();

	await visit('/muenster');
	await page.getByRole('contentinfo').getByRole('link', { name: 'Impressum' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Impressum' })).toBeVisible();
	await checkPage(page);
	await expect(page.getByText('Stadt Münster, Redaktion Leitbild (Demo)')).toBeVisible();
	await expect(page.getByText(/^Stand: /)).toBeVisible();
	await expect(page.locator('main script')).toHaveCount(0);
	await visit('/muenster/privacy');
	await expect(page.getByRole('heading', { name: 'Externe Inhalte', exact: true })).toBeVisible();
});

test('a visitor reports a barrier from an event page; it reaches the inbox and the back office', async ({ browser, page, visit }) => {
	const eventPath = `/muenster/events/${demoEventIds.muenster}`;
	await visit(eventPath);
	await page.getByRole('contentinfo').getByRole('link', { name: 'Barriere melden' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Barrierefreiheit' })).toBeVisible();
	await checkPage(page);
	await expect(page.getByLabel('Betroffene Seite')).toHaveValue(eventPath);

	// The message is the one required field (the server refuses it empty too, see legal.service.test.ts).
	await expect(page.getByLabel('Was hat nicht funktioniert?')).toHaveAttribute('required', '');

	const message = `Die Karte auf der Veranstaltungsseite hat keinen Textersatz (${Date.now()}).`;
	await page.getByLabel('Was hat nicht funktioniert?').fill(message);
	await page.getByLabel('Ihr Name (freiwillig)').fill('Aylin Demir');
	await page.getByRole('button', { name: 'Meldung senden' }).click();
	await expect(page.getByRole('status')).toHaveText('Vielen Dank! Ihre Meldung ist bei der Kontaktstelle angekommen.');
	await checkPage(page);

	const operator = await signedIn(browser, 'plattform@example.org', 'demo-platform-admin');
	await operator.goto('/admin/outbox');
	const row = operator.getByRole('row').filter({ hasText: 'Barriere gemeldet: Münster' }).first();
	await expect(row).toContainText('stadtverwaltung@muenster.example.org');
	await row.getByRole('link').click();
	await expect(operator.locator('pre')).toContainText(message);
	await expect(operator.locator('pre')).toContainText(eventPath);
	await operator.context().close();

	const admin = await signedIn(browser, 'admin@muenster.example.org', 'demo-admin-muenster');
	await admin.goto('/admin/muenster/legal');
	await expect(admin.getByText(message)).toBeVisible();
	await checkPage(admin);
	await admin.context().close();
});
