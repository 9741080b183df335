import { checkPage, expect, test } from './fixtures';

// A keyboard user reads an indicator chart point by point: one tab stop, arrow keys through time and
// between the whole city and the districts, each point named, the focused value shown beside it.

const indicators = '/api/v1/municipalities/muenster/strategies/migration-und-integration/editions/4/indicators?limit=100';

test('a keyboard user tabs into an indicator chart and moves through its points with the arrow keys', async ({ page, request }) => {
	// The page's address from the open-data API: cheaper than rendering the monitor to find the link.
	const list = (await (await request.get(indicators)).json()) as { data: { name: string; links: { html: string } }[] };
	await page.goto(new URL(list.data.find((indicator) => indicator.name === 'Besuche in Begegnungsorten')!.links.html).pathname);
	await expect(page.getByRole('heading', { level: 1, name: 'Besuche in Begegnungsorten' })).toBeVisible();
	// Named by its title, described by the page's one-sentence summary of the indicator.
	await expect(page.getByRole('img', { name: /Verlauf von „Besuche in Begegnungsorten“/ })).toHaveAccessibleDescription(/^Stand .+\sBesuche/);
	const points = page.getByRole('group', { name: /Datenpunkte von „Besuche in Begegnungsorten“/ });
	await expect(points).toBeVisible();
	// One tab stop: Tab from the scoring table before the chart lands on the whole city's first value.
	await page.getByRole('region', { name: 'Berechnung der Bewertung' }).focus();
	await page.keyboard.press('Tab');
	const focused = page.locator(':focus');
	await expect(focused).toHaveAttribute('aria-label', /^Q[1-4] \d{4}: [\d.]+\sBesuche, Gesamtstadt$/);
	const first = await focused.getAttribute('aria-label');
	const readout = page.locator('.readout');
	await expect(readout).toHaveText(first!);

	await page.keyboard.press('End');
	await expect(focused).not.toHaveAttribute('aria-label', first!);
	await expect(focused).toHaveAttribute('aria-label', /, Gesamtstadt$/);
	await page.keyboard.press('ArrowDown');
	await expect(focused).toHaveAttribute('aria-label', /^\d{4}: [\d.]+\sBesuche, Mitte$/);
	await page.keyboard.press('Home');
	await page.keyboard.press('ArrowLeft');
	const mitteFirst = await focused.getAttribute('aria-label');
	await expect(readout).toHaveText(mitteFirst!);
	await page.keyboard.press('ArrowUp');
	await expect(focused).toHaveAttribute('aria-label', /, Gesamtstadt$/);
	await checkPage(page);

	// The chart keeps one tab stop: the next Tab leaves it, and the value read-out goes.
	await page.keyboard.press('Tab');
	await expect(page.locator('[data-point]:focus')).toHaveCount(0);
	await expect(readout).toHaveCount(0);
});

test('an indicator broken down by district and age draws at most eight series and lets the reader choose which', async ({ page, request }) => {
	const list = (await (await request.get(indicators)).json()) as { data: { name: string; links: { html: string } }[] };
	await page.goto(new URL(list.data.find((indicator) => indicator.name === 'Teilnehmende an Angeboten der Begegnungszentren')!.links.html).pathname);
	const status = page.getByRole('status').filter({ hasText: /Reihen gezeigt/ });
	await expect(status).toHaveText(/^8 von (\d+) Reihen gezeigt$/);
	const total = Number((await status.textContent())!.match(/von (\d+)/)![1]);
	expect(total).toBeGreaterThan(8);
	const choice = page.getByRole('group', { name: 'Reihen im Diagramm' });
	await checkPage(page);
	// Unticking a series sends the form at once; a box left free can then be ticked.
	const ticked = choice.locator('input[type=checkbox]:checked:not([disabled])').first();
	const name = await ticked.evaluate((box) => box.closest('label')!.textContent!.trim());
	await ticked.uncheck();
	await expect(status).toHaveText(`7 von ${total} Reihen gezeigt`);
	await expect(page).toHaveURL(/[?&]series=/);
	await expect(choice.getByRole('checkbox', { name, exact: true })).not.toBeChecked();
	await choice.locator('input[type=checkbox]:not(:checked):not([disabled])').last().check();
	await expect(status).toHaveText(`8 von ${total} Reihen gezeigt`);
});
