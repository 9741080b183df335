import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import * as labels from './message-labels';
import { lookupMessage, lookupPatterns } from './message-lookup';
import { translate } from './server/shared/translate';
import { getLocale, overwriteGetLocale } from './paraglide/runtime';

const german = JSON.parse(readFileSync('messages/de.json', 'utf8')) as Record<string, string>;
const labelKeys = Object.keys(german).filter((key) => !german[key].includes('{') && lookupPatterns.some((pattern) => pattern.test(key)));

/** Modules that end up in the browser: everything under src except the server's own. */
function browserModules(directory = 'src'): string[] {
	return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
		const file = path.join(directory, entry.name);
		if (entry.isDirectory()) return ['server', 'paraglide'].includes(entry.name) ? [] : browserModules(file);
		const isServerModule = /(\.server\.ts|\+server\.ts|\.test\.ts)$/.test(entry.name);
		return /\.(ts|svelte)$/.test(entry.name) && !isServerModule ? [file] : [];
	});
}

it('holds every label of the catalogue that its patterns name, with the same words as the catalogue', () => {
	expect(labelKeys.length).toBeGreaterThan(80);
	const original = getLocale;
	const other: string[] = [];
	try {
		for (const locale of ['de', 'en', 'ar'] as const) {
			overwriteGetLocale(() => locale);
			for (const key of labelKeys) expect(lookupMessage(key), key).toBe(translate(key));
			other.push(lookupMessage('events_type_other'));
		}
		// Three languages, three words: the labels follow the page's language.
		expect(new Set(other).size).toBe(3);
	} finally {
		overwriteGetLocale(original);
	}
});

it('holds nothing but labels: no message with parameters, none outside its patterns', () => {
	expect(Object.keys(labels).sort()).toEqual([...labelKeys].sort());
});

it('answers an unknown key with the generic message, never with the key', () => {
	expect(lookupMessage('events_type_bonfire')).toBe(translate('error_unexpected'));
	expect(lookupMessage('admin_title')).not.toBe('admin_title');
});

it('every key a browser module builds at run time matches one of its patterns', () => {
	const built = browserModules().flatMap((file) =>
		[...readFileSync(file, 'utf8').matchAll(/lookupMessage\(`([a-z_]*)\$\{[^}]*\}([a-z_]*)`\)/g)].map((match) => ({ file, key: `${match[1]}x${match[2]}` }))
	);
	expect(built.length).toBeGreaterThan(20);
	expect(built.filter(({ key }) => !lookupPatterns.some((pattern) => pattern.test(key)))).toEqual([]);
});

it('no browser module looks up messages by a computed name, which would bundle the whole catalogue', () => {
	const offenders = browserModules().filter((file) => {
		const source = readFileSync(file, 'utf8');
		return /from '\$lib\/paraglide\/messages'/.test(source) && /\bm as unknown|\bm\[/.test(source);
	});
	expect(offenders).toEqual([]);
	expect(browserModules()).toContain(path.join('src', 'lib', 'i18n.ts'));
});
