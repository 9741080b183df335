import { redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { getDb } from '$lib/server/runtime';
import { parseForm } from '$lib/server/http/forms';
import { actOrFail, loadOrError } from '$lib/server/http/respond';
import { limitWrites } from '$lib/server/http/rate-limit';
import { requirePlatformAdmin } from '$lib/server/people/actor';
import { createMunicipality } from '$lib/server/tenancy/tenancy.admin';
import { newMunicipalitySchema } from '$lib/validation/tenancy';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) =>
	loadOrError(async () => {
		requirePlatformAdmin(locals.actor);
		return { timeZones: Intl.supportedValuesOf('timeZone') };
	});

export const actions: Actions = {
	default: async ({ request, locals }) => {
		// Who may not create a municipality learns nothing about what a valid one would look like.
		await loadOrError(async () => requirePlatformAdmin(locals.actor));
		const form = await parseForm(request, newMunicipalitySchema);
		if (!form.ok) return form.failure;
		const result = await actOrFail(form.values, async () => {
			await limitWrites(locals.actor?.userId ?? 'anonymous');
			return createMunicipality({ db: getDb(), actor: locals.actor, input: form.data });
		});
		if (!('slug' in result)) return result;
		redirect(303, localizeHref(`/admin/${result.slug}`));
	}
};
