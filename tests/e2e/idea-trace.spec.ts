import { checkPage, expect, signIn, test } from './fixtures';

// A facilitator links an idea to the goal it fed into; the idea, the document and the trace page say so.

const edition = '/muenster/strategies/migration-und-integration/editions/4';
const goal = 'In jedem Stadtbezirk gibt es einen Ort der Begegnung';
const takenUp = 'Aufgegriffen in Ziel 5.1 des Handlungsfelds „Zusammenleben im Quartier“';

test('a facilitator links an idea to a goal; the idea page, the goal in the document and the trace page show it', async ({ page, visit }) => {
	test.setTimeout(180_000);
	await visit(`${edition}/trace`);
	await expect(page.getByRole('img', { name: /Balkendiagramm/ })).toBeVisible();
	const totals = page.locator('tfoot tr');
	const takenUpBefore = Number(await totals.locator('td').nth(1).textContent());
	expect(takenUpBefore).toBeGreaterThan(30);

	await signIn(page, 'moderation@muenster.example.org', 'demo-facilitator-muenster');
	// Ideas that were not pursued have no trace in the demo.
	await visit(`${edition}/ideas?status=not_pursued`);
	await page.locator('.card-list a').first().click();
	await checkPage(page);
	const ideaTitle = (await page.getByRole('heading', { level: 1 }).textContent())!.trim();
	const ideaPath = new URL(page.url()).pathname;

	await page.getByLabel('Ziel oder Maßnahme').selectOption({ label: `5.1 ${goal}` });
	await page.getByLabel('Anmerkung (freiwillig, öffentlich sichtbar)').fill('In der Werkstatt Nord besprochen.');
	await page.getByRole('button', { name: 'Verknüpfen', exact: true }).click();
	await expect(page.getByRole('link', { name: takenUp })).toBeVisible();
	await expect(page.getByText('Anmerkung: In der Werkstatt Nord besprochen.')).toBeVisible();
	await checkPage(page);
	// Linking leaves the status as it was: not pursued is still what the idea says.
	await expect(page.getByRole('heading', { name: 'Was daraus wurde' })).toBeVisible();

	// Linking twice is refused with a message, and nothing is added.
	await page.getByLabel('Ziel oder Maßnahme').selectOption({ label: `5.1 ${goal}` });
	await page.getByRole('button', { name: 'Verknüpfen', exact: true }).click();
	await expect(page.getByText('Diese Idee ist schon mit diesem Eintrag verknüpft.')).toBeVisible();
	await expect(page.getByRole('link', { name: takenUp })).toHaveCount(1);
	await checkPage(page);

	await page.context().clearCookies();
	await visit(ideaPath);
	const link = page.getByRole('link', { name: takenUp });
	await expect(link).toBeVisible();
	await expect(page.getByLabel('Ziel oder Maßnahme')).toHaveCount(0);
	await link.click();
	await checkPage(page);
	const goalItem = page.locator('li.outline-goal', { has: page.getByRole('heading', { name: goal }) });
	await goalItem.locator('summary', { hasText: 'Woraus das entstanden ist' }).click();
	await expect(goalItem.getByRole('link', { name: ideaTitle })).toBeVisible();
	await checkPage(page);

	await visit(`${edition}/trace`);
	await expect(page.locator('tfoot tr td').nth(1)).toHaveText(String(takenUpBefore + 1));
	await expect(page.locator('main p', { hasText: /Von \d+ eingereichten Ideen wurden \d+ aufgegriffen/ })).toBeVisible();
});

test('the edition page leads to the trace page, and the trace page fits a small phone', async ({ page, visit }) => {
	await visit(edition);
	await page.getByRole('link', { name: 'Von Ideen zu Zielen: was aus den Beiträgen wurde' }).click();
	await checkPage(page);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Von Ideen zu Zielen');
	await page.setViewportSize({ width: 360, height: 800 });
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});

test('from a goal of the outline, a facilitator finds ideas by text, links one and removes the link again', async ({ page, visit }) => {
	await signIn(page, 'moderation@muenster.example.org', 'demo-facilitator-muenster');
	await visit('/admin/muenster/strategies/migration-und-integration/editions/4/document');
	await page.getByRole('link', { name: `Ideen verknüpfen: 5.1 ${goal}` }).click();
	await checkPage(page);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ideen zu Ziel 5.1');
	await page.getByLabel('Suchbegriff').fill('Gemeinschaftsgarten');
	await page.getByRole('button', { name: 'Suchen' }).click();
	await checkPage(page);
	const candidate = page.locator('section[aria-labelledby="search-heading"] li', { has: page.getByRole('button', { name: /^Verknüpfen: / }) }).first();
	// The search answers in place: wait for its results before reading the first one, not the list before it.
	await expect(candidate.locator('a')).toContainText('Gemeinschaftsgarten');
	const ideaTitle = (await candidate.locator('a').textContent())!.trim();
	await candidate.getByRole('button').click();
	const linked = page.locator('section[aria-labelledby="linked-heading"]');
	await expect(linked.getByRole('link', { name: ideaTitle })).toBeVisible();
	await checkPage(page);
	await linked.getByRole('button', { name: `Verknüpfung lösen: ${ideaTitle}` }).click();
	await expect(linked.getByRole('link', { name: ideaTitle })).toHaveCount(0);
	await checkPage(page);
});
