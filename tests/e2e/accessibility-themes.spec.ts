import { demoMonth, written } from './demo-days';
import { expect, test } from './fixtures';

// The dark theme passes axe (colour contrast included) on a page of each kind; the colours of charts and
// maps, which axe does not measure, are checked pair by pair in src/lib/styles/theme-contrast.test.ts.
// A back-office form with errors is scanned in the dark theme in admin-document.spec.ts.

const edition = '/muenster/strategies/migration-und-integration/editions/4';

test.describe('in the dark theme', () => {
	test.use({ colorScheme: 'dark' });

	test('a page of every kind, a chart and the calendar grid included, keeps AA contrast', async ({ page, visit }) => {
		await visit('/');
		// The theme really switched: without it this test would only repeat the light scans of the other specs.
		expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe('rgb(18, 20, 23)');
		for (const path of ['/muenster', edition, '/muenster/news/rat-beschliesst-leitbild', `/muenster/events?month=${demoMonth(written.busySaturday)}`]) {
			await visit(path);
		}
		await visit(`${edition}/monitor`);
		const indicator = await page.locator('a[href*="/monitor/indicators/"]').first().getAttribute('href');
		await visit(indicator!);
		await expect(page.locator('figure svg path[stroke-width="2.5"]').first()).toBeVisible();
	});
});

