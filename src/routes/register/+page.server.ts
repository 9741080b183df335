import { redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { parseForm } from '$lib/server/http/forms';
import { limitRegistration } from '$lib/server/http/rate-limit';
import { actOrFail } from '$lib/server/http/respond';
import { mailContext } from '$lib/server/people/account.mail';
import { registerAccount } from '$lib/server/people/account.service';
import { getDb } from '$lib/server/runtime';
import { registerSchema } from '$lib/validation/account';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	if (locals.actor) redirect(303, localizeHref('/account'));
	return {};
};

export const actions: Actions = {
	default: async ({ request, getClientAddress, locals, url }) => {
		const form = await parseForm(request, registerSchema);
		if (!form.ok) return form.failure;
		const { name, email, password } = form.data;
		const result = await actOrFail(form.values, async () => {
			await limitRegistration(getClientAddress(), email);
			return registerAccount({ db: getDb(), mail: mailContext(url, locals.locale), input: { name, email, password } });
		});
		if (!('userId' in result)) return result;
		return { registered: email };
	}
};
