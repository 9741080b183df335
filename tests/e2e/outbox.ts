import type { Page } from '@playwright/test';
import { checkPage, expect, signIn } from './fixtures';

/**
 * The path of the link in the newest mail to `to`, read the way an operator would: in the outbox, as
 * platform admin. The page is signed out again afterwards.
 */
export async function linkMailedTo(page: Page, to: string, link: RegExp, { javaScript = true } = {}): Promise<string> {
	await signIn(page, 'plattform@example.org', 'demo-platform-admin');
	await page.goto('/admin');
	await page.getByRole('link', { name: /Postausgang/ }).click();
	await checkPage(page, { javaScript });
	await page.getByRole('row').filter({ hasText: to }).first().getByRole('link').click();
	await checkPage(page, { javaScript });
	const found = link.exec(await page.locator('pre').innerText())?.[0];
	expect(found, `a link matching ${link} in the newest mail to ${to}`).toBeTruthy();
	await page.getByRole('button', { name: /Abmelden/ }).click();
	const url = new URL(found!);
	return url.pathname + url.search;
}
