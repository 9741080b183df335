import { readFileSync, readdirSync } from 'node:fs';
import { expect, it } from 'vitest';

const catalogue = (locale: string) =>
	JSON.parse(readFileSync(`messages/${locale}.json`, 'utf8')) as Record<string, string>;
const keysOf = (messages: Record<string, string>) => Object.keys(messages).filter((key) => key !== '$schema');
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

const source = catalogue('de');
const others = readdirSync('messages')
	.map((file) => file.replace('.json', ''))
	.filter((locale) => locale !== 'de');

it.each(others)('the %s catalogue has every key of the German one, with the same placeholders', (locale) => {
	const messages = catalogue(locale);
	const missing = keysOf(source).filter((key) => !(key in messages));
	expect(missing).toEqual([]);
	expect(keysOf(messages).filter((key) => !(key in source)), 'keys German does not have').toEqual([]);
	expect(keysOf(source).filter((key) => messages[key].trim() === ''), 'empty messages').toEqual([]);
	for (const key of keysOf(source)) expect(placeholders(messages[key]), key).toEqual(placeholders(source[key]));
});

it('German has no empty message', () => {
	expect(keysOf(source).filter((key) => source[key].trim() === '')).toEqual([]);
});
