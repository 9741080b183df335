import { timingSafeEqual } from 'node:crypto';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * Prometheus metrics of this process: request durations by route pattern, the database pool, the
 * public page cache, the queue of subscriber notices and Node's own figures. Route patterns, not paths, keep the label set bounded.
 */
export type Metrics = {
	registry: Registry;
	observeRequest(entry: { method: string; route: string; status: number; durationMs: number }): void;
	countCacheHit(): void;
	countNoticeMail(): void;
};

export type MetricSources = {
	pool?: () => { total: number; idle: number; waiting: number };
	publicPages?: () => number;
	/** Strategy notices queued and not yet mailed to every subscriber (a count in the database). */
	pendingNotices?: () => Promise<number>;
};

export function createMetrics(sources: MetricSources = {}): Metrics {
	const registry = new Registry();
	collectDefaultMetrics({ register: registry, prefix: 'leitbild_' });
	const durations = new Histogram({
		name: 'leitbild_http_request_duration_seconds',
		help: 'Time from a request reaching SvelteKit to its response, by route pattern',
		labelNames: ['method', 'route', 'status'] as const,
		buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
		registers: [registry]
	});
	const cacheHits = new Counter({
		name: 'leitbild_public_cache_hits_total',
		help: 'Anonymous public pages answered from the page cache before SvelteKit',
		registers: [registry]
	});
	new Gauge({
		name: 'leitbild_db_pool_connections',
		help: 'Connections of the database pool by state; "waiting" counts queries queued for a connection',
		labelNames: ['state'] as const,
		registers: [registry],
		collect() {
			const pool = sources.pool?.();
			if (!pool) return;
			this.set({ state: 'total' }, pool.total);
			this.set({ state: 'idle' }, pool.idle);
			this.set({ state: 'waiting' }, pool.waiting);
		}
	});
	new Gauge({
		name: 'leitbild_public_cache_pages',
		help: 'Rendered public pages held in the page cache',
		registers: [registry],
		collect() {
			const pages = sources.publicPages?.();
			if (pages !== undefined) this.set(pages);
		}
	});
	new Gauge({
		name: 'leitbild_update_notices_pending',
		help: 'Notices to strategy subscribers queued and not yet mailed to all of them (the mail queue)',
		registers: [registry],
		async collect() {
			// A database that does not answer must not take the other metrics down with it.
			const pending = await sources.pendingNotices?.().catch(() => undefined);
			if (pending !== undefined) this.set(pending);
		}
	});
	const noticeMails = new Counter({
		name: 'leitbild_update_notice_mails_total',
		help: 'Mails of notices to strategy subscribers this process handed to the mail server or outbox',
		registers: [registry]
	});
	return {
		registry,
		observeRequest({ method, route, status, durationMs }) {
			durations.observe({ method, route, status: String(status) }, durationMs / 1000);
		},
		countCacheHit() {
			cacheHits.inc();
		},
		countNoticeMail() {
			noticeMails.inc();
		}
	};
}

/** `/metrics` exists only when METRICS_TOKEN is set, and answers only a bearer of that token. */
export async function metricsResponse(metrics: Metrics, token: string | undefined, authorization: string | null): Promise<Response> {
	if (!token) return new Response('Not found', { status: 404 });
	if (!bearerMatches(authorization, token)) {
		return new Response('Unauthorized', { status: 401, headers: { 'www-authenticate': 'Bearer realm="metrics"' } });
	}
	return new Response(await metrics.registry.metrics(), {
		headers: { 'content-type': metrics.registry.contentType, 'cache-control': 'no-store' }
	});
}

function bearerMatches(authorization: string | null, token: string): boolean {
	const presented = Buffer.from(authorization?.match(/^Bearer (.+)$/)?.[1] ?? '');
	const expected = Buffer.from(token);
	return presented.length === expected.length && timingSafeEqual(presented, expected);
}
