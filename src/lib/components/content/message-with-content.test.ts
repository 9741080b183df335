import { describe, expect, it } from 'vitest';
import * as m from '$lib/paraglide/messages';
import { splitAroundContent } from './message-with-content';

describe('splitAroundContent', () => {
	it('finds the words around the content wherever a language puts it', () => {
		for (const [locale, before, after] of [
			['de', 'Fassung 2: ', ''],
			['en', 'Version 2: ', ''],
			['ar', 'النسخة 2: ', '']
		] as const) {
			expect(splitAroundContent((title) => m.document_version_label({ number: 2, title }, { locale }))).toEqual({ before, after });
		}
		// Arabic joins the German title and the edition with its own comma.
		for (const [locale, after] of [
			['de', ', 4. Auflage'],
			['ar', '، الإصدار 4']
		] as const) {
			const heading = (strategy: string) => m.edition_of_strategy({ strategy, edition: m.edition_name({ number: 4 }, { locale }) }, { locale });
			expect(splitAroundContent(heading)).toEqual({ before: '', after });
		}
	});

	it('gives up on a message that shows the content twice or not at all, so the caller shows it whole', () => {
		expect(splitAroundContent((title) => `${title} / ${title}`)).toBeUndefined();
		expect(splitAroundContent(() => 'Version 2')).toBeUndefined();
	});
});
