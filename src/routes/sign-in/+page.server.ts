import { fail, redirect } from '@sveltejs/kit';
import { translate } from '$lib/server/shared/translate';
import { isDomainError } from '$lib/server/shared/errors';
import { localizeHref } from '$lib/paraglide/runtime';
import { demoAccounts } from '$lib/server/demo/demo-data';
import { parseForm } from '$lib/server/http/forms';
import { assertSignInAllowed, forgetSignInFailures, recordFailedSignIn } from '$lib/server/http/rate-limit';
import { actOrFail } from '$lib/server/http/respond';
import { signIn } from '$lib/server/people/people.service';
import { getRuntime } from '$lib/server/runtime';
import { signInSchema } from '$lib/validation/people';
import { copySetCookies } from '$lib/server/http/cookies';
import type { Actions, PageServerLoad } from './$types';

/**
 * Where the back office sent someone to sign in (?next=…, already in their language), else the start
 * page. Never another site: the URL parser drops tabs and line breaks as browsers do, and a path that
 * starts with "//" or "/\" would still be read as another host.
 */
function destinationAfterSignIn(url: URL): string {
	const next = url.searchParams.get('next');
	if (next && URL.canParse(next, url.origin)) {
		const target = new URL(next, url.origin);
		const path = target.pathname + target.search;
		if (target.origin === url.origin && /^\/(?![/\\])/.test(path)) return path;
	}
	return localizeHref('/');
}

export const load: PageServerLoad = async ({ locals, url }) => {
	if (locals.actor) redirect(303, destinationAfterSignIn(url));
	const { config } = getRuntime();
	return { demoAccounts: config.demo ? demoAccounts : [] };
};

export const actions: Actions = {
	default: async ({ request, cookies, getClientAddress, url }) => {
		const form = await parseForm(request, signInSchema);
		if (!form.ok) return form.failure;
		const { email, password } = form.data;
		const address = getClientAddress();
		const result = await actOrFail(form.values, async () => {
			await assertSignInAllowed(address, email);
			const headers = await signIn({ auth: await getRuntime().auth(), email, password, headers: request.headers }).catch(async (caught: unknown) => {
				if (isDomainError(caught) && caught.code === 'account_email_not_verified') return 'unverified' as const;
				if (isDomainError(caught) && caught.code === 'people_invalid_credentials') await recordFailedSignIn(address, email);
				throw caught;
			});
			if (headers !== 'unverified') await forgetSignInFailures(address, email);
			return headers;
		});
		// The password was right but the address is unproven: say so and offer a new link.
		if (result === 'unverified') {
			return fail(403, { values: form.values, errors: { form: translate('account_email_not_verified') }, unverified: true });
		}
		if (!(result instanceof Headers)) return result;
		copySetCookies(result, cookies);
		redirect(303, destinationAfterSignIn(url));
	}
};
