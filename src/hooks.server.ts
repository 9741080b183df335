import { error, type Handle, type HandleServerError, type ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { getTextDirection } from '$lib/paraglide/runtime';
import { translate } from '$lib/i18n';
import { hasSessionCookie, isCacheablePublicPath } from '$lib/server/http/anonymous';
import { matchesEtag } from '$lib/server/http/public-page-cache';
import { securityHeaders } from '$lib/server/http/security-headers';
import { canEnterBackOffice, mayWorkOnBackOfficeRoute } from '$lib/server/people/actor';
import { resolveActor } from '$lib/server/people/people.service';
import { getRuntime, startRuntime } from '$lib/server/runtime';

export const init: ServerInit = async () => {
	await startRuntime();
};

const withSecurityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	for (const [name, value] of Object.entries(securityHeaders)) {
		if (!response.headers.has(name)) response.headers.set(name, value);
	}
	return response;
};

/**
 * Anonymous GETs of public pages are answered from memory while the data behind them is unchanged;
 * an If-None-Match that names the current page gets 304.
 */
const publicPageCache: Handle = async ({ event, resolve }) => {
	const { publicPages, config } = getRuntime();
	const cacheable =
		config.publicCache &&
		event.request.method === 'GET' &&
		!hasSessionCookie(event.request.headers.get('cookie')) &&
		isCacheablePublicPath(event.url.pathname);
	if (!cacheable) {
		const response = await resolve(event);
		// Any write may change what the public sees; the NOTIFY listener covers other processes too.
		if (event.request.method !== 'GET' && event.request.method !== 'HEAD') publicPages.clear();
		return response;
	}
	const key = event.url.pathname + event.url.search;
	const cached = publicPages.get(key);
	if (cached) {
		const headers = new Headers(cached.headers);
		headers.set('ETag', cached.etag);
		headers.set('X-Cache', 'hit');
		if (matchesEtag(event.request.headers.get('if-none-match'), cached.etag)) {
			return new Response(null, { status: 304, headers });
		}
		return new Response(cached.body, { status: cached.status, headers });
	}
	const response = await resolve(event);
	const type = response.headers.get('content-type') ?? '';
	if (response.status !== 200 || !type.startsWith('text/html') || response.headers.has('set-cookie')) return response;
	const body = new Uint8Array(await response.arrayBuffer());
	const headers = [...response.headers.entries()].filter(([name]) => name !== 'content-length');
	const entry = publicPages.set(key, { body, headers, status: response.status });
	const fresh = new Headers(headers);
	fresh.set('ETag', entry.etag);
	fresh.set('X-Cache', 'miss');
	if (matchesEtag(event.request.headers.get('if-none-match'), entry.etag)) {
		return new Response(null, { status: 304, headers: fresh });
	}
	return new Response(body, { status: response.status, headers: fresh });
};

const localise: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		event.locals.locale = locale;
		return resolve(event, {
			transformPageChunk: ({ html }) =>
				html.replace('%paraglide.lang%', locale).replace('%paraglide.dir%', getTextDirection(locale))
		});
	});

const identify: Handle = async ({ event, resolve }) => {
	event.locals.actor = null;
	if (hasSessionCookie(event.request.headers.get('cookie'))) {
		const { database, auth } = getRuntime();
		event.locals.actor = await resolveActor({ db: database.db, auth, headers: event.request.headers });
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
	if (!canEnterBackOffice(actor) || (slug !== undefined && !mayWorkOnBackOfficeRoute(actor, slug, event.route.id))) {
		error(403, { code: 'error_forbidden', message: translate('error_forbidden') });
	}
	return resolve(event);
};

export const handle = sequence(withSecurityHeaders, publicPageCache, localise, identify, guardBackOfficeWrites);

export const handleError: HandleServerError = ({ error, status }) => {
	if (status !== 404) console.error(error);
	return { message: 'error_unexpected', code: 'error_unexpected' };
};
