import { demoMonth, written } from './demo-days';
import { expect, signIn, test } from './fixtures';

const edition = '/muenster/strategies/migration-und-integration/editions/4';

// Text zoomed to 200 % (WCAG 1.4.4) on a small phone: the root font size is doubled as a browser's text
// zoom does, and no page may then need sideways scrolling. Plain loads without axe keep this cheap; the
// pages' axe scans are in the stories that visit them.
test('at 200 % text size on a 360 px phone the core pages need no sideways scrolling', async ({ page }) => {
	await page.setViewportSize({ width: 360, height: 740 });
	const paths = [
		'/',
		'/muenster',
		edition,
		`${edition}/document`,
		`${edition}/easy-read`,
		`${edition}/ideas`,
		`${edition}/monitor`,
		'/muenster/news/rat-beschliesst-leitbild',
		`/muenster/events?month=${demoMonth(written.busySaturday)}`,
		'/muenster/organisations',
		'/register',
		'/sign-in'
	];
	const overflowing: string[] = [];
	const measure = async (path: string) => {
		const overflow = await page.evaluate(() => {
			document.documentElement.style.fontSize = '200%';
			const root = document.documentElement;
			// Name the innermost elements that stick out, so a failure says where to look.
			const wide = [...document.querySelectorAll('body *')]
				.filter((element) => element.getBoundingClientRect().right > root.clientWidth + 1)
				.filter((element) => ![...element.children].some((child) => child.getBoundingClientRect().right > root.clientWidth + 1))
				.slice(0, 4)
				.map((element) => `${element.tagName.toLowerCase()}.${[...element.classList].join('.')} "${(element.textContent ?? '').trim().slice(0, 30)}"`);
			return { by: root.scrollWidth - root.clientWidth, wide };
		});
		if (overflow.by > 0) overflowing.push(`${path} (${overflow.by} px: ${overflow.wide.join(', ')})`);
	};
	for (const path of paths) {
		await page.goto(path);
		await measure(path);
	}
	// One page of each kind reached through the ones above: an indicator with its chart and table, an idea, an event.
	for (const [from, link] of [
		[`${edition}/monitor`, 'a[href*="/monitor/indicators/"]'],
		[`${edition}/ideas`, 'a[href*="/ideas/"]:not([href$="/ideas/new"])'],
		[`/muenster/events?month=${demoMonth(written.busySaturday)}`, 'a[href*="/events/"]']
	]) {
		await page.goto(from);
		const target = await page.locator(link).first().getAttribute('href');
		await page.goto(target!);
		await measure(target!);
	}
	expect(overflowing).toEqual([]);
});

// Public reading pages ship no JavaScript, so each link there is a page load that screen readers announce
// themselves; the back office navigates on the client and needs SvelteKit's announcer.
test('a client-side navigation in the back office is announced with the new page title', async ({ page, visit }) => {
	await signIn(page, 'admin@muenster.example.org', 'demo-admin-muenster');
	await visit('/admin/muenster');
	await page.waitForLoadState('networkidle');
	const audit = page.locator('a[href$="/admin/muenster/audit"]').first();
	await audit.click();
	await expect(page).toHaveURL(/\/admin\/muenster\/audit$/);
	await expect(page.locator('#svelte-announcer')).toHaveAttribute('aria-live', 'assertive');
	await expect(page.locator('#svelte-announcer')).toHaveText(await page.title());
});

test('list pages show titles in the reader’s language where a translation exists, marked with its language', async ({ request }) => {
	const news = await (await request.get('/en/muenster/news')).text();
	expect(news).toMatch(/<h2 lang="en" dir="ltr"[^>]*><a [^>]*>City council adopts the strategy for migration and integration<\/a>/);
	const municipalityPage = await (await request.get('/ar/muenster')).text();
	expect(municipalityPage).toContain('lang="ar" dir="rtl"');
	expect(municipalityPage).toContain('مجلس المدينة يقرّ استراتيجية الهجرة والاندماج');
	const calendar = await (await request.get(`/tr/muenster/events?month=${demoMonth(written.yearOfImplementation)}`)).text();
	expect(calendar).toMatch(/<span lang="tr" dir="ltr"[^>]*>Uygulamanın birinci yılı: Stratejiden neler çıktı<\/span>/);
	// An event without a Turkish title keeps its German one, marked German.
	const list = await (await request.get('/tr/muenster/events?view=list')).text();
	expect(list).toMatch(/<h2 lang="de" dir="ltr"/);
});
