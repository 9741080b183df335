import type { Page } from '@playwright/test';
import { checkPage, expect, focusedElement, keepScreenshot, signIn, test } from './fixtures';

// The reading parts of the core stories in Arabic on a small phone, right to left, by keyboard and
// without JavaScript; the same pages pass axe in German and English. Variants are combined so that
// each page is loaded as few times as possible.

const edition = '/muenster/strategies/migration-und-integration/editions/4';
const readingPaths = [edition, `${edition}/monitor`, '/muenster/news/rat-beschliesst-leitbild', '/muenster/events?view=list'];
const localised = (locale: string, path: string) => (locale === 'de' ? path : `/${locale}${path}`);

// Münster's demo translates some goal titles of the 4th edition; the others stay German.
const translatedGoal: Record<string, string> = {
	en: 'Professional qualifications from abroad are recognised faster',
	ar: 'يتم الاعتراف بالمؤهلات المهنية المكتسبة في الخارج بشكل أسرع'
};
const untranslatedGoal = 'Gründerinnen und Gründer mit Migrationsgeschichte werden gezielt beraten';

/** A translated goal carries its language and direction; an untranslated one is marked German, and the page says so. */
async function expectContentLanguages(page: Page, locale: 'en' | 'ar') {
	const translated = page.locator('h3 span', { hasText: translatedGoal[locale] });
	await expect(translated).toHaveAttribute('lang', locale);
	await expect(translated).toHaveAttribute('dir', locale === 'ar' ? 'rtl' : 'ltr');
	const fallback = page.locator('h3 span', { hasText: untranslatedGoal });
	await expect(fallback).toHaveAttribute('lang', 'de');
	await expect(fallback).toHaveAttribute('dir', 'ltr');
	await expect(page.locator('.content-language-note')).toBeVisible();
}

async function sidewaysOverflow(page: Page): Promise<number> {
	return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

test('Arabic readers get every core reading page right to left on a 360 px phone, with a screenshot kept', async ({ page, visit }, testInfo) => {
	await page.setViewportSize({ width: 360, height: 740 });
	// The document and its comparison of versions put German titles inside Arabic sentences; `visit` checks that
	// every passage is marked with its own language, as on every page.
	for (const path of [...readingPaths, `${edition}/document`, `${edition}/document?compare=1..2`]) {
		await visit(localised('ar', path));
		await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
		expect(await sidewaysOverflow(page), path).toBeLessThanOrEqual(0);
		if (path.endsWith('/monitor')) await expectContentLanguages(page, 'ar');
		await keepScreenshot(page, testInfo, `ar${path.replaceAll(/[/?=]/g, '-')}`);
	}
});

test('the language switcher names all six languages in themselves and keeps the page', async ({ page, visit }) => {
	await visit(localised('en', edition));
	const switcher = page.getByRole('navigation', { name: 'Language' });
	for (const [locale, name] of [['de', 'Deutsch'], ['tr', 'Türkçe'], ['ar', 'العربية'], ['uk', 'Українська'], ['ru', 'Русский']]) {
		const link = switcher.getByRole('link', { name, exact: true });
		await expect(link).toHaveAttribute('lang', locale);
		await expect(link).toHaveAttribute('href', localised(locale, edition));
	}
	await expect(page.locator('link[rel="alternate"][hreflang="ar"]')).toHaveAttribute('href', /\/ar\/muenster\//);
});

test('the reading pages pass axe in English', async ({ page, visit }) => {
	for (const path of readingPaths) {
		await visit(localised('en', path));
		if (path.endsWith('/monitor')) await expectContentLanguages(page, 'en');
	}
});

test('the edition page leads to its summary in Leichte Sprache: German, large type, axe-clean', async ({ page, visit }) => {
	await visit(edition);
	await page.getByRole('link', { name: /Leichte Sprache/ }).click();
	await expect(page).toHaveURL(`${edition}/easy-read`);
	await checkPage(page);
	const text = page.locator('.easy-read-text').first();
	await expect(text).toHaveAttribute('lang', 'de');
	await expect(text).toContainText('Die Stadt Münster hat einen Plan.');
	expect(await text.evaluate((element) => parseFloat(getComputedStyle(element).fontSize))).toBeGreaterThanOrEqual(20);
});

test('a facilitator translates a goal in the back office, and Turkish readers see it on the monitor', async ({ page, visit }) => {
	const turkish = 'Göç geçmişi olan girişimcilere hedefli danışmanlık verilir';
	await signIn(page, 'moderation@muenster.example.org', 'demo-facilitator-muenster');
	await visit(`/admin${edition}/document`);
	await page.getByRole('link', { name: new RegExp(`Übersetzungen von „[\\d.]+ ${untranslatedGoal}“`) }).click();
	await checkPage(page);
	await page.getByLabel('Titel auf Türkçe').fill(turkish);
	await expect(page.getByLabel('Titel auf العربية')).toHaveAttribute('dir', 'rtl');
	await page.getByRole('button', { name: 'Übersetzungen speichern' }).click();
	await expect(page.locator('.form-success')).toBeVisible();
	await visit(localised('tr', `${edition}/monitor`));
	await expect(page.locator('h3 span', { hasText: turkish })).toHaveAttribute('lang', 'tr');
	await visit(`/admin${edition}/easy-read`);
	await expect(page.getByLabel('Zusammenfassung der Auflage in Leichter Sprache')).toHaveValue(/^Die Stadt Münster hat einen Plan\./);
});

test('a keyboard alone reaches the Arabic page, with focus always visible and no trap', async ({ page, visit }) => {
	await visit(localised('ar', `${edition}/monitor`));
	const seen = new Set<string>();
	for (let step = 0; step < 25; step++) {
		await page.keyboard.press('Tab');
		const focus = await focusedElement(page);
		expect(focus, `step ${step}`).not.toBeNull();
		expect(focus!.visible, focus!.element).toBe(true);
		seen.add(focus!.element);
	}
	expect(seen.size, 'Tab moves on instead of staying in one place').toBeGreaterThan(20);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });
	test('Arabic reading pages are complete server-rendered pages', async ({ page, visit }) => {
		for (const path of readingPaths.slice(0, 2)) {
			await visit(localised('ar', path));
			await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
			await checkPage(page, { javaScript: false });
		}
	});
});

test('a failed form says so at its top in Arabic, takes the focus there and describes each invalid field', async ({ page, visit }) => {
	await visit('/ar/register');
	await page.waitForLoadState('networkidle');
	await page.locator('form.stack').evaluate((form: HTMLFormElement) => (form.noValidate = true));
	await page.locator('form.stack button[type="submit"]').press('Enter');
	await expect(page.locator('.form-error')).toBeFocused();
	await checkPage(page);
	const field = page.locator('#field-email');
	await expect(field).toHaveAttribute('aria-invalid', 'true');
	await expect(field).toHaveAttribute('aria-describedby', /field-email-error/);
	// From the summary, Tab reaches its first link and the link takes the keyboard to that field.
	await page.keyboard.press('Tab');
	await page.keyboard.press('Enter');
	await expect(page.locator('#field-name')).toBeFocused();
});
