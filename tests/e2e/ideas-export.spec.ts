import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { expect, signIn, test } from './fixtures';

// After the workshops the office weighs every idea in its spreadsheet program: a facilitator downloads the
// edition's ideas from the back office, one row each, and the admin finds the download in the audit log.

const edition = '/muenster/strategies/migration-und-integration/editions/4';

test('a facilitator downloads every idea of the edition as a spreadsheet, and the download is in the audit log', async ({ page, visit }) => {
	await visit(`${edition}/ideas`);
	const count = Number((await page.getByText(/^Ideen: \d+$/).textContent())!.replace(/\D/g, ''));
	expect(count).toBeGreaterThan(0);
	const newestTitle = (await page.locator('h3 a').first().textContent())!.trim();

	// Anonymous visitors are not offered the download; the facilitator finds it on the same list.
	await expect(page.getByRole('link', { name: 'Ideen als Tabelle herunterladen (CSV)' })).toHaveCount(0);
	await signIn(page, 'moderation@muenster.example.org', 'demo-facilitator-muenster');
	await visit(`${edition}/ideas`);
	const downloading = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Ideen als Tabelle herunterladen (CSV)' }).click();
	const download = await downloading;
	expect(download.suggestedFilename()).toMatch(/^migration-und-integration-4-ideas-\d{4}-\d{2}-\d{2}\.csv$/);
	const bytes = await readFile((await download.path())!);
	// UTF-8 with a byte order mark and semicolons: what a spreadsheet program set to German opens as columns.
	expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	const [header, ...rows]: string[][] = parse(bytes, { delimiter: ';', bom: true });
	expect(header.slice(0, 4)).toEqual(['ID', 'Eingereicht am', 'Herkunft', 'Gesammelt bei']);
	expect(rows).toHaveLength(count);
	const titles = rows.map((row) => row[header.indexOf('Titel')]);
	expect(titles).toContain(newestTitle);
	// Each row links to its idea's public page.
	const link = rows[0][header.indexOf('Link')];
	expect(link).toMatch(new RegExp(`${edition}/ideas/${rows[0][0]}$`));
	expect((await page.request.get(new URL(link).pathname)).status()).toBe(200);

	// The admin finds the same download on the edition's back-office page, and the facilitator's in the audit log.
	await signIn(page, 'admin@muenster.example.org', 'demo-admin-muenster');
	await visit(`/admin${edition}`);
	await expect(page.getByRole('link', { name: 'Ideen als Tabelle herunterladen (CSV)' })).toHaveAttribute('href', `/admin${edition}/ideas.csv`);
	await visit('/admin/muenster/audit');
	const entry = page.locator('.audit-list li').filter({ hasText: 'Ideen einer Auflage' }).first();
	await expect(entry).toContainText('Heruntergeladen:');
	await expect(entry).toContainText('moderation@muenster.example.org');
});
