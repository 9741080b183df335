import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'svelte/compiler';
import { expect, it } from 'vitest';

// Attributes whose value a person reads or hears.
const spokenAttributes = new Set(['alt', 'title', 'placeholder', 'aria-label', 'aria-description', 'aria-roledescription', 'aria-valuetext', 'label']);

function svelteFiles(directory: string): string[] {
	return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(directory, entry.name);
		if (entry.isDirectory()) return entry.name === 'paraglide' ? [] : svelteFiles(full);
		return entry.name.endsWith('.svelte') ? [full] : [];
	});
}

type Node = { type: string; data?: string; name?: string; value?: unknown; start: number; [key: string]: unknown };

/** Text in markup that does not come from the catalogue: any letter outside an expression. */
function hardCodedText(source: string): string[] {
	const ast = parse(source, { modern: true }) as unknown as { fragment: Node };
	const found: string[] = [];
	const visit = (node: unknown, parentName?: string): void => {
		if (!node || typeof node !== 'object') return;
		if (Array.isArray(node)) return node.forEach((child) => visit(child, parentName));
		const current = node as Node;
		if (current.type === 'Text' && parentName !== 'style' && /\p{L}/u.test(current.data ?? '')) {
			found.push((current.data ?? '').trim());
		}
		if (current.type === 'Attribute' && spokenAttributes.has(current.name ?? '') && Array.isArray(current.value)) {
			for (const part of current.value as Node[]) {
				if (part.type === 'Text' && /\p{L}/u.test(part.data ?? '')) found.push(`${current.name}="${part.data}"`);
			}
		}
		for (const [key, value] of Object.entries(current)) {
			if (key === 'metadata' || key === 'parent') continue;
			// Attribute values are checked above; only spoken attributes count.
			if (current.type === 'Attribute' && key === 'value') continue;
			if (value && typeof value === 'object') visit(value, current.type === 'RegularElement' ? current.name : parentName);
		}
	};
	visit(ast.fragment);
	return found;
}

it('no Svelte template carries user-facing text outside the message catalogues', () => {
	const offenders = svelteFiles('src')
		.map((file) => ({ file, text: hardCodedText(readFileSync(file, 'utf8')) }))
		.filter((entry) => entry.text.length > 0);
	expect(offenders).toEqual([]);
});

it('the scan finds text written straight into markup and into spoken attributes', () => {
	expect(hardCodedText('<p>Willkommen</p><img src="a.png" alt="Rathaus" /><span>{m.ok()}</span> · ')).toEqual([
		'Willkommen',
		'alt="Rathaus"'
	]);
});

// Svelte removes the whitespace at the start of a block's content: `{town}{#if district} · {district}{/if}`
// renders "Nord· Mitte". A separator there needs `&nbsp;` (which also keeps it on the line of what it follows).
type BlockNode = { type?: string; data?: string; nodes?: BlockNode[]; [key: string]: unknown };

/** Visible text that a block begins with a space: the space does not reach the page. */
function textLosingItsSpace(source: string): string[] {
	const ast = parse(source, { modern: true }) as unknown as { fragment: BlockNode };
	const found: string[] = [];
	const visit = (node: unknown, inBlock: boolean): void => {
		if (!node || typeof node !== 'object') return;
		if (Array.isArray(node)) return node.forEach((child) => visit(child, inBlock));
		const current = node as BlockNode;
		if (current.type === 'Fragment' && inBlock) {
			const first = current.nodes?.[0];
			if (first?.type === 'Text' && /^[ \t\r\n]+[^ \t\r\n]/.test(first.data ?? '')) found.push((first.data ?? '').trim().slice(0, 20));
		}
		for (const [key, value] of Object.entries(current)) {
			if (key === 'metadata' || key === 'parent') continue;
			if (value && typeof value === 'object') visit(value, (current.type ?? '').endsWith('Block'));
		}
	};
	visit(ast.fragment, false);
	return found;
}

it('no block of a Svelte template begins with visible text after a space', () => {
	const offenders = svelteFiles('src')
		.map((file) => ({ file, text: textLosingItsSpace(readFileSync(file, 'utf8')) }))
		.filter((entry) => entry.text.length > 0);
	expect(offenders).toEqual([]);
});

it('the scan finds a separator that loses its space, in any kind of block, and lets the others be', () => {
	expect(textLosingItsSpace('<p>{a}{#if b} · {c}{/if}</p>')).toEqual(['·']);
	expect(textLosingItsSpace('<p>{a}{#if b}\n\t\t({c}){:else} – {d}{/if}</p>')).toEqual(['(', '–']);
	expect(textLosingItsSpace('{#each items as item}\n\t, {item}{/each}')).toEqual([',']);
	expect(textLosingItsSpace('<p>{a}{#if b}&nbsp;· {c}{/if}</p>{#if d}\n\t<p>{d}</p>\n{/if}<p>{a} · {c}</p>')).toEqual([]);
});
