// When every connection of the pool is in use for longer than its connectionTimeoutMillis (client.ts),
// pg-pool gives up waiting with one of these messages; drizzle wraps it as the cause of its own error.
// Nothing was read or written then, so the honest answer is 503 with a time to try again, not a 500.
const poolTimeouts = new Set(['timeout exceeded when trying to connect', 'Connection terminated due to connection timeout']);

/** Seconds a client should wait before trying again after a 503 for a busy database. */
export const BUSY_RETRY_AFTER_SECONDS = 5;

export function isDatabaseBusy(error: unknown): boolean {
	let current: unknown = error;
	for (let depth = 0; current instanceof Error && depth < 5; depth++) {
		if (poolTimeouts.has(current.message)) return true;
		current = current.cause;
	}
	return false;
}
