import { expect, test } from './fixtures';

const token = 'e2e-metrics-token-0123456789';

test('every response carries a request id, and /metrics counts the pages served for the bearer of the token only', async ({ request }) => {
	const page = await request.get('/healthz');
	expect(page.status()).toBe(200);
	expect(page.headers()['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
	const forwarded = await request.get('/sign-in', { headers: { 'x-request-id': 'proxy-request-0042' } });
	expect(forwarded.headers()['x-request-id']).toBe('proxy-request-0042');

	expect((await request.get('/metrics')).status()).toBe(401);
	expect((await request.get('/metrics', { headers: { authorization: 'Bearer not-the-token-at-all' } })).status()).toBe(401);
	const metrics = await request.get('/metrics', { headers: { authorization: `Bearer ${token}` } });
	expect(metrics.status()).toBe(200);
	const text = await metrics.text();
	expect(text).toMatch(/leitbild_http_request_duration_seconds_count\{method="GET",route="\/sign-in",status="200"\} [1-9]/);
	expect(text).toContain('leitbild_db_pool_connections{state="total"}');
});
