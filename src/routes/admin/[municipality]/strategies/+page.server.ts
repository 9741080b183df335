import { redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { getDb } from '$lib/server/runtime';
import { parseForm } from '$lib/server/http/forms';
import { actOrFail, loadOrError } from '$lib/server/http/respond';
import { limitWrites } from '$lib/server/http/rate-limit';
import { createStrategy, listStrategiesForAdmin } from '$lib/server/document/document.admin';
import { getMunicipalityForAdmin } from '$lib/server/tenancy/tenancy.admin';
import { newStrategySchema } from '$lib/validation/document';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, locals }) => {
	const { municipality } = await parent();
	return {
		strategies: await loadOrError(() => listStrategiesForAdmin({ db: getDb(), actor: locals.actor, municipalityId: municipality.id }))
	};
};

export const actions: Actions = {
	createStrategy: async ({ request, params, locals }) => {
		const form = await parseForm(request, newStrategySchema);
		if (!form.ok) return form.failure;
		const result = await actOrFail(form.values, async () => {
			await limitWrites(locals.actor?.userId ?? 'anonymous');
			const municipality = await getMunicipalityForAdmin({ db: getDb(), actor: locals.actor, slug: params.municipality });
			return createStrategy({ db: getDb(), actor: locals.actor, municipalityId: municipality.id, input: form.data });
		});
		if (!('slug' in result)) return result;
		redirect(303, localizeHref(`/admin/${params.municipality}/strategies/${result.slug}`));
	}
};
