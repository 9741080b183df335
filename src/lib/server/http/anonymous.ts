import { SESSION_COOKIE_PREFIX } from '../people/auth';
import { hasConsentCookie } from '../consent/consent.cookie';

/** A request without a session cookie is anonymous, so we can skip the session lookup entirely. */
export function hasSessionCookie(cookieHeader: string | null): boolean {
	return Boolean(cookieHeader && cookieHeader.includes(`${SESSION_COOKIE_PREFIX}.session_token=`));
}

/** A visitor who signed in or chose which external content to load sees pages made for them alone. */
export function hasPersonalCookie(cookieHeader: string | null): boolean {
	return hasSessionCookie(cookieHeader) || hasConsentCookie(cookieHeader);
}

const uncachedPrefixes = ['/admin', '/sign-in', '/sign-out', '/account', '/verify', '/invitations', '/healthz', '/metrics', '/api/'];

/** Public pages that look the same for every anonymous visitor and may be served from the cache. */
export function isCacheablePublicPath(pathname: string): boolean {
	// Pages reached through a personal link (a registration's token) belong to one person.
	if (pathname.includes('/registration/')) return false;
	const withoutLocale = pathname.replace(/^\/en(?=\/|$)/, '') || '/';
	return !uncachedPrefixes.some((prefix) => withoutLocale === prefix || withoutLocale.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`)) && !withoutLocale.startsWith('/_app/');
}

/** Signing in or out changes no page that anonymous visitors see. */
export function isSessionPath(pathname: string): boolean {
	return /^(?:\/en)?\/sign-(?:in|out)(?:\/|$)/.test(pathname);
}
