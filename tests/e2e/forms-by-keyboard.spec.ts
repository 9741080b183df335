import type { Locator, Page, TestInfo } from '@playwright/test';
import { publishDraftForComments } from './draft-edition';
import { checkPage, expect, focusedElement, keepScreenshot, signIn, test } from './fixtures';

// The submitting parts of the core stories — join, register for an event, submit an idea, comment on
// a draft's goal — with the keyboard alone (Tab, typing, Space, arrow keys, Enter: no click anywhere),
// on a 360 × 740 phone, in Arabic (right to left, screenshots kept) and in English, with axe on every
// page reached, and once more in Arabic without JavaScript. The German runs of the same stories, with
// and without JavaScript, are in join.spec.ts, events.spec.ts, ideas.spec.ts and document-comments.spec.ts.

type Locale = 'ar' | 'en';
const variants: { locale: Locale; javaScript: boolean }[] = [
	{ locale: 'ar', javaScript: true },
	{ locale: 'en', javaScript: true },
	{ locale: 'ar', javaScript: false }
];
const localised = (locale: Locale, path: string) => `/${locale}${path}`;

test.use({ viewport: { width: 360, height: 740 } });

/** Presses Tab until `target` has the focus; every element passed on the way must show where the focus is. */
async function tabTo(page: Page, target: Locator): Promise<void> {
	for (let presses = 0; presses < 250; presses++) {
		if (await target.evaluate((element) => element === document.activeElement)) return;
		await page.keyboard.press('Tab');
		const focus = await focusedElement(page);
		expect(focus, `Tab press ${presses + 1} left the page`).not.toBeNull();
		expect(focus!.visible, `focus without a visible outline: ${focus!.element}`).toBe(true);
	}
	throw new Error(`Tab never reached ${target}`);
}

async function typeInto(page: Page, field: Locator, text: string): Promise<void> {
	await tabTo(page, field);
	await page.keyboard.type(text);
}

/** The page reached after a keyboard submission: axe-clean (where scripts run), in the right direction, no sideways scrolling, a screenshot for Arabic. */
async function expectGoodPage(page: Page, { locale, javaScript }: (typeof variants)[number], testInfo: TestInfo, name: string): Promise<void> {
	await checkPage(page, { javaScript });
	await expect(page.locator('html')).toHaveAttribute('dir', locale === 'ar' ? 'rtl' : 'ltr');
	expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), `sideways overflow on ${page.url()}`).toBeLessThanOrEqual(0);
	if (locale === 'ar') await keepScreenshot(page, testInfo, `ar-${javaScript ? '' : 'no-js-'}${name}`);
}

for (const variant of variants) {
	const { locale, javaScript } = variant;
	const unique = `${locale}-${javaScript ? 'js' : 'html'}`;
	test.describe(`${locale}, ${javaScript ? 'with' : 'without'} JavaScript`, () => {
		test.use({ javaScriptEnabled: javaScript });

		test('joining by keyboard on a phone', async ({ page, visit }, testInfo) => {
			const email = `tastatur-${unique}-${Date.now()}@example.org`;
			await visit(localised(locale, '/register'));
			await typeInto(page, page.locator('#field-name'), locale === 'ar' ? 'ليلى' : 'Leyla');
			await typeInto(page, page.locator('#field-email'), email);
			await typeInto(page, page.locator('#field-password'), 'mein sicheres passwort');
			await tabTo(page, page.locator('#field-consent'));
			await page.keyboard.press('Space');
			await expect(page.locator('#field-consent')).toBeChecked();
			await tabTo(page, page.locator('form.stack button[type="submit"]'));
			await page.keyboard.press('Enter');
			await expect(page.getByRole('status')).toContainText(email);
			await expectGoodPage(page, variant, testInfo, 'join');
		});

		test('registering for an event by keyboard on a phone', async ({ page, visit }, testInfo) => {
			await visit(localised(locale, '/greven/events?view=list'));
			const eventPath = await page.getByRole('link', { name: 'Infoabend für Vereine' }).getAttribute('href');
			await visit(eventPath!);
			await typeInto(page, page.locator('#field-name'), locale === 'ar' ? 'سامي' : 'Sami');
			await typeInto(page, page.locator('#field-email'), `infoabend-${unique}-${Date.now()}@example.org`);
			await tabTo(page, page.locator('form[action="?/register"] button[type="submit"]'));
			await page.keyboard.press('Enter');
			await expect(page.locator('.form-success[role="status"]')).toBeVisible();
			await expectGoodPage(page, variant, testInfo, 'event-registration');
		});

		test('submitting an idea by keyboard on a phone', async ({ page, visit }, testInfo) => {
			const title = `${locale === 'ar' ? 'دروس لغة في المساء' : 'Evening language classes'} (${unique})`;
			await signIn(page, 'teilnahme@example.org', 'demo-participant');
			await visit(localised(locale, '/greven/strategies/integrationskonzept/editions/1/ideas/new'));
			await typeInto(page, page.locator('#idea-title'), title);
			await typeInto(page, page.locator('#idea-body'), locale === 'ar' ? 'كثير من الناس يعملون خلال النهار.' : 'Many people work during the day.');
			await tabTo(page, page.locator('#idea-field'));
			await page.keyboard.press('ArrowDown');
			await expect(page.locator('#idea-field')).not.toHaveValue('');
			await tabTo(page, page.locator('form[action="?/submit"] button[type="submit"]'));
			await page.keyboard.press('Enter');
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
			await expectGoodPage(page, variant, testInfo, 'idea');
			// Written on this page in its language, the idea is in the page's language here, and marked so in German.
			await expect(page.getByRole('heading', { level: 1 })).not.toHaveAttribute('lang', /.*/);
			await page.goto(page.url().replace(`/${locale}/`, '/'));
			await expect(page.getByRole('heading', { level: 1 })).toHaveAttribute('lang', locale);
			// The German name inside the Arabic sign-out label is isolated, so its brackets stay in place.
			await expect(page.locator('form[action$="/sign-out"] button')).toContainText('\u2068Sam Probe (Demo-Teilnahme)\u2069');
		});

		test('reading the monitor and a chart\'s table, an article, and subscribing to the calendar by keyboard on a phone', async ({ page, visit }, testInfo) => {
			const edition = '/muenster/strategies/migration-und-integration/editions/4';
			await visit(localised(locale, `${edition}/monitor`));
			await tabTo(page, page.locator(`main a[href*="${edition}/monitor/indicators/"]`).first());
			await page.keyboard.press('Enter');
			await expect(page).toHaveURL(/\/indicators\/[0-9a-f-]{36}/);
			await expect(page.locator('main table').first()).toBeVisible();
			await expectGoodPage(page, variant, testInfo, 'indicator');

			await visit(localised(locale, '/muenster/news'));
			await tabTo(page, page.locator('main a[href$="/news/rat-beschliesst-leitbild"]').first());
			await page.keyboard.press('Enter');
			await expect(page).toHaveURL(/\/news\/rat-beschliesst-leitbild$/);
			await expectGoodPage(page, variant, testInfo, 'article');

			await visit(localised(locale, '/muenster/events'));
			await tabTo(page, page.locator('main a[download][href$="events.ics"]'));
			const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
			expect(download.suggestedFilename()).toMatch(/\.ics$/);
		});

		test('commenting on a draft goal by keyboard on a phone', async ({ page, visit }, testInfo) => {
			const goal = 'Sprachkurse mit Kinderbetreuung in jedem Stadtteil';
			const draft = { slug: `sprachkurse-${unique}`, title: `Sprachkurse im Quartier (${unique})`, field: 'Sprache', goal };
			const documentPath = await publishDraftForComments(page, visit, draft);
			await page.context().clearCookies();
			await signIn(page, 'teilnahme@example.org', 'demo-participant');
			await visit(localised(locale, documentPath));
			const goalItem = page.locator('li.outline-goal').filter({ hasText: goal });
			const thread = goalItem.locator('.comment-thread > details');
			await tabTo(page, thread.locator('> summary'));
			await page.keyboard.press('Enter');
			await typeInto(page, thread.locator('> form textarea'), locale === 'ar' ? 'من فضلكم أيضاً دورات في عطلة نهاية الأسبوع.' : 'Please also offer weekend classes.');
			await tabTo(page, thread.locator('> form button[type="submit"]'));
			await page.keyboard.press('Enter');
			await expect(goalItem.locator('.form-success[role="status"]')).toBeVisible();
			await expect(goalItem.getByRole('article')).toHaveCount(1);
			await expect(goalItem.locator('.document-comment__body')).not.toHaveAttribute('lang', /.*/);
			await expectGoodPage(page, variant, testInfo, 'comment');
		});
	});
}
