import { describe, expect, it } from 'vitest';
import { excerptOf, plainTextOf, wordsOf } from './excerpt';

const marked = (parts: { text: string; match: boolean }[]) => parts.map((part) => (part.match ? `[${part.text}]` : part.text)).join('');

describe('an excerpt of a found text', () => {
	it('marks the typed words and their other endings, ignoring case', () => {
		expect(marked(excerptOf('Wir bieten Sprachkurse an. Der nächste Sprachkurs beginnt im Mai.', 'sprachkurse'))).toBe(
			'Wir bieten [Sprachkurse] an. Der nächste [Sprachkurs] beginnt im Mai.'
		);
	});

	it('starts shortly before the first match in a long text, at a word, and says that it was cut', () => {
		const long = `${'Vorwort '.repeat(40)}Hier steht das Stichwort Beratung mitten im Text. ${'Nachwort '.repeat(40)}`;
		const excerpt = marked(excerptOf(long, 'Beratung'));
		expect(excerpt.startsWith('… ')).toBe(true);
		expect(excerpt).toContain('[Beratung]');
		expect(excerpt.endsWith(' …')).toBe(true);
		expect(excerpt.length).toBeLessThan(240);
	});

	it('shows the beginning when no typed word appears literally', () => {
		expect(marked(excerptOf('Kurze Beschreibung.', 'Anmeldung'))).toBe('Kurze Beschreibung.');
	});

	it('reads Markdown as plain words', () => {
		expect(plainTextOf('## Titel\n\n- ein **fetter** [Link](https://example.org)\n> Zitat')).toBe('Titel ein fetter Link Zitat');
	});

	it('leaves out operators and excluded words of the query', () => {
		expect(wordsOf('"Kita Plätze" or -Schule (Beratungen)')).toEqual(['Kita', 'Plät', 'Beratung']);
	});

	it('keeps marked words literal: a query cannot inject a pattern', () => {
		expect(marked(excerptOf('Kosten a|b und a und b', 'a|b'))).toBe('Kosten [a|b] und a und b');
	});
});
