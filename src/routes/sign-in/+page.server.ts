import { redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { demoAccounts } from '$lib/server/demo/demo-data';
import { parseForm } from '$lib/server/http/forms';
import { forgetSignInFailures, limitSignIn } from '$lib/server/http/rate-limit';
import { actOrFail } from '$lib/server/http/respond';
import { signIn } from '$lib/server/people/people.service';
import { getRuntime } from '$lib/server/runtime';
import { signInSchema } from '$lib/validation/people';
import { copySetCookies } from '$lib/server/http/cookies';
import type { Actions, PageServerLoad } from './$types';

/** Only a path on this site may follow sign-in, never another host ("//evil.example" included). */
function safeNext(next: string | null): string {
	return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : localizeHref('/');
}

export const load: PageServerLoad = async ({ locals, url }) => {
	if (locals.actor) redirect(303, safeNext(url.searchParams.get('next')));
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
			await limitSignIn(address, email);
			const headers = await signIn({ auth: getRuntime().auth, email, password, headers: request.headers });
			await forgetSignInFailures(address, email);
			return headers;
		});
		if (!(result instanceof Headers)) return result;
		copySetCookies(result, cookies);
		redirect(303, safeNext(url.searchParams.get('next')));
	}
};
