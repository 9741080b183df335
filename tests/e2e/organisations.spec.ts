import type { Page } from '@playwright/test';
import { checkPage, expect, signIn, test } from './fixtures';

const csv = (lines: string[]) => ({ name: 'organisationen.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n')) });

async function upload(page: Page, file: ReturnType<typeof csv>) {
	await page.getByLabel('CSV-Datei').setInputFiles(file);
	const [response] = await Promise.all([
		page.waitForResponse((r) => r.request().method() === 'POST'),
		page.getByRole('button', { name: 'Prüfen und importieren' }).click()
	]);
	await page.waitForLoadState('load');
	return response;
}

test('a facilitator adds an organisation and imports a CSV file only once every row is valid; the public list shows only listed ones', async ({
	page
}) => {
	await signIn(page, 'moderation@muenster.example.org', 'demo-facilitator-muenster');
	await page.goto('/admin');
	await checkPage(page);
	await page.getByRole('link', { name: 'Organisationen in Münster' }).click();
	await checkPage(page);
	// Facilitators see only the pages they may use.
	await expect(page.getByRole('navigation', { name: 'Verwaltung von Münster' })).not.toContainText('Einstellungen');

	await page.getByRole('link', { name: 'Organisation anlegen' }).click();
	await checkPage(page);
	await page.getByLabel('Name', { exact: true }).fill('Erzählcafé Kinderhaus (E2E)');
	await page.getByLabel('Bereich').selectOption('association');
	await page.getByLabel('Stadtbezirk').selectOption({ label: 'Nord' });
	await page.getByLabel('Die Organisation ist einverstanden, in der öffentlichen Liste zu erscheinen.').check();
	await page.getByRole('button', { name: 'Anlegen' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Erzählcafé Kinderhaus (E2E)');
	await checkPage(page);

	await page.getByLabel('Name der Person').fill('Rosa Beispiel');
	await page.getByLabel('Rolle in der Organisation').selectOption('contact');
	await page.getByRole('button', { name: 'Hinzufügen' }).click();
	await expect(page.getByRole('region', { name: 'Mitglieder' })).toContainText('Rosa Beispiel');

	await page.goto('/admin/muenster/organisations/import');
	await checkPage(page);
	const invalid = await upload(
		page,
		csv(['name;sector;district;listed_publicly', 'Lesekreis Aasee (E2E);association;West;ja', 'Stiller Verein (E2E);verein;;nein'])
	);
	expect(invalid.status()).toBe(400);
	await expect(page.getByRole('alert')).toContainText('Nichts wurde importiert');
	const report = page.getByRole('table');
	await expect(report.getByRole('row', { name: /3 sector Diese Eingabe ist ungültig/ })).toBeVisible();
	await checkPage(page);

	await page.goto('/admin/muenster/organisations?q=E2E');
	await expect(page.getByRole('status')).toHaveText('Gefundene Organisationen: 1');

	await page.goto('/admin/muenster/organisations/import');
	const valid = await upload(
		page,
		csv(['name;sector;district;listed_publicly', 'Lesekreis Aasee (E2E);association;West;ja', 'Stiller Verein (E2E);association;;nein'])
	);
	expect(valid.status()).toBe(200);
	await expect(page.getByRole('status')).toHaveText('2 von 2 Zeilen importiert, 0 übersprungen.');
	await checkPage(page);

	await page.goto('/admin/muenster/organisations?q=E2E');
	await expect(page.getByRole('status')).toHaveText('Gefundene Organisationen: 3');

	await page.goto('/muenster/organisations?sector=association');
	await checkPage(page);
	const list = page.getByRole('main');
	await expect(list).toContainText('Erzählcafé Kinderhaus (E2E)');
	await expect(list).toContainText('Lesekreis Aasee (E2E)');
	await expect(list).not.toContainText('Stiller Verein (E2E)');
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the public list of organisations is reached from the municipality page and filtered by sector', async ({ page, visit }) => {
		await visit('/muenster');
		await page.getByRole('link', { name: 'Beteiligte Organisationen' }).click();
		await checkPage(page, { javaScript: false });
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Beteiligte Organisationen in Münster');
		await page.getByRole('navigation', { name: 'Nach Bereich' }).getByRole('link', { name: /^Hochschule:/ }).click();
		await checkPage(page, { javaScript: false });
		await expect(page.getByRole('main')).toContainText('Hochschulgruppe Vielfalt (Demo)');
		await expect(page.getByRole('main')).not.toContainText('Kulturverein Anatolia Münster (Demo)');
	});
});
