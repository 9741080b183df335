import { redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { copySetCookies } from '$lib/server/http/cookies';
import { signOut } from '$lib/server/people/people.service';
import { getRuntime } from '$lib/server/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, localizeHref('/'));

export const actions: Actions = {
	default: async ({ request, cookies, locals }) => {
		if (locals.actor) copySetCookies(await signOut({ auth: await getRuntime().auth(), headers: request.headers }), cookies);
		redirect(303, localizeHref('/'));
	}
};
