import type { Page } from '@playwright/test';
import { checkPage, expect, signIn, test } from './fixtures';

/** Nothing on the page is wider than a small phone. */
async function expectToFit360(page: Page) {
	const size = page.viewportSize();
	await page.setViewportSize({ width: 360, height: 800 });
	expect(await page.evaluate(() => document.documentElement.scrollWidth), `width of ${page.url()}`).toBeLessThanOrEqual(360);
	if (size) await page.setViewportSize(size);
}

const outline = '/admin/muenster/strategies/migration-und-integration/editions/4/document';
const publicEdition = '/muenster/strategies/migration-und-integration/editions/4';
const field = 'Wirtschaft und Arbeit';
const goal = 'Sprachkurse mit Kinderbetreuung in jedem Stadtbezirk';

test('an admin adds a goal to a field, moves it up and then into the next field, and finds it on the public edition page each time', async ({ page, visit }) => {
	await signIn(page, 'admin@muenster.example.org', 'demo-admin-muenster');
	await visit('/admin/muenster');
	await page.getByRole('link', { name: 'Leitbilder' }).click();
	await checkPage(page);
	await page.getByRole('link', { name: 'Leitbild Migration und Integration', exact: true }).click();
	await checkPage(page);
	await page.getByRole('link', { name: 'Dokument der 4. Auflage bearbeiten' }).click();
	await expect(page).toHaveURL(new RegExp(`${outline}$`));
	await checkPage(page);

	// Goals and measures are edited on the field's own page, which leads on to the next field.
	await page.getByRole('link', { name: `Ziele und Maßnahmen bearbeiten: ${field}` }).click();
	await expect(page).toHaveURL(new RegExp(`${outline}/fields/[0-9a-f-]{36}$`));
	const fieldPage = new URL(page.url()).pathname;
	await expect(page.getByRole('heading', { level: 1 })).toContainText(`Handlungsfeld 1: ${field}`);
	await expect(page.getByRole('navigation', { name: 'Weitere Handlungsfelder' }).getByRole('link')).toHaveText([/^Nächstes Handlungsfeld: 2 /]);
	await checkPage(page);
	const addGoal = page.getByRole('form', { name: `Neues Ziel in „${field}“` });
	await addGoal.getByLabel('Titel').fill(goal);
	await addGoal.getByLabel('Beschreibung').fill('Eltern lernen Deutsch, während ihre Kinder betreut werden.');
	await addGoal.getByRole('button', { name: 'Ziel hinzufügen' }).click();
	await expect(page.getByRole('status')).toHaveText('Gespeichert.');
	await checkPage(page);

	const goals = page.getByRole('list', { name: `Ziele in „${field}“` });
	await expect(goals.getByRole('heading', { level: 3 }).last()).toHaveText(`1.3${goal}`);
	// Moved from the keyboard: the button is reachable and named after the goal it moves.
	await page.getByRole('button', { name: `„${goal}“ nach oben verschieben` }).focus();
	await page.keyboard.press('Enter');
	await expect(goals.getByRole('heading', { level: 3 }).nth(1)).toHaveText(`1.2${goal}`);
	await checkPage(page);

	await expectToFit360(page);

	await page.getByRole('link', { name: 'Öffentliche Seite ansehen' }).click();
	await expect(page).toHaveURL(new RegExp(`${publicEdition}#field-1$`));
	await checkPage(page);
	await expect(page.getByRole('heading', { level: 4, name: `1.2${goal}` })).toBeVisible();

	// Then it moves on into the next field, where it comes last; the field it left closes the gap.
	await visit(fieldPage);
	const relocate = page.getByRole('form', { name: `„${goal}“ verschieben` });
	await relocate.getByLabel('In ein anderes Handlungsfeld').selectOption({ index: 0 });
	await relocate.getByRole('button', { name: 'Verschieben' }).click();
	await expect(goals.getByRole('heading', { level: 3, name: new RegExp(goal) })).toHaveCount(0);
	await checkPage(page);
	await page.getByRole('link', { name: /^Nächstes Handlungsfeld: 2 / }).click();
	const moved = page.getByRole('list', { name: /^Ziele in / }).getByRole('heading', { level: 3 }).last();
	await expect(moved).toHaveText(new RegExp(`^2\\.\\d+${goal}$`));
	const movedNumber = (await moved.locator('.number').textContent())!;
	await page.getByRole('link', { name: 'Öffentliche Seite ansehen' }).click();
	await expect(page).toHaveURL(new RegExp(`${publicEdition}#field-2$`));

	// Anonymous visitors get the cached page: it must show the change as well.
	await page.context().clearCookies();
	await visit(publicEdition);
	await expect(page.getByRole('heading', { level: 4, name: `${movedNumber}${goal}` })).toBeVisible();
	await expect(page.getByRole('heading', { level: 4, name: `1.2${goal}` })).toHaveCount(0);
});

test('a goal without a title is refused with a 400, a summary at the top whose link leads to the field, and a localised error there (dark theme)', async ({ page, visit }) => {
	// The back-office form with errors of the dark-theme scans (accessibility-themes.spec.ts).
	await page.emulateMedia({ colorScheme: 'dark' });
	await signIn(page, 'admin@muenster.example.org', 'demo-admin-muenster');
	await visit(outline);
	await page.getByRole('link', { name: `Ziele und Maßnahmen bearbeiten: ${field}` }).click();
	const addGoal = page.getByRole('form', { name: `Neues Ziel in „${field}“` });
	await addGoal.getByLabel('Beschreibung').fill('Ohne Titel geht es nicht.');
	const [response] = await Promise.all([
		page.waitForResponse((r) => r.request().method() === 'POST'),
		addGoal.getByRole('button', { name: 'Ziel hinzufügen' }).click()
	]);
	expect(response.status()).toBe(400);
	const summary = page.getByRole('alert');
	await expect(summary).toBeFocused();
	await expect(summary.getByRole('heading')).toHaveText('Bitte korrigieren Sie die markierten Felder (1).');
	await expect(addGoal.getByText('Bitte füllen Sie dieses Feld aus.')).toBeVisible();
	const title = addGoal.getByLabel('Titel');
	await expect(title).toHaveAttribute('aria-invalid', 'true');
	await expect(addGoal.getByLabel('Beschreibung')).toHaveValue('Ohne Titel geht es nicht.');
	await checkPage(page);
	await page.keyboard.press('Tab');
	await expect(summary.getByRole('link', { name: 'Titel – Bitte füllen Sie dieses Feld aus.' })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(title).toBeFocused();
});

test('an edition with a stage ending before it starts is refused and the dates stay as they were', async ({ page, visit }) => {
	await signIn(page, 'admin@muenster.example.org', 'demo-admin-muenster');
	await visit('/admin/muenster/strategies/migration-und-integration/editions/4');
	await expectToFit360(page);
	await page.getByLabel('Ende der Phase Vorbereitung').fill('2023-04-01');
	const [response] = await Promise.all([
		page.waitForResponse((r) => r.request().method() === 'POST'),
		page.getByRole('button', { name: 'Speichern' }).click()
	]);
	expect(response.status()).toBe(400);
	await expect(page.locator('.field-error').getByText('Das Ende darf nicht vor dem Beginn liegen.')).toBeVisible();
	await checkPage(page);
	await visit('/admin/muenster/strategies/migration-und-integration/editions/4');
	await expect(page.getByLabel('Ende der Phase Vorbereitung')).toHaveValue('2023-08-31');
});
