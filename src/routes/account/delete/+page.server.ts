import { redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { SESSION_COOKIE_PREFIX } from '$lib/server/people/session-cookie';
import { parseForm } from '$lib/server/http/forms';
import { limitWrites } from '$lib/server/http/rate-limit';
import { actOrFail } from '$lib/server/http/respond';
import { deleteAccount } from '$lib/server/people/account.service';
import { getDb } from '$lib/server/runtime';
import { deleteAccountSchema } from '$lib/validation/account';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	if (!locals.actor) redirect(303, localizeHref(`/sign-in?next=${encodeURIComponent(localizeHref('/account/delete'))}`));
	return {};
};

export const actions: Actions = {
	default: async ({ request, locals, cookies }) => {
		const form = await parseForm(request, deleteAccountSchema);
		if (!form.ok) return form.failure;
		const result = await actOrFail(form.values, async () => {
			await limitWrites(locals.actor?.userId ?? 'anonymous');
			await deleteAccount({ db: getDb(), actor: locals.actor, password: form.data.password });
			return { deleted: true as const };
		});
		if (!('deleted' in result)) return result;
		// The sessions are gone from the database; the browser's now useless cookies go too.
		for (const { name } of cookies.getAll()) {
			if (name.includes(SESSION_COOKIE_PREFIX)) cookies.delete(name, { path: '/' });
		}
		redirect(303, localizeHref('/account/deleted'));
	}
};
