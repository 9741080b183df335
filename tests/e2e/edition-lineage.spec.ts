import { checkPage, expect, test } from './fixtures';

// The public compares the demo's 3rd and 4th editions: what is new, what was dropped, what continued.

const strategy = '/muenster/strategies/migration-und-integration';

test('the comparison of the 3rd and 4th edition shows new, dropped, continued and moved goals', async ({ page, visit }) => {
	await visit(strategy);
	await page.getByRole('link', { name: 'Auflagen 3 und 4 im Vergleich: was neu ist, was entfallen ist, was fortgeführt wird' }).click();
	await checkPage(page);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Was sich von der 3. zur 4. Auflage geändert hat');

	const goal = (title: string) => page.locator('li.outline-goal', { has: page.getByRole('heading', { name: title }) });
	await expect(goal('Junge Menschen gestalten die Integrationspolitik mit').locator('.badge').first()).toHaveText('neu');
	await expect(goal('Beratung für Betroffene von Diskriminierung stärken').locator('.badge').first()).toHaveText('entfallen');
	await expect(goal('Berufliche Qualifikationen aus dem Ausland werden schneller anerkannt').locator('.badge').first()).toHaveText('fortgeführt');
	await expect(goal('Bürgerdienste sind mehrsprachig zugänglich')).toContainText('in ein anderes Handlungsfeld verschoben');
	await expect(goal('Bürgerdienste sind mehrsprachig zugänglich')).toContainText('vorher in „Teilhabe“');
	// The changed goal's words are told apart in text, not only by colour.
	const changed = page.locator('li.outline-goal[data-status="changed"]').first();
	await expect(changed.locator('.badge').first()).toHaveText('fortgeführt mit Änderungen');
	await expect(changed.locator('ins, del').first()).toBeAttached();

	const counts = page.getByRole('table', { name: /Ziele und Maßnahmen nach Art der Veränderung/ });
	await expect(counts.getByRole('row', { name: /^neu/ })).toBeVisible();

	// Another pair, chosen with the plain form.
	await page.getByLabel('Von Auflage').selectOption({ label: '2. Auflage' });
	await page.getByLabel('zu Auflage').selectOption({ label: '4. Auflage' });
	await page.getByRole('button', { name: 'Vergleichen' }).click();
	await expect(page).toHaveURL(/compare\?from=2&to=4/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Was sich von der 2. zur 4. Auflage geändert hat');
	await checkPage(page);

	await page.setViewportSize({ width: 360, height: 800 });
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});

test('the same edition on both sides is refused with a message', async ({ page }) => {
	const response = await page.goto(`${strategy}/compare?from=4&to=4`);
	expect(response?.status()).toBe(400);
	await expect(page.getByText('Bitte zwei verschiedene Auflagen dieses Leitbilds wählen.')).toBeVisible();
	await checkPage(page);
});
