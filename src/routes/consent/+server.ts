import { error, json, redirect } from '@sveltejs/kit';
import { translate } from '$lib/server/shared/translate';
import { CONSENT_COOKIE, CONSENT_ONCE_COOKIE, consentCookieOptions, onceCookieOptions, parseConsentCookie, safeReturnPath, serialiseConsentCookie, withConsent } from '$lib/server/consent/consent.cookie';
import { isConsentProviderId } from '$lib/server/consent/consent.providers';
import type { RequestHandler } from './$types';

const choices = ['once', 'always', 'revoke'] as const;
type Choice = (typeof choices)[number];

/**
 * The placeholder's buttons and the privacy page's revoke buttons post here. Without JavaScript the
 * answer is a redirect back to the embed's anchor; with JavaScript the page asks for JSON and swaps
 * the embed in itself. Only a cookie changes, so nothing is stored about the visitor on our side.
 */
export const POST: RequestHandler = async ({ request, cookies, url }) => {
	// A post without a form body (or with a broken one) is a bad request, not a server error.
	const form = await request.formData().catch(() => new FormData());
	const provider = form.get('provider');
	const choice = form.get('choice');
	if (!isConsentProviderId(provider) || !choices.includes(choice as Choice)) {
		error(400, { code: 'consent_invalid', message: translate('consent_invalid') });
	}
	const secure = url.protocol === 'https:';
	if (choice === 'once') {
		cookies.set(CONSENT_ONCE_COOKIE, provider, onceCookieOptions(secure));
	} else {
		const allowed = withConsent(parseConsentCookie(cookies.get(CONSENT_COOKIE)), provider, choice === 'always');
		if (allowed.length > 0) cookies.set(CONSENT_COOKIE, serialiseConsentCookie(allowed), consentCookieOptions(secure));
		else cookies.delete(CONSENT_COOKIE, { path: '/' });
	}
	if (request.headers.get('accept')?.includes('application/json')) return json({ provider, choice });
	redirect(303, safeReturnPath(form.get('return')));
};
