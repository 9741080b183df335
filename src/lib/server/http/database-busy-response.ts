import type { Handle, RequestEvent } from '@sveltejs/kit';
import { BUSY_RETRY_AFTER_SECONDS, isDatabaseBusy } from '../db/database-busy';
import { logger } from '../observability/logger';
import { translate } from '../shared/translate';
import { securityHeaders } from './security-headers';

/**
 * For handleError: the error shown when a request failed because no database connection came free in
 * time, and the request marked so that answerBusyWith503 gives it its status; null for any other error.
 */
export function busyErrorOf(error: unknown, event: Pick<RequestEvent, 'locals' | 'route'>): App.Error | null {
	if (!isDatabaseBusy(error)) return null;
	event.locals.databaseBusy = true;
	logBusy(event);
	return { message: translate('error_busy'), code: 'error_busy' };
}

/**
 * A page or form that failed for a busy database is answered 503 with Retry-After instead of 500:
 * nothing was read or written, and trying again shortly will do. Runs inside the request log, so that
 * the log and the metrics count it as what it was.
 */
export const answerBusyWith503: Handle = async ({ event, resolve }) => {
	let response: Response;
	try {
		response = await resolve(event);
	} catch (error) {
		// Failed in a hook (finding the signed-in person), before any page could show the error: a plain answer.
		if (!isDatabaseBusy(error)) throw error;
		logBusy(event);
		return new Response(translate('error_busy'), { status: 503, headers: { ...securityHeaders, ...busyHeaders(), 'content-type': 'text/plain; charset=utf-8' } });
	}
	if (!event.locals.databaseBusy || response.status !== 500) return response;
	const headers = new Headers(response.headers);
	headers.delete('etag');
	for (const [name, value] of Object.entries(busyHeaders())) headers.set(name, value);
	return new Response(response.body, { status: 503, headers });
};

const busyHeaders = () => ({ 'retry-after': String(BUSY_RETRY_AFTER_SECONDS), 'cache-control': 'no-store' });

const logBusy = (event: Pick<RequestEvent, 'locals' | 'route'>) =>
	logger.warn({ requestId: event.locals.requestId, route: event.route.id }, 'database busy: no connection came free in time');
