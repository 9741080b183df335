import type { RequestEvent } from '@sveltejs/kit';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import { describe, expect, it } from 'vitest';
import { answerBusyWith503, busyErrorOf } from './database-busy-response';

const poolTimeout = () => new DrizzleQueryError('select 1', [], new Error('timeout exceeded when trying to connect'));
const eventOf = () => ({ locals: { requestId: 'r-1' } as App.Locals, route: { id: '/[municipality]' } }) as unknown as RequestEvent;
const answer = (event: RequestEvent, resolve: () => Response | Promise<Response>) => answerBusyWith503({ event, resolve: async () => resolve() });

describe('a request that found no free database connection', () => {
	it('shows a message of its own and is answered 503 with Retry-After, its page kept', async () => {
		const event = eventOf();
		const shown = busyErrorOf(poolTimeout(), event);
		expect(shown?.code).toBe('error_busy');
		expect(shown?.message).not.toBe('');
		const response = await answer(event, () => new Response('<h1>Fehler</h1>', { status: 500, headers: { 'content-type': 'text/html', 'x-request-id': 'r-1', etag: '"e1"' } }));
		expect(response.status).toBe(503);
		expect(response.headers.get('retry-after')).toBe('5');
		expect(response.headers.get('cache-control')).toBe('no-store');
		expect(response.headers.get('x-request-id')).toBe('r-1');
		expect(response.headers.get('etag')).toBeNull();
		expect(await response.text()).toBe('<h1>Fehler</h1>');
	});

	it('failing in a hook before any page is answered 503 in plain text with the security headers', async () => {
		const response = await answer(eventOf(), () => {
			throw poolTimeout();
		});
		expect(response.status).toBe(503);
		expect(response.headers.get('retry-after')).toBe('5');
		expect(response.headers.get('x-content-type-options')).toBe('nosniff');
		expect(await response.text()).toMatch(/\S/);
	});

	it('leaves other errors and answers alone', async () => {
		const event = eventOf();
		expect(busyErrorOf(new Error('division by zero'), event)).toBeNull();
		expect((await answer(event, () => new Response('x', { status: 500 }))).status).toBe(500);
		await expect(
			answer(event, () => {
				throw new Error('division by zero');
			})
		).rejects.toThrow('division by zero');
		busyErrorOf(poolTimeout(), event);
		// Marked busy, but the page answered anyway (an error page of its own, say): its status stands.
		expect((await answer(event, () => new Response('x', { status: 404 }))).status).toBe(404);
	});
});
