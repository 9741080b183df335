import { readFileSync } from 'node:fs';
import bidiFactory from 'bidi-js';
import { describe, expect, it } from 'vitest';

const css = readFileSync(new URL('./app.css', import.meta.url), 'utf8');
const bidi = bidiFactory();

/** The generated content of the last rule in app.css whose selector is exactly `selector`, if any. */
function contentOf(selector: string): string | undefined {
	const escaped = selector.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	const rules = [...css.matchAll(new RegExp(`(?:^|\\n)${escaped}\\s*\\{([^}]*)\\}`, 'g'))];
	const content = rules.map((rule) => /content:\s*'([^']*)'/.exec(rule[1])?.[1]).filter((value) => value !== undefined);
	return content.at(-1);
}

/**
 * The glyph a browser draws for the first character of `text` in a line of the given base direction: the
 * Unicode bidirectional algorithm resolves its level, and a mirrored character at an odd (right-to-left)
 * level is drawn as its mirror image (rule L4).
 */
function drawnFirstCharacter(text: string, direction: 'ltr' | 'rtl'): string {
	const { levels } = bidi.getEmbeddingLevels(text, direction);
	const character = text[0];
	return levels[0] % 2 === 1 ? (bidi.getMirroredCharacter(character) ?? character) : character;
}

// A breadcrumb item is one flex item: the separator before it starts a line of its own with the page's direction.
const labels = { Arabic: 'البلديات', German: 'Münster', 'Arabic with a number': 'الإصدار 4', English: 'Strategies' };

describe('the breadcrumb separator points the way the page reads', () => {
	const leftToRight = contentOf('.breadcrumbs li + li::before');
	const rightToLeft = contentOf("[dir='rtl'] .breadcrumbs li + li::before") ?? leftToRight;

	it('has a separator', () => {
		expect(leftToRight).toBe('›');
	});

	it.each(Object.entries(labels))('towards the right before a label in %s on a left-to-right page', (_, label) => {
		expect(drawnFirstCharacter(`${leftToRight}${label}`, 'ltr')).toBe('›');
	});

	it.each(Object.entries(labels))('towards the left before a label in %s on a right-to-left page', (_, label) => {
		expect(drawnFirstCharacter(`${rightToLeft}${label}`, 'rtl')).toBe('‹');
	});
});
