import { redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { parseForm } from '$lib/server/http/forms';
import { limitWrites } from '$lib/server/http/rate-limit';
import { actOrFail, loadOrError } from '$lib/server/http/respond';
import { getProfile, updateProfile } from '$lib/server/people/account.service';
import { getDb } from '$lib/server/runtime';
import { SPOKEN_LANGUAGES, profileSchema } from '$lib/validation/account';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	if (!locals.actor) redirect(303, localizeHref(`/sign-in?next=${encodeURIComponent(localizeHref('/account'))}`));
	return loadOrError(async () => ({ profile: await getProfile({ db: getDb(), actor: locals.actor }), languages: SPOKEN_LANGUAGES }));
};

// Named actions, so that later sections of the page (e.g. organisation memberships) add their own.
export const actions: Actions = {
	profile: async ({ request, locals }) => {
		const form = await parseForm(request, profileSchema);
		if (!form.ok) return form.failure;
		const result = await actOrFail(form.values, async () => {
			await limitWrites(locals.actor?.userId ?? 'anonymous');
			await updateProfile({ db: getDb(), actor: locals.actor, input: form.data });
			return { saved: 'profile' };
		});
		return result;
	}
};
