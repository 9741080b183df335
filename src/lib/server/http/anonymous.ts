import { baseLocale, locales } from '$lib/paraglide/runtime';
import { SESSION_COOKIE_PREFIX } from '../people/session-cookie';
import { hasConsentCookie } from '../consent/consent.cookie';

/** A request without a session cookie is anonymous, so we can skip the session lookup entirely. */
export function hasSessionCookie(cookieHeader: string | null): boolean {
	return Boolean(cookieHeader && cookieHeader.includes(`${SESSION_COOKIE_PREFIX}.session_token=`));
}

/** A visitor who signed in or chose which external content to load sees pages made for them alone. */
export function hasPersonalCookie(cookieHeader: string | null): boolean {
	return hasSessionCookie(cookieHeader) || hasConsentCookie(cookieHeader);
}

const uncachedPrefixes = ['/admin', '/sign-in', '/sign-out', '/account', '/verify', '/password-reset', '/invitations', '/updates', '/healthz', '/metrics', '/api/'];

const localePrefix = new RegExp(`^/(?:${locales.filter((locale) => locale !== baseLocale).join('|')})(?=/|$)`);
const withoutLocale = (pathname: string) => pathname.replace(localePrefix, '') || '/';

/** Public pages that look the same for every anonymous visitor and may be served from the cache. */
export function isCacheablePublicPath(pathname: string): boolean {
	// Pages reached through a personal link (a registration's token) belong to one person.
	if (pathname.includes('/registration/')) return false;
	const path = withoutLocale(pathname);
	// A search answers whatever anyone types; kept, the answers would push out the pages people read.
	if (/^\/[^/]+\/search$/.test(path)) return false;
	return !uncachedPrefixes.some((prefix) => path === prefix || path.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`)) && !path.startsWith('/_app/');
}

/**
 * Pages, and calendar feeds: calendar programs poll a subscribed feed every few minutes, and a municipality's
 * feed of a few hundred events takes tens of milliseconds to write. News feeds are left out: a scheduled
 * article turns public without a write, and only the news pages set the moment the cache must drop them.
 */
export function isCacheableType(contentType: string): boolean {
	return contentType.startsWith('text/html') || contentType.startsWith('text/calendar');
}

/**
 * Signing in or out, registering, confirming an address, replacing a password and subscribing to a
 * strategy's updates change no page that anonymous visitors see: their posts must not let anyone empty
 * the page cache at will.
 */
export function changesNoPublicPage(pathname: string, search = ''): boolean {
	if (search === '?/subscribe') return true;
	return /^\/(?:sign-in|sign-out|register|verify|password-reset|updates)(?:\/|$)/.test(withoutLocale(pathname));
}
