import { error, redirect } from '@sveltejs/kit';
import { translate } from '$lib/server/shared/translate';
import { localizeHref } from '$lib/paraglide/runtime';
import { canEnterBackOffice } from '$lib/server/people/actor';
import type { LayoutServerLoad } from './$types';

// Only the entrance: each page and action below checks the municipality it works on again.
export const load: LayoutServerLoad = ({ locals, url }) => {
	if (!locals.actor) redirect(303, localizeHref(`/sign-in?next=${encodeURIComponent(url.pathname)}`));
	if (!canEnterBackOffice(locals.actor)) error(403, { code: 'error_forbidden', message: translate('error_forbidden') });
	return {};
};
