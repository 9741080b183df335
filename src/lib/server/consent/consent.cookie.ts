import { consentProviders, isConsentProviderId, type ConsentProviderId } from './consent.providers';

/** Providers the visitor always allows: a first-party cookie, for one year. */
export const CONSENT_COOKIE = 'leitbild_consent';
/** "Load this once" without JavaScript: read and deleted by the next page the visitor sees. */
export const CONSENT_ONCE_COOKIE = 'leitbild_consent_once';

const YEAR_SECONDS = 365 * 24 * 60 * 60;

export type CookieOptions = { path: string; sameSite: 'lax'; httpOnly: boolean; secure: boolean; maxAge: number };

export const consentCookieOptions = (secure: boolean): CookieOptions => ({ path: '/', sameSite: 'lax', httpOnly: true, secure, maxAge: YEAR_SECONDS });
export const onceCookieOptions = (secure: boolean): CookieOptions => ({ path: '/', sameSite: 'lax', httpOnly: true, secure, maxAge: 300 });

/** Unknown or repeated names are dropped, so an old or tampered cookie can only ever mean "fewer". */
export function parseConsentCookie(value: string | undefined | null): ConsentProviderId[] {
	if (!value) return [];
	const ids = value.split('.').filter(isConsentProviderId);
	return consentProviders.map((provider) => provider.id).filter((id) => ids.includes(id));
}

export function serialiseConsentCookie(ids: readonly ConsentProviderId[]): string {
	return consentProviders
		.map((provider) => provider.id)
		.filter((id) => ids.includes(id))
		.join('.');
}

export function withConsent(ids: readonly ConsentProviderId[], id: ConsentProviderId, granted: boolean): ConsentProviderId[] {
	const rest = ids.filter((other) => other !== id);
	return granted ? [...rest, id] : rest;
}

/** Only a path on this site: anything else would make the consent endpoint an open redirect. */
export function safeReturnPath(value: unknown): string {
	if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\') || /[\r\n]/.test(value)) return '/';
	return value.slice(0, 1000);
}

/** The public page cache serves one copy to everyone, so a visitor who made a choice must not get it. */
export function hasConsentCookie(cookieHeader: string | null): boolean {
	return Boolean(cookieHeader && cookieHeader.includes(`${CONSENT_COOKIE}`));
}
