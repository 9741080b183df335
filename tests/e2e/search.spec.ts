import { checkPage, expect, keepScreenshot, test } from './fixtures';

test('a resident searches Münster from its page, follows a goal into the document and narrows to one kind', async ({ page, visit }, testInfo) => {
	// A word of a goal of the 4th edition, read from the document as a resident would have seen it.
	await visit('/muenster/strategies/migration-und-integration/editions/4');
	const goalTitle = (await page.locator('.outline-goal h4').first().innerText()).replace(/^[\d.]+\s*/, '').trim();
	const word = goalTitle.split(/[\s,–-]+/).sort((a, b) => b.length - a.length)[0];

	await visit('/muenster');
	await page.getByLabel('Suchbegriff').fill(word);
	await page.getByRole('button', { name: 'Suchen' }).click();
	await expect(page).toHaveURL(new RegExp(`/muenster/search\\?q=${encodeURIComponent(word)}$`));
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Suche in Münster');
	await expect(page.getByRole('heading', { level: 2, name: `Ergebnisse für „${word}“` })).toBeVisible();
	await checkPage(page);
	await keepScreenshot(page, testInfo, 'search-results');
	const goals = page.getByRole('region', { name: /^Ziele/ });
	await expect(goals.locator('mark').first()).toContainText(word.slice(0, 4));
	await goals.getByRole('link', { name: goalTitle }).first().click();
	await expect(page).toHaveURL(/\/muenster\/strategies\/migration-und-integration\/editions\/\d+#goal-\d+\.\d+$/);
	await expect(page.locator(':target h4')).toContainText(goalTitle);
	await checkPage(page);

	// "Sprachkurse" and "Sprachkurs" are stemmed apart in German; the search finds both forms.
	await visit('/muenster/search?q=Sprachkurs');
	const ideas = page.getByRole('region', { name: /^Ideen/ });
	await expect(ideas.locator('mark', { hasText: 'Sprachkurse' }).first()).toBeVisible();
	await ideas.getByRole('link', { name: /^Alle Treffer unter „Ideen“ zeigen/ }).click();
	await expect(page).toHaveURL(/kind=ideas/);
	await expect(page.getByRole('heading', { level: 3 })).toHaveText(/^Ideen/);
	await expect(page.getByRole('link', { name: 'Treffer aller Arten zeigen' })).toBeVisible();
	await checkPage(page);

	// Organisations listed publicly are found too; the directory, filtered by the name, shows the one found.
	await visit('/muenster/search?q=Anatolia');
	await page.getByRole('region', { name: /^Organisationen/ }).getByRole('link', { name: 'Kulturverein Anatolia Münster' }).click();
	const listed = page.getByRole('list').filter({ has: page.getByRole('heading', { level: 2 }) }).getByRole('heading', { level: 2 });
	await expect(listed).toHaveText(['Kulturverein Anatolia Münster (Demo)']);
	await expect(page.getByText('Organisationen, deren Name „Kulturverein Anatolia Münster (Demo)“ enthält.')).toBeVisible();
	await checkPage(page);
	await page.getByRole('link', { name: 'Alle Organisationen zeigen' }).click();
	await expect(page).toHaveURL(/\/muenster\/organisations$/);
	await expect(listed.nth(1)).toBeVisible();
	// The directory filters by a part of the name itself.
	await page.getByLabel('Name enthält').fill('Sprachcafé');
	await page.getByRole('button', { name: 'Filtern' }).click();
	await expect(listed).toHaveText(['Sprachcafé Süd-Ost (Demo)']);
	await checkPage(page);

	await visit('/muenster/search?q=Quastenflosser');
	await expect(page.getByRole('status')).toHaveText('Dazu haben wir nichts gefunden. Versuchen Sie ein anderes oder ein kürzeres Wort.');
});

test('the search speaks the reader’s language, right to left in Arabic, and is never kept in the page cache', async ({ page, visit, request }) => {
	await visit('/en/muenster/search?q=Sprachkurse');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Search Münster');
	await expect(page.getByRole('heading', { level: 2, name: 'Results for “Sprachkurse”' })).toBeVisible();
	// A reader finds content by the words of its translation, and reads the hit in it.
	await visit('/en/muenster/search?q=recognition');
	const measure = page.getByRole('region', { name: /^Measures/ }).getByRole('heading', { level: 4 });
	await expect(measure).toHaveText('Guidance service for recognition procedures');
	await expect(measure).toHaveAttribute('lang', 'en');
	await expect(measure.locator('mark')).toHaveText('recognition');
	await visit('/ar/muenster/search?q=Sprachkurse');
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	await visit(`/ar/muenster/search?q=${encodeURIComponent('الاعتراف بالمؤهلات')}`);
	const goal = page.locator('h4[lang="ar"]', { hasText: 'يتم الاعتراف بالمؤهلات المهنية المكتسبة في الخارج بشكل أسرع' });
	await expect(goal).toHaveAttribute('dir', 'rtl');
	// Script markup typed into the box is shown as text, in the heading and the field.
	await visit('/muenster/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E');
	await expect(page.getByRole('heading', { level: 2 })).toHaveText('Ergebnisse für „<script>alert(1)</script>“');
	for (let attempt = 0; attempt < 2; attempt++) {
		const response = await request.get('/muenster/search?q=Beratung');
		expect(response.status()).toBe(200);
		expect(response.headers()['x-cache']).toBeUndefined();
		expect(await response.text()).toContain('<meta name="robots" content="noindex"');
	}
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });

	test('the search form works on a phone and its results fit the screen', async ({ page, visit }) => {
		await visit('/muenster');
		await page.getByLabel('Suchbegriff').fill('Elterncafé');
		await page.getByRole('button', { name: 'Suchen' }).click();
		await expect(page.getByRole('heading', { level: 2, name: 'Ergebnisse für „Elterncafé“' })).toBeVisible();
		await checkPage(page, { javaScript: false });
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
		expect(overflow).toBeLessThanOrEqual(0);
	});
});

test('an event the search finds gives its weekday, date and both times', async ({ request }) => {
	const found = await (await request.get('/muenster/search?q=Abschlussveranstaltung')).text();
	expect(found).toContain('Freitag, 24. Januar 2025, 18:00–21:00 Uhr');
});
