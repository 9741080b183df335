import { fail } from '@sveltejs/kit';
import { translate } from '$lib/server/shared/translate';
import { parseForm } from '$lib/server/http/forms';
import { limitRegistration } from '$lib/server/http/rate-limit';
import { actOrFail } from '$lib/server/http/respond';
import { mailContext } from '$lib/server/people/account.mail';
import { resendVerification, verifyEmail } from '$lib/server/people/account.service';
import { getDb } from '$lib/server/runtime';
import { resendSchema, verifySchema } from '$lib/validation/account';
import type { Actions, PageServerLoad } from './$types';

// Opening the link only shows a button: mail scanners that prefetch links must not confirm an address.
export const load: PageServerLoad = ({ url }) => {
	const token = url.searchParams.get('token') ?? '';
	return { token: verifySchema.safeParse({ token }).success ? token : null };
};

export const actions: Actions = {
	verify: async ({ request }) => {
		const form = await parseForm(request, verifySchema);
		if (!form.ok) return fail(400, { action: 'verify', values: {}, errors: { form: translate('account_verification_invalid') } });
		const result = await actOrFail(form.values, () => verifyEmail({ db: getDb(), token: form.data.token }));
		if (!('userId' in result)) return fail(result.status, { action: 'verify', ...result.data });
		return { action: 'verify', verified: true };
	},
	resend: async ({ request, getClientAddress, locals, url }) => {
		const form = await parseForm(request, resendSchema);
		if (!form.ok) return fail(400, { action: 'resend', ...form.failure.data });
		const result = await actOrFail(form.values, async () => {
			await limitRegistration(getClientAddress(), form.data.email);
			await resendVerification({ db: getDb(), mail: mailContext(url, locals.locale), email: form.data.email });
			return { sent: true as const };
		});
		if (!('sent' in result)) return fail(result.status, { action: 'resend', ...result.data });
		return { action: 'resend', resent: true };
	}
};
