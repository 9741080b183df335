import { describe, expect, it } from 'vitest';
import { createMetrics, metricsResponse } from './metrics';

const token = 'a-long-enough-metrics-token';

describe('metrics', () => {
	it('are not there at all without a configured token', async () => {
		const response = await metricsResponse(createMetrics(), undefined, `Bearer ${token}`);
		expect(response.status).toBe(404);
	});

	it('answer only the bearer of the token', async () => {
		const metrics = createMetrics();
		expect((await metricsResponse(metrics, token, null)).status).toBe(401);
		expect((await metricsResponse(metrics, token, 'Bearer wrong-token-of-other-length')).status).toBe(401);
		expect((await metricsResponse(metrics, token, `Bearer ${token.toUpperCase()}`)).status).toBe(401);
		expect((await metricsResponse(metrics, token, `Bearer ${token}`)).status).toBe(200);
	});

	it('report request durations by route pattern, the database pool, the page cache and cache hits in Prometheus format', async () => {
		const metrics = createMetrics({ pool: () => ({ total: 10, idle: 7, waiting: 2 }), publicPages: () => 42 });
		metrics.observeRequest({ method: 'GET', route: '/[municipality]', status: 200, durationMs: 30 });
		metrics.countCacheHit();
		metrics.countCacheHit();
		const response = await metricsResponse(metrics, token, `Bearer ${token}`);
		expect(response.headers.get('content-type')).toContain('text/plain');
		const text = await response.text();
		expect(text).toContain('leitbild_http_request_duration_seconds_bucket{le="0.05",method="GET",route="/[municipality]",status="200"} 1');
		expect(text).toContain('leitbild_db_pool_connections{state="waiting"} 2');
		expect(text).toContain('leitbild_public_cache_pages 42');
		expect(text).toContain('leitbild_public_cache_hits_total 2');
		expect(text).toContain('leitbild_process_resident_memory_bytes');
	});

	it('report the queue of subscriber notices, read from the database at each scrape, and the notice mails sent', async () => {
		let pending = 3;
		const metrics = createMetrics({ pendingNotices: async () => pending });
		metrics.countNoticeMail();
		const first = await (await metricsResponse(metrics, token, `Bearer ${token}`)).text();
		expect(first).toContain('leitbild_update_notices_pending 3');
		expect(first).toContain('leitbild_update_notice_mails_total 1');
		pending = 0;
		expect(await (await metricsResponse(metrics, token, `Bearer ${token}`)).text()).toContain('leitbild_update_notices_pending 0');
	});
});
