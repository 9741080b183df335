import { expect, test } from './fixtures';

// A resident looks at the districts of the monitor on a map drawn by the server, reaches every
// district with the keyboard alone, and finds the same figures in a table.

const monitor = '/muenster/strategies/migration-und-integration/editions/4/monitor';
const districts = ['Mitte', 'Nord', 'Ost', 'West', 'Süd-Ost', 'Hiltrup'];

test('the district map links every district and is reachable with the keyboard', async ({ page, visit }) => {
	await visit(monitor);
	await page.getByRole('link', { name: 'Alle Stadtbezirke auf der Karte' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Stadtbezirke in Münster' })).toBeVisible();
	await visit(`${monitor}/districts`);

	const map = page.getByRole('group', { name: 'Karte der Stadtbezirke von Münster' });
	await expect(map).toBeVisible();
	await expect(map.locator('a path')).toHaveCount(districts.length);

	const reached: string[] = [];
	await page.getByRole('heading', { level: 1 }).click();
	for (let i = 0; i < 40 && reached.length < districts.length; i++) {
		await page.keyboard.press('Tab');
		const label = await page.evaluate(() => {
			const active = document.activeElement;
			return active?.closest('svg') ? active.getAttribute('aria-label') : null;
		});
		if (label) reached.push(label.split(':')[0]);
	}
	expect(reached.sort()).toEqual([...districts].sort());

	const table = page.getByRole('table');
	for (const name of districts) await expect(table.getByRole('rowheader', { name, exact: true })).toBeVisible();

	await map.getByRole('link', { name: /^Hiltrup:/ }).focus();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { level: 1, name: 'Stadtbezirk Hiltrup' })).toBeVisible();
	await expect(page.getByRole('group', { name: 'Lage von Hiltrup in der Stadt' }).locator('a[aria-current="page"]')).toHaveCount(1);
	await visit(`${monitor}/districts/hiltrup`);
});

test('the district map fits a 360 px wide phone', async ({ page, visit }) => {
	await page.setViewportSize({ width: 360, height: 740 });
	await visit(`${monitor}/districts`);
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
	expect(overflow).toBeLessThanOrEqual(0);
});
