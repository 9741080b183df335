import { expect, it } from 'vitest';
import { extractHashtags, parseTagList, renderArticleMarkdown, tagKey } from './tag';

const keys = (markdown: string) => extractHashtags(markdown).map((tag) => tag.key);
const tagHref = (key: string) => `/muenster/tags/${encodeURIComponent(key)}`;

it('inline hashtags with Unicode letters become tags, keyed in lower case and spelled as first written', () => {
	expect(extractHashtags('Wir feiern in #Münster die #Integration – #Göç und #münster und #Vielfalt_2025.')).toEqual([
		{ key: 'münster', display: 'Münster' },
		{ key: 'integration', display: 'Integration' },
		{ key: 'göç', display: 'Göç' },
		{ key: 'vielfalt_2025', display: 'Vielfalt_2025' }
	]);
});

it('numbers, URL anchors, code, entities, words with # inside and headings are no hashtags', () => {
	expect(keys('Punkt #1 und #2025 der Liste')).toEqual([]);
	expect(keys('Siehe https://example.org/seite#Abschnitt und <https://example.org/#Anker>')).toEqual([]);
	expect(keys('[Link](https://example.org/#Ziel) und [#Text im Link](/x)')).toEqual([]);
	expect(keys('Code `#Nichts` und\n\n```\n#AuchNicht\n```\n')).toEqual([]);
	expect(keys('C#Sharp und &#x27;Zitat&#x27;')).toEqual([]);
	expect(keys('# Überschrift\n\n## Zweite\n\nText')).toEqual([]);
	expect(keys('(#Klammer) und „#Zitat“')).toEqual(['klammer', 'zitat']);
});

it('rendered hashtags link to the tag page and scripts never reach the page', () => {
	const html = renderArticleMarkdown('# Titel\n\nHallo #Göç <script>alert(1)</script> <a href="javascript:alert(1)" onclick="x()">klick</a>', tagHref);
	expect(html).toContain(`<a class="hashtag" href="/muenster/tags/${encodeURIComponent('göç')}">#Göç</a>`);
	expect(html).toContain('<h2>Titel</h2>');
	expect(html).not.toMatch(/script|javascript:|onclick/i);
});

it('a tag list accepts tags with or without # and ignores numbers and duplicates', () => {
	expect(parseTagList('#Integration, Sprache; integration #7 Göç')).toEqual([
		{ key: 'integration', display: 'Integration' },
		{ key: 'sprache', display: 'Sprache' },
		{ key: 'göç', display: 'Göç' }
	]);
	expect(tagKey('MÜNSTER')).toBe('münster');
});
