import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { accounts, discover, enumerate, fill, routesDir } from '../route-inventory';
import { HttpClient } from '../http-client';
import { wronglyMarkedLanguage } from './language-of-parts';

const pageRoutes = [...new Set(enumerate().filter((check) => check.method === 'GET').map((check) => check.routeId))].filter((routeId) =>
	existsSync(path.join(routesDir, routeId, '+page.svelte'))
);
const backOffice = (routeId: string) => /^\/(admin|account)/.test(routeId);

/** The problems on each page of the routes that answer with HTML, and how many pages answered. */
async function walk(page: Page, locale: string, routes: string[]): Promise<{ problems: string[]; checked: number }> {
	const problems: string[] = [];
	let checked = 0;
	for (const routeId of routes) {
		const address = `/${locale}${fill(routeId)}`.replace(/\/$/, '');
		const response = await page.goto(address);
		if (response?.status() !== 200 || !(response.headers()['content-type'] ?? '').includes('text/html')) continue;
		checked++;
		for (const problem of await wronglyMarkedLanguage(page)) problems.push(`${address}: ${problem}`);
	}
	return { problems, checked };
}

/**
 * Walks every page of the app, read from the source tree (so a new page is walked without being listed), in one
 * interface language: the public pages anonymously, then every page as the Münster admin. Without JavaScript:
 * the server's HTML is what is checked. Each language has a spec file of its own, so that the two walks can run
 * on the two story servers side by side.
 */
export function walkEveryPage(locale: string): void {
	test.use({ javaScriptEnabled: false });
	test.describe.configure({ mode: 'serial' });

	test.beforeAll(async ({ baseURL }) => {
		await discover(new HttpClient(new URL(baseURL!).origin));
	});

	test(`every public page in ${locale} marks German content as German, and nothing else`, async ({ page }) => {
		const { problems, checked } = await walk(page, locale, pageRoutes.filter((routeId) => !backOffice(routeId)));
		expect(problems).toEqual([]);
		// The walk reached the pages it is about, not a wall of 404s.
		expect(checked).toBeGreaterThan(35);
	});

	test(`every page an admin sees in ${locale}, back office included, marks German content as German`, async ({ page, baseURL }) => {
		test.setTimeout(120_000);
		const response = await page.request.post('/sign-in', { form: accounts.admin, headers: { Origin: new URL(baseURL!).origin, Accept: 'text/html' }, maxRedirects: 0 });
		expect(response.status()).toBe(303);
		const { problems, checked } = await walk(page, locale, pageRoutes);
		expect(problems).toEqual([]);
		expect(checked).toBeGreaterThan(70);
	});
}
