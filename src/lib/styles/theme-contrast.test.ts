import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const css = readFileSync(new URL('./app.css', import.meta.url), 'utf8');

/** The custom properties of the first rule block after `marker`. */
function tokensAfter(marker: string): Map<string, string> {
	const start = css.indexOf(marker);
	if (start < 0) throw new Error(`no ${marker} in app.css`);
	const open = css.indexOf('{', css.indexOf(':root', start));
	const block = css.slice(open + 1, css.indexOf('}', open));
	return new Map([...block.matchAll(/--colour-([a-z0-9-]+):\s*(#[0-9a-f]{6})\s*;/gi)].map((match) => [match[1], match[2].toLowerCase()]));
}

const light = tokensAfter(':root');
const dark = new Map([...light, ...tokensAfter('prefers-color-scheme: dark')]);

function luminance(hex: string): number {
	const [r, g, b] = [1, 3, 5].map((offset) => {
		const channel = parseInt(hex.slice(offset, offset + 2), 16) / 255;
		return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
	});
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
	const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
	return (high + 0.05) / (low + 0.05);
}

const series = ['blue', 'red', 'green', 'purple', 'amber', 'slate', 'teal', 'pink'];
// Text is read on these pairs (WCAG 1.4.3, 4.5:1); status badges colour their word with the series colours.
const textPairs: [string, string][] = [
	...['text', 'muted', 'accent', 'accent-dark', 'danger', 'success', 'warning', ...series].flatMap((fg): [string, string][] => [
		[fg, 'background'],
		[fg, 'surface']
	]),
	['on-accent', 'accent'],
	['on-accent', 'accent-dark'],
	['accent-dark', 'accent-subtle'],
	['text', 'demo'],
	['text', 'code-background'],
	['inserted', 'inserted-background'],
	['deleted', 'deleted-background']
];
// Focus rings, field borders and chart marks only need to be told apart from what surrounds them (WCAG 1.4.11, 3:1).
const graphicPairs: [string, string][] = [
	['focus', 'background'],
	['focus', 'surface'],
	['input-border', 'surface'],
	['input-border', 'background'],
	['accent', 'bar-rest'],
	['text', 'shade-0'],
	['text', 'shade-4'],
	...series.map((name): [string, string] => [name, 'surface'])
];

describe.each([
	['light', light],
	['dark', dark]
])('the %s theme', (_name, tokens) => {
	it('defines every colour the pairs use as a plain hex value', () => {
		const missing = [...textPairs, ...graphicPairs].flat().filter((name) => !tokens.has(name));
		expect(missing).toEqual([]);
	});

	it.each(textPairs)('keeps text in %s on %s at 4.5:1 or more', (fg, bg) => {
		expect(contrast(tokens.get(fg)!, tokens.get(bg)!)).toBeGreaterThanOrEqual(4.5);
	});

	it.each(graphicPairs)('keeps %s against %s at 3:1 or more', (fg, bg) => {
		expect(contrast(tokens.get(fg)!, tokens.get(bg)!)).toBeGreaterThanOrEqual(3);
	});
});

it('the dark theme overrides every colour of the light one, so nothing stays light on dark', () => {
	const overridden = tokensAfter('prefers-color-scheme: dark');
	expect([...light.keys()].filter((name) => !overridden.has(name))).toEqual([]);
});

/** Colour literals in markup and styles; `currentColor`, `transparent` and `var(--colour-…)` are fine. */
const colourLiteral = /#[0-9a-f]{3,8}\b|\b(?:rgba?|hsla?|oklch|lab|lch)\(|:\s*(?:black|white|red|green|blue|grey|gray|orange|yellow)\b/gi;

it('no component or page sets a colour of its own: every colour is a token that the themes define and this test checks', () => {
	const source = path.resolve(import.meta.dirname, '../..');
	const offenders: string[] = [];
	for (const file of readdirSync(source, { recursive: true }) as string[]) {
		if (!file.endsWith('.svelte')) continue;
		const text = readFileSync(path.join(source, file), 'utf8')
			// In-page links (`href="#main"`) and id selectors are not colours.
			.replace(/href=["'{`]#[\w-]*/g, '')
			.replace(/(^|[\s,{}])#[a-z][\w-]*(?=\s*[{,:.[])/gim, '$1');
		for (const match of text.matchAll(colourLiteral)) offenders.push(`${file}: ${match[0]}`);
	}
	expect(offenders).toEqual([]);
});
