import { fail } from '@sveltejs/kit';
import { translate } from '$lib/server/shared/translate';
import { parseForm } from '$lib/server/http/forms';
import { limitRegistration, limitWrites } from '$lib/server/http/rate-limit';
import { actOrFail } from '$lib/server/http/respond';
import { mailContext } from '$lib/server/people/account.mail';
import { isResetLinkUsable, requestPasswordReset, resetPassword } from '$lib/server/people/password.service';
import { getRuntime } from '$lib/server/runtime';
import { passwordResetRequestSchema, passwordResetSchema, verifySchema } from '$lib/validation/account';
import type { Actions, PageServerLoad } from './$types';

// Opening the mailed link only shows the form: the token is spent when the new password is saved.
export const load: PageServerLoad = async ({ url }) => {
	const token = url.searchParams.get('token');
	if (token === null) return { token: null, linkInvalid: false };
	const usable = verifySchema.safeParse({ token }).success && (await isResetLinkUsable({ auth: await getRuntime().auth(), token }));
	return { token: usable ? token : null, linkInvalid: !usable };
};

export const actions: Actions = {
	request: async ({ request, getClientAddress, locals, url }) => {
		const form = await parseForm(request, passwordResetRequestSchema);
		if (!form.ok) return fail(400, { action: 'request', ...form.failure.data });
		const result = await actOrFail(form.values, async () => {
			// Each request sends a mail, so it shares the budget of the other account mails.
			await limitRegistration(getClientAddress(), form.data.email);
			const { auth, config } = getRuntime();
			await requestPasswordReset({ auth: await auth(), mail: mailContext(url, locals.locale), email: form.data.email, demo: config.demo });
			return { sent: true as const };
		});
		if (!('sent' in result)) return fail(result.status, { action: 'request', ...result.data });
		return { action: 'request', requested: form.data.email };
	},
	reset: async ({ request, getClientAddress, locals, url }) => {
		const form = await parseForm(request, passwordResetSchema);
		if (!form.ok) {
			const errors = 'token' in form.failure.data.errors ? { form: translate('password_reset_link_invalid') } : form.failure.data.errors;
			return fail(400, { action: 'reset', values: form.failure.data.values, errors });
		}
		const result = await actOrFail(form.values, async () => {
			await limitWrites(`address:${getClientAddress()}`);
			await resetPassword({ auth: await getRuntime().auth(), mail: mailContext(url, locals.locale), token: form.data.token, password: form.data.passwordNew });
			return { saved: true as const };
		});
		if (!('saved' in result)) return fail(result.status, { action: 'reset', ...result.data });
		return { action: 'reset', done: true };
	}
};
