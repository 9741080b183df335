import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/runtime';
import { parseForm } from '$lib/server/http/forms';
import { limitWrites } from '$lib/server/http/rate-limit';
import { actOrFail, loadOrError } from '$lib/server/http/respond';
import { createEvent, getEventFormChoices, getMunicipalityForStaff } from '$lib/server/participation/event.admin';
import { localizeHref } from '$lib/paraglide/runtime';
import { eventSchema } from '$lib/validation/events';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, locals }) => {
	const { municipality } = await parent();
	return { choices: await loadOrError(() => getEventFormChoices({ db: getDb(), actor: locals.actor, municipalityId: municipality.id })) };
};

export const actions: Actions = {
	create: async ({ request, params, locals }) => {
		const form = await parseForm(request, eventSchema);
		if (!form.ok) return form.failure;
		const result = await actOrFail(form.values, async () => {
			await limitWrites(locals.actor?.userId ?? 'anonymous');
			const municipality = await getMunicipalityForStaff({ db: getDb(), actor: locals.actor, slug: params.municipality });
			return createEvent({ db: getDb(), actor: locals.actor, municipalityId: municipality.id, input: form.data });
		});
		if (!('id' in result)) return result;
		redirect(303, localizeHref(`/admin/${params.municipality}/events/${result.id}?created=1`));
	}
};
