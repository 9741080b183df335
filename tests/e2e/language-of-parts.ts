import type { Page } from '@playwright/test';

/**
 * Passages whose language a screen reader would get wrong (WCAG 3.1.2, language of parts): Arabic text inside
 * an element marked as another language, and, on a page not in German, German content (a strategy's title, a
 * field of action, an organisation's name) left in the interface's language. The demo's content is German;
 * German is recognised by its short function words standing as words (not inside a web address or a slug).
 * Code, preformatted data and what a person types into a field are left out: their language is not the page's.
 * So are accessible names given as attributes and SVG titles: a name is one string, read in one voice, and cannot
 * mark a part of itself; the visible text beside it carries the marks.
 */
export async function wronglyMarkedLanguage(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const german = /(?:^|[\s(„“"‚‘«»,;:–—])(und|der|die|das|für|mit|nicht|von|zum|zur|im|den|dem|des|eine|einer|ist|sind|auf|bei|oder)(?=$|[\s)“”"‘’«»,;:.!?–—])/i;
		const arabic = /[\u0600-\u06FF]/;
		const skipped = 'script, style, pre, code, kbd, samp, textarea, [hidden], svg title, svg desc';
		const languageOf = (element: Element) => element.closest('[lang]')?.getAttribute('lang') ?? '';
		const found: string[] = [];
		const check = (text: string, element: Element) => {
			const lang = languageOf(element);
			if (arabic.test(text) && lang !== 'ar') found.push(`Arabic in lang="${lang}" <${element.tagName.toLowerCase()}>: ${text.slice(0, 80)}`);
			else if (!lang.startsWith('de') && german.test(text)) found.push(`German in lang="${lang}" <${element.tagName.toLowerCase()}>: ${text.slice(0, 80)}`);
		};
		const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			const text = node.textContent?.replace(/\s+/g, ' ').trim() ?? '';
			const element = node.parentElement;
			if (!text || !element || element.closest(skipped)) continue;
			check(text, element);
		}
		return found;
	});
}
