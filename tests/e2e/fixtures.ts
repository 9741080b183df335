import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test as base, expect, type Page, type TestInfo } from '@playwright/test';
import { wronglyMarkedLanguage } from './language-of-parts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

type AxeViolation = { id: string; help: string; targets: string[] };

/**
 * What an axe scan's outcome depends on: the document as it stands, the viewport, the emulated media
 * and which elements are focused and hovered (their styles may change colours). The stylesheets are the
 * build's, the same for every page of a run.
 */
async function scanCondition(page: Page): Promise<string> {
	// Hashed here: crypto.subtle exists only in secure contexts, and a page set with setContent is none.
	const condition = await page.evaluate(() => {
		const pathOf = (element: Element | null | undefined): string => {
			const steps: number[] = [];
			for (let node = element; node?.parentElement; node = node.parentElement) steps.push([...node.parentElement.children].indexOf(node));
			return steps.reverse().join('.');
		};
		const media = ['(prefers-color-scheme: dark)', '(forced-colors: active)', '(prefers-contrast: more)', '(prefers-reduced-motion: reduce)']
			.map((query) => (matchMedia(query).matches ? '1' : '0'))
			.join('');
		const hovered = [...document.querySelectorAll(':hover')].at(-1);
		return [document.documentElement.outerHTML, innerWidth, innerHeight, devicePixelRatio, media, pathOf(document.activeElement), pathOf(hovered)].join('\u0000');
	});
	return createHash('sha256').update(condition).digest('hex');
}

// Documents already found free of violations in this worker, by scanCondition. Stories pass through the
// same pages in the same state (a form shown again, a list before and after an unrelated change); an
// identical document under identical conditions gives axe's identical answer, so it is not scanned twice.
// Scans that found something are not kept: a finding caused by timing gets its fresh scan on the retry.
const passedScans = new Set<string>();

/**
 * axe-core run in the page itself. The Playwright wrapper finishes every scan in a new blank page
 * so that it can merge cross-origin frames; our pages have none before consent, and that extra page
 * doubled the time of each scan. Only violations are collected, which spares axe the work of
 * serialising every passed check.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
	await settle(page);
	const condition = await scanCondition(page);
	if (passedScans.has(condition)) return [];
	const violations = await scan(page);
	// Kept only when the document did not change while axe ran (a late hydration, say).
	if (violations.length === 0 && (await scanCondition(page)) === condition) passedScans.add(condition);
	return violations;
}

/**
 * A page opened at an anchor (/privacy#consent) has its header above the viewport, and axe's
 * target-size check misjudges the spacing of targets at negative coordinates now and then; every
 * page is scanned from its top, as most are opened anyway. The browser may still scroll to the
 * anchor, or lay the page out again for a font, until it has loaded: the scan waits for both.
 */
async function settle(page: Page): Promise<void> {
	await page.evaluate(async () => {
		if (document.readyState !== 'complete') await new Promise((resolve) => window.addEventListener('load', resolve, { once: true }));
		await document.fonts.ready;
		const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
		for (let attempt = 0; attempt < 10; attempt++) {
			window.scrollTo(0, 0);
			await nextFrame();
			if (window.scrollY === 0) break;
		}
	});
}

/**
 * axe's colour contrast check parses the computed colour of every element behind every text, again for
 * each text, through colorjs.io with a gamut mapping each time: 1.1 s of 5.2 s in a profile of three scans
 * of the monitor page, which took 3.2 s with this memo. A colour string always parses to the same colour,
 * so each page parses each string once. A string axe cannot parse still throws, and is tried again the next time.
 */
function parseEachColourOnce(): void {
	type ParsedColour = { r: number; g: number; b: number; alpha: number };
	const { Color } = (window as unknown as { axe: { commons: { color: { Color: { prototype: ParsedColour & { parseString(text: string): unknown } } } } } }).axe.commons.color;
	const parseString = Color.prototype.parseString;
	const parsed = new Map<string, ParsedColour>();
	Color.prototype.parseString = function (this: ParsedColour, text: string) {
		const known = parsed.get(text);
		if (!known) {
			parseString.call(this, text);
			parsed.set(text, { r: this.r, g: this.g, b: this.b, alpha: this.alpha });
			return this;
		}
		// The setters of r, g and b keep axe's red, green and blue (0–255) in step.
		this.r = known.r;
		this.g = known.g;
		this.b = known.b;
		this.alpha = known.alpha;
		return this;
	};
}

async function scan(page: Page): Promise<AxeViolation[]> {
	if (!(await page.evaluate(() => 'axe' in window))) {
		await page.evaluate(axeSource);
		await page.evaluate(parseEachColourOnce);
	}
	return page.evaluate(async (tags) => {
		const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
		const results = await axe.run(document, {
			runOnly: { type: 'tag', values: tags },
			resultTypes: ['violations'],
			iframes: false,
			// Preloading copies and parses every stylesheet and media element again on each scan (a third of a scan's
			// time on the edition page), for the two rules that read them: css-orientation-lock, which is experimental
			// and not in our tags, and no-autoplay-audio, which only applies to autoplaying media.
			preload: document.querySelector('audio[autoplay], video[autoplay]') !== null
		});
		return results.violations.map((violation) => ({
			id: violation.id,
			help: violation.help,
			targets: violation.nodes.map((node) => node.target.join(' '))
		}));
	}, axeTags);
}

/**
 * Every spec uses `visit` (or `checkPage` after a click or a form post): each page it reaches is
 * scanned with axe (WCAG 2.2 AA) and checked for one h1, a lang attribute, a skip link and passages marked
 * with the wrong language.
 * Any request to another origin fails the test.
 */
export async function checkPage(page: Page, { javaScript = true } = {}): Promise<void> {
	await expect(page.locator('h1')).toHaveCount(1);
	const lang = await page.locator('html').getAttribute('lang');
	expect(lang).toMatch(/^(de|en|tr|ar|uk|ru)$/);
	await expect(page.locator('html')).toHaveAttribute('dir', lang === 'ar' ? 'rtl' : 'ltr');
	await expect(page.locator('a.skip-link')).toHaveAttribute('href', '#main');
	expect(await wronglyMarkedLanguage(page), `language of parts on ${page.url()}`).toEqual([]);
	// axe runs inside the page; with JavaScript off the same pages are scanned by the other specs.
	if (!javaScript) return;
	expect(await axeViolations(page), `axe violations on ${page.url()}`).toEqual([]);
}

/**
 * What makes a page's Content-Security-Policy weaker than ours must be: scripts only from this origin
 * or by hash, no plugins, no framing by others, no base-URL rewriting.
 */
export function cspWeaknesses(header: string | undefined): string[] {
	if (!header) return ['no Content-Security-Policy header'];
	const directives = new Map(
		header
			.split(';')
			.map((part) => part.trim().split(/\s+/))
			.filter((words) => words[0])
			.map(([name, ...values]) => [name.toLowerCase(), values] as const)
	);
	const weaknesses: string[] = [];
	const scripts = directives.get('script-src') ?? directives.get('default-src');
	if (!scripts) weaknesses.push('no script-src or default-src');
	for (const source of scripts ?? []) {
		if (!/^('self'|'none'|'sha(256|384|512)-[A-Za-z0-9+/=]+')$/.test(source)) weaknesses.push(`script-src allows ${source}`);
	}
	if (!(directives.get('default-src') ?? []).every((source) => ["'self'", "'none'"].includes(source))) weaknesses.push('default-src wider than self');
	if (directives.get('object-src')?.join(' ') !== "'none'" && directives.get('default-src')?.join(' ') !== "'none'") weaknesses.push("object-src is not 'none'");
	if (directives.get('frame-ancestors')?.join(' ') !== "'none'") weaknesses.push("frame-ancestors is not 'none'");
	if (!["'self'", "'none'"].includes(directives.get('base-uri')?.join(' ') ?? '')) weaknesses.push('base-uri is open');
	return weaknesses;
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
			const headers = (await response?.allHeaders()) ?? {};
			// A page the browser revalidated (304) is reported with the 304's few headers; its policy came with the first load.
			if (headers['content-type']) expect(cspWeaknesses(headers['content-security-policy']), `Content-Security-Policy of ${path}`).toEqual([]);
			await checkPage(page, { javaScript: javaScriptEnabled });
		});
	}
});

export { expect };

/**
 * Signs in by posting the sign-in form as the browser would without JavaScript, then opens the page the
 * form redirects to. The form itself, typed into and submitted, is the subject of sign-in.spec.ts; here
 * it is only the way in, and posting it saves every story a page load and the wait for hydration.
 */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
	const origin = new URL(test.info().project.use.baseURL!).origin;
	const response = await page.request.post('/sign-in', {
		form: { email, password },
		headers: { Origin: origin, Accept: 'text/html' },
		maxRedirects: 0
	});
	expect(response.status(), `sign-in of ${email}`).toBe(303);
	await page.goto(response.headers()['location'] ?? '/');
}

/** A full-page screenshot kept as a PNG file in the test's folder under test-results/, and listed in the report. */
export async function keepScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
	const file = testInfo.outputPath(`${name}.png`);
	await page.screenshot({ path: file, fullPage: true });
	await testInfo.attach(`${name}.png`, { path: file, contentType: 'image/png' });
}

/** The element that has the keyboard focus (null when none but the page has it), and whether its focus outline shows. */
export async function focusedElement(page: Page): Promise<{ element: string; visible: boolean } | null> {
	return page.evaluate(() => {
		const element = document.activeElement as HTMLElement | null;
		if (!element || element === document.body) return null;
		const style = getComputedStyle(element);
		return { element: element.outerHTML.slice(0, 120), visible: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0 };
	});
}
