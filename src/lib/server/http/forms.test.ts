import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseForm } from './forms';

const schema = z.object({ body: z.string().max(2000) });
const post = (body: string) =>
	new Request('http://localhost/', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ body }).toString() });

describe('a submitted form', () => {
	it('is refused with a field error when a text holds a NUL character, which PostgreSQL cannot store', async () => {
		const result = await parseForm(post('Hallo\u0000Welt'), schema);
		expect(result.ok).toBe(false);
		if (!result.ok) {
			expect(result.failure.status).toBe(400);
			expect(Object.keys(result.failure.data.errors)).toEqual(['body']);
		}
	});

	it('is refused when a text holds another control character, such as a terminal escape', async () => {
		for (const text of ['Glocke\u0007', '\u001B[31mrot']) expect((await parseForm(post(text), schema)).ok, JSON.stringify(text)).toBe(false);
	});

	it('arrives with U+FFFD in place of broken UTF-8 (a lone surrogate or an overlong sequence), not as broken text', async () => {
		const request = new Request('http://localhost/', {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: 'body=a%ED%A0%80b%C0%AFc'
		});
		const result = await parseForm(request, schema);
		expect(result.ok && result.data.body).toMatch(/^a\uFFFD+b\uFFFD+c$/);
	});

	it('keeps tabs, line breaks, emoji and right-to-left text, which people type', async () => {
		const text = 'Zeile 1\r\n\tZeile 2 😀 مرحبا \u202Bאבג\u202C';
		const result = await parseForm(post(text), schema);
		expect(result.ok && result.data.body).toBe(text);
	});
});
