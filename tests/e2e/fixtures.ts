import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

/**
 * Every spec uses `visit` (or `checkPage` after a click or a form post): each page it reaches is
 * scanned with axe (WCAG 2.2 AA) and checked for one h1, a lang attribute and a skip link.
 * Any request to another origin fails the test.
 */
export async function checkPage(page: Page, { javaScript = true } = {}): Promise<void> {
	await expect(page.locator('h1')).toHaveCount(1);
	await expect(page.locator('html')).toHaveAttribute('lang', /^(de|en)$/);
	await expect(page.locator('a.skip-link')).toHaveAttribute('href', '#main');
	// axe runs inside the page; with JavaScript off the same pages are scanned by the other specs.
	if (!javaScript) return;
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
		.analyze();
	const violations = results.violations.map((violation) => ({
		id: violation.id,
		help: violation.help,
		targets: violation.nodes.map((node) => node.target.join(' '))
	}));
	expect(violations, `axe violations on ${page.url()}`).toEqual([]);
}

export const test = base.extend<{ visit: (path: string) => Promise<void>; foreignRequests: string[]; consentedOrigins: string[] }>({
	/** Origins a spec lets through after the visitor agreed (consent.spec.ts counts and intercepts those itself). */
	consentedOrigins: [[], { option: true }],
	foreignRequests: async ({ page, baseURL, consentedOrigins }, use) => {
		const origin = new URL(baseURL!).origin;
		const foreign: string[] = [];
		page.on('request', (request) => {
			const url = new URL(request.url());
			if (['data:', 'blob:', 'about:'].includes(url.protocol)) return;
			if (url.origin !== origin && !consentedOrigins.includes(url.origin)) foreign.push(request.url());
		});
		await use(foreign);
		expect(foreign, 'requests to other origins').toEqual([]);
	},
	visit: async ({ page, foreignRequests, javaScriptEnabled }, use) => {
		void foreignRequests;
		await use(async (path: string) => {
			const response = await page.goto(path);
			expect(response?.status(), `status of ${path}`).toBeLessThan(400);
			await checkPage(page, { javaScript: javaScriptEnabled });
		});
	}
});

export { expect };

export async function signIn(page: Page, email: string, password: string): Promise<void> {
	await page.goto('/sign-in', { waitUntil: 'networkidle' });
	const emailField = page.getByLabel('E-Mail-Adresse');
	const passwordField = page.getByLabel('Passwort', { exact: true });
	// Hydration can reset a field typed into just before it; fill again until both values stick.
	await expect(async () => {
		await emailField.fill(email);
		await passwordField.fill(password);
		await expect(emailField).toHaveValue(email, { timeout: 250 });
		await expect(passwordField).toHaveValue(password, { timeout: 250 });
	}).toPass({ timeout: 10_000 });
	await page.getByRole('button', { name: 'Anmelden' }).click();
	await page.waitForURL((url) => !url.pathname.endsWith('/sign-in'));
}
