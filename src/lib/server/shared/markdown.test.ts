import { expect, it } from 'vitest';
import { hasActiveMarkup } from './markdown';

it('scripts, frames, event handlers and javascript: links in markdown are active markup, however they are spelled', () => {
	const active = [
		'Vorher\n\n<script>alert(1)</script>',
		'<SCRIPT SRC=//example.org/x.js></SCRIPT>',
		'Ein Bild <img src="x" onerror="alert(1)">',
		'<iframe src="https://example.org/karte"></iframe>',
		'[Anmeldung](javascript:alert(1))',
		'<a href="JaVaScRiPt:alert(1)">Link</a>',
		'<svg onload=alert(1)>',
		'<object data="x.swf"></object>'
	];
	for (const markdown of active) expect(hasActiveMarkup(markdown), markdown).toBe(true);
});

it('formatting, ordinary links, hashtags and code that shows a script tag are not', () => {
	const plain = [
		'Treffen im **Rathaus**, [Anmeldung](https://example.org/anmeldung) und [Mail](mailto:info@example.org) #Münster',
		'Wer `<script>` schreibt, meint hier nur den Namen des Elements.',
		'```html\n<script>alert(1)</script>\n```',
		'Die Gruppe traf sich online; Beginn: on=18 Uhr, 3 < 5 > 2',
		// Not a tag to CommonMark, so marked writes it out as text.
		"'><svg/onload=alert(1)>",
		'> Zitat\n\n| Spalte | Wert |\n| --- | --- |\n| a | b |'
	];
	for (const markdown of plain) expect(hasActiveMarkup(markdown), markdown).toBe(false);
});
