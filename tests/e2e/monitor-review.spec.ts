import { checkPage, expect, signIn, test } from './fixtures';

// A facilitator runs a mid-term review of the 4th edition: rates every goal, writes findings for one,
// publishes; the public monitor shows each goal's rating and the public review page its findings.

const edition = '/muenster/strategies/migration-und-integration/editions/4';
const findings = 'Die Sprechstunden sind voll; zwei weitere Lotsinnen werden gebraucht.';

test('a facilitator rates the goals and publishes a review; the public monitor shows the rating', async ({ browser, page }) => {
	await signIn(page, 'moderation@muenster.example.org', 'demo-facilitator-muenster');
	await page.goto(`/admin/muenster/strategies/migration-und-integration/editions/4/monitor/reviews`);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Bilanzen');
	await page.getByLabel('Art der Bilanz').selectOption({ label: 'Halbzeitbilanz' });
	await page.getByLabel('Titel').fill('Halbzeitbilanz im Test');
	await page.getByLabel('Stichtag').fill('2027-06-30');
	await page.getByRole('button', { name: 'Bilanz beginnen' }).click();
	await expect(page.getByText('Die Bilanz ist angelegt. Jetzt die Ziele bewerten.')).toBeVisible();

	// Publishing before every goal is rated is refused and says why.
	await page.getByRole('button', { name: 'Bilanz veröffentlichen' }).click();
	await expect(page.getByRole('alert')).toContainText('Bitte erst alle Ziele bewerten');

	const ratings = page.locator('select[name^="rating."]');
	const goals = await ratings.count();
	expect(goals).toBeGreaterThan(1);
	for (let index = 0; index < goals; index++) await ratings.nth(index).selectOption({ label: index === 0 ? 'gefährdet' : 'auf gutem Weg' });
	await page.locator('textarea[name^="findings."]').first().fill(findings);
	await page.getByRole('button', { name: 'Entwurf speichern' }).click();
	await expect(page.getByText('Die Bewertungen sind im Entwurf gespeichert.')).toBeVisible();
	await checkPage(page);
	await page.getByRole('button', { name: 'Bilanz veröffentlichen' }).click();
	await expect(page.getByText('Die Bilanz ist veröffentlicht.')).toBeVisible();
	await expect(page.getByRole('listitem').filter({ hasText: 'Halbzeitbilanz im Test' })).toContainText('veröffentlicht');

	const visitor = await (await browser.newContext({ locale: 'de-DE' })).newPage();
	await visitor.goto(`${edition}/monitor`);
	await expect(visitor.locator('.review-rating').first()).toContainText('gefährdet');
	await expect(visitor.locator('.review-rating').nth(1)).toContainText('auf gutem Weg');
	await checkPage(visitor);
	await visitor.getByRole('link', { name: 'Halbzeitbilanz im Test' }).first().click();
	await expect(visitor.getByRole('heading', { level: 2, name: 'Halbzeitbilanz im Test' })).toBeVisible();
	await expect(visitor.getByRole('cell', { name: findings })).toBeVisible();
	await checkPage(visitor);
});
