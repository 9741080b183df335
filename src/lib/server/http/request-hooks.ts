// How the server answers every request: logging, the public page cache, security headers, language,
// the signed-in actor and the back office's guard. Loaded by hooks.server.ts while the database starts.
import { error, type Handle, type HandleServerError } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { textDirection } from '$lib/i18n-memo';
import { translate } from '$lib/server/shared/translate';
import { hasPersonalCookie, hasSessionCookie, isCacheablePublicPath, isCacheableType, changesNoPublicPage } from '$lib/server/http/anonymous';
import { respondFromCache } from '$lib/server/http/public-page-cache';
import { fallbackContentSecurityPolicy, securityHeaders } from '$lib/server/http/security-headers';
import { unprintableCharacter } from '$lib/server/http/forms';
import { backOfficeSectionOf, canEnterBackOffice, mayWorkInBackOffice } from '$lib/server/people/actor';
import { resolveActor } from '$lib/server/people/people.service';
import { errorLogEntry, logger, requestLogEntry } from '$lib/server/observability/logger';
import { requestIdOf } from '$lib/server/observability/request-id';
import { getRuntime } from '$lib/server/runtime';
import { answerBusyWith503, busyErrorOf } from '$lib/server/http/database-busy-response';

/** Outermost: every request SvelteKit answers gets an id, a log line and a duration in the metrics. */
const observe: Handle = async ({ event, resolve }) => {
	const startedAt = performance.now();
	const requestId = requestIdOf(event.request.headers.get('x-request-id'));
	event.locals.requestId = requestId;
	const response = await resolve(event);
	const entry = requestLogEntry({ requestId, method: event.request.method, routeId: event.route.id, status: response.status, startedAt });
	getRuntime().metrics.observeRequest(entry);
	logger.info(entry, 'request');
	if (!response.headers.has('x-request-id')) response.headers.set('x-request-id', requestId);
	return response;
};

/**
 * A NUL or another control character in the address (as %00 and the like) reaches no page: PostgreSQL
 * cannot compare text holding NUL, so a lookup by such a slug or query ended in a 500.
 */
const refuseUnprintableAddresses: Handle = async ({ event, resolve }) => {
	const address = event.url.pathname + event.url.search;
	let decoded = address;
	try {
		decoded = decodeURIComponent(address.replace(/\+/g, ' '));
	} catch {
		// Broken percent-encoding is left to the router, which answers it with a 400 or 404 of its own.
	}
	if (!unprintableCharacter.test(decoded)) return resolve(event);
	return new Response(translate('validation_unprintable'), { status: 400, headers: { 'content-type': 'text/plain; charset=utf-8', ...securityHeaders } });
};

const withSecurityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	for (const [name, value] of Object.entries(securityHeaders)) {
		if (!response.headers.has(name)) response.headers.set(name, value);
	}
	// HTML SvelteKit did not render from a page — the error page of an endpoint (a missing photo, a
	// refused download) — gets the strict fallback; its inline style is the only thing it may use.
	if (!response.headers.has('content-security-policy') && /text\/html/.test(response.headers.get('content-type') ?? '')) {
		response.headers.set('content-security-policy', `${fallbackContentSecurityPolicy}; style-src 'unsafe-inline'`);
	}
	// Frames stay closed (default-src 'self') except on pages that carry a consented embed.
	const policy = response.headers.get('content-security-policy');
	const frameOrigins = event.locals.frameOrigins ?? [];
	if (policy && frameOrigins.length > 0 && !policy.includes('frame-src')) {
		response.headers.set('content-security-policy', `${policy.replace(/;\s*$/, '')}; frame-src 'self' ${frameOrigins.join(' ')}`);
	}
	return response;
};

/**
 * Anonymous GETs of public pages are answered from memory while the data behind them is unchanged;
 * an If-None-Match that names the current page gets 304. This hook runs first, so that a hit skips
 * every other hook: the stored headers already include the security headers and the page's CSP.
 */
const publicPageCache: Handle = async ({ event, resolve }) => {
	const { publicPages, config } = getRuntime();
	const { request } = event;
	const cacheable =
		config.publicCache &&
		request.method === 'GET' &&
		!hasPersonalCookie(request.headers.get('cookie')) &&
		isCacheablePublicPath(event.url.pathname);
	if (!cacheable) {
		const response = await resolve(event);
		// A successful write may change what the public sees (the NOTIFY listener covers other processes).
		// Refused posts and sign-ins change nothing, so they must not let anyone empty the cache at will.
		const wrote = request.method !== 'GET' && request.method !== 'HEAD' && response.status < 400;
		if (wrote && !changesNoPublicPage(event.url.pathname, event.url.search)) publicPages.clear();
		return response;
	}
	const key = event.url.pathname + event.url.search;
	const cached = publicPages.get(key);
	if (cached) return respondFromCache(cached, request.headers.get('if-none-match'), 'hit');
	const renderedIn = publicPages.generation;
	const response = await resolve(event);
	const type = response.headers.get('content-type') ?? '';
	if (response.status !== 200 || !isCacheableType(type) || response.headers.has('set-cookie')) return response;
	const body = new Uint8Array(await response.arrayBuffer());
	const entry = publicPages.set(key, { body, headers: [...response.headers], status: response.status }, renderedIn, event.locals.cachedPageExpiresAt);
	return respondFromCache(entry, request.headers.get('if-none-match'), 'miss');
};

const LANGUAGE_ATTRIBUTES = 'lang="%paraglide.lang%" dir="%paraglide.dir%"';

const localise: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		event.locals.locale = locale;
		return resolve(event, {
			// One replacement, one copy of the page: both placeholders sit side by side in app.html
			transformPageChunk: ({ html }) =>
				html.replace(LANGUAGE_ATTRIBUTES, `lang="${locale}" dir="${textDirection(locale)}"`)
		});
	});

const identify: Handle = async ({ event, resolve }) => {
	event.locals.actor = null;
	if (hasSessionCookie(event.request.headers.get('cookie'))) {
		const { database, auth } = getRuntime();
		event.locals.actor = await resolveActor({ db: database.db, auth: await auth(), headers: event.request.headers });
	}
	return resolve(event);
};

const isBackOffice = (routeId: string | null) => routeId === '/admin' || Boolean(routeId?.startsWith('/admin/'));

/**
 * Form actions run before any layout load, so the back office's entrance check in admin/+layout.server.ts
 * does not protect them. Writes are therefore refused here, before the action parses anything, for
 * everyone who may not work on the municipality in the address; each service still checks again.
 */
const guardBackOfficeWrites: Handle = ({ event, resolve }) => {
	const method = event.request.method;
	if (method === 'GET' || method === 'HEAD' || !isBackOffice(event.route.id)) return resolve(event);
	const actor = event.locals.actor;
	if (!actor) error(401, { code: 'error_not_signed_in', message: translate('error_not_signed_in') });
	const slug = event.params.municipality;
	// Pages outside a municipality (a new municipality, the outbox) stay with admins; their services check again.
	const allowed =
		slug === undefined
			? actor.isPlatformAdmin || actor.memberships.some((m) => m.role === 'admin')
			: canEnterBackOffice(actor) && mayWorkInBackOffice(actor, slug, backOfficeSectionOf(event.route.id));
	if (!allowed) {
		error(403, { code: 'error_forbidden', message: translate('error_forbidden') });
	}
	return resolve(event);
};

export const handle = sequence(observe, answerBusyWith503, refuseUnprintableAddresses, publicPageCache, withSecurityHeaders, localise, identify, guardBackOfficeWrites);

export const handleError: HandleServerError = ({ error, event, status }) => {
	// An address no route matches arrives here as well, as a 404.
	if (status === 404) return { message: translate('error_not_found'), code: 'error_not_found' };
	const busy = busyErrorOf(error, event);
	if (busy) return busy;
	logger.error({ requestId: event.locals.requestId, route: event.route.id, error: errorLogEntry(error) }, 'unexpected error');
	return { message: translate('error_unexpected'), code: 'error_unexpected' };
};
