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
		expect(splitAroundContent((strategy) => `${strategy} – edition 4 (2025–2030)`)).toEqual({ before: '', after: ' – edition 4 (2025–2030)' });
	});

	it('gives up on a message that shows the content twice or not at all, so the caller shows it whole', () => {
		expect(splitAroundContent((title) => `${title} / ${title}`)).toBeUndefined();
		expect(splitAroundContent(() => 'Version 2')).toBeUndefined();
	});
});
