import pino from 'pino';

/**
 * One JSON line per event on standard output, for whatever collects the server's logs. Lines carry
 * request ids, route patterns and timings, never addresses, query strings, names or e-mail
 * addresses: a route pattern says which page was asked for without saying whose.
 */
export const logger = pino({
	level: process.env.LOG_LEVEL ?? (process.env.VITEST ? 'silent' : 'info'),
	base: { service: 'leitbild' },
	timestamp: pino.stdTimeFunctions.isoTime,
	formatters: { level: (label) => ({ level: label }) }
});

export type RequestLogEntry = {
	requestId: string;
	method: string;
	route: string;
	status: number;
	durationMs: number;
};

export function requestLogEntry({
	requestId,
	method,
	routeId,
	status,
	startedAt
}: {
	requestId: string;
	method: string;
	routeId: string | null;
	status: number;
	startedAt: number;
}): RequestLogEntry {
	return {
		requestId,
		method,
		route: routeId ?? 'unmatched',
		status,
		durationMs: Math.round((performance.now() - startedAt) * 10) / 10
	};
}

/** Errors are logged by message and stack only: PostgreSQL's `detail` repeats the values of the failing row. */
export function errorLogEntry(error: unknown): { message: string; stack?: string; code?: string } {
	if (!(error instanceof Error)) return { message: String(error).slice(0, 500) };
	const code = (error as { code?: unknown }).code;
	return { message: error.message, stack: error.stack, ...(typeof code === 'string' ? { code } : {}) };
}
