import { describe, expect, it } from 'vitest';
import { errorLogEntry, requestLogEntry } from './logger';
import { requestIdOf } from './request-id';

describe('request logs', () => {
	it('name the route pattern, never the path with its ids, tokens or query', () => {
		const entry = requestLogEntry({
			requestId: 'req-12345678',
			method: 'GET',
			routeId: '/[municipality]/events/[id]/registration/[token]',
			status: 200,
			startedAt: performance.now() - 12
		});
		expect(entry).toMatchObject({ requestId: 'req-12345678', method: 'GET', route: '/[municipality]/events/[id]/registration/[token]', status: 200 });
		expect(entry.durationMs).toBeGreaterThanOrEqual(12);
		expect(Object.keys(entry).sort()).toEqual(['durationMs', 'method', 'requestId', 'route', 'status']);
	});

	it("keep a proxy's well-formed request id and replace anything else", () => {
		expect(requestIdOf('edge-7f3a9c21')).toBe('edge-7f3a9c21');
		expect(requestIdOf('<script>alert(1)</script>')).toMatch(/^[0-9a-f-]{36}$/);
		expect(requestIdOf(null)).toMatch(/^[0-9a-f-]{36}$/);
	});

	it("leave out PostgreSQL's detail, which repeats the values of the row that failed", () => {
		const failure = Object.assign(new Error('duplicate key value violates unique constraint "accounts_email_idx"'), {
			code: '23505',
			detail: 'Key (email)=(amira@example.org) already exists.'
		});
		const logged = JSON.stringify(errorLogEntry(failure));
		expect(logged).toContain('23505');
		expect(logged).not.toContain('amira@example.org');
	});
});
