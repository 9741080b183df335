import type { Cookies } from '@sveltejs/kit';
import { CONSENT_COOKIE, CONSENT_ONCE_COOKIE, parseConsentCookie } from './consent.cookie';
import { consentProvider, consentProviders, type ConsentProviderId } from './consent.providers';

export type ProviderState = { id: ConsentProviderId; name: string; company: string; transmits: string[]; privacyPolicyUrl: string; allowed: boolean };

/** What the visitor decided about each provider, for the privacy pages. */
export function consentStates(cookies: Cookies): ProviderState[] {
	const allowed = parseConsentCookie(cookies.get(CONSENT_COOKIE));
	return consentProviders.map((provider) => ({
		id: provider.id,
		name: provider.name,
		company: provider.company,
		transmits: [...provider.transmits],
		privacyPolicyUrl: provider.privacyPolicyUrl,
		allowed: allowed.includes(provider.id)
	}));
}

/**
 * Whether this page may load the provider's content now: always allowed, or allowed once by the
 * form just sent (that choice is used up here). Either way the page may frame the provider, so its
 * origin joins the page's frame-src — a page without the embed keeps frames closed.
 */
export function embedConsent(cookies: Cookies, locals: App.Locals, id: ConsentProviderId) {
	const provider = consentProvider(id);
	locals.frameOrigins = [...new Set([...(locals.frameOrigins ?? []), ...provider.frameOrigins])];
	const always = parseConsentCookie(cookies.get(CONSENT_COOKIE)).includes(id);
	const once = parseConsentCookie(cookies.get(CONSENT_ONCE_COOKIE)).includes(id);
	if (once) cookies.delete(CONSENT_ONCE_COOKIE, { path: '/' });
	return {
		provider: { id: provider.id, name: provider.name, company: provider.company, transmits: [...provider.transmits], privacyPolicyUrl: provider.privacyPolicyUrl },
		allowed: always || once,
		always
	};
}

export type EmbedConsent = ReturnType<typeof embedConsent>;
