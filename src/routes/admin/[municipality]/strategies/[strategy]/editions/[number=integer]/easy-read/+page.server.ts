import { getDb } from '$lib/server/runtime';
import { parseForm } from '$lib/server/http/forms';
import { limitWrites } from '$lib/server/http/rate-limit';
import { actOrFail, loadOrError } from '$lib/server/http/respond';
import { getEasyReadEditor, saveEasyReadText } from '$lib/server/content/content.service';
import { getMunicipalityBySlug } from '$lib/server/tenancy/tenancy.service';
import { easyReadSchema } from '$lib/validation/content';
import type { Actions, PageServerLoad } from './$types';

const addressOf = (params: { strategy: string; number: string }) => ({ strategySlug: params.strategy, number: Number(params.number) });

export const load: PageServerLoad = async ({ parent, params, locals }) => {
	const { municipality } = await parent();
	return loadOrError(() => getEasyReadEditor({ db: getDb(), actor: locals.actor, municipalityId: municipality.id, address: addressOf(params) }));
};

export const actions: Actions = {
	save: async ({ request, params, locals }) => {
		const form = await parseForm(request, easyReadSchema);
		if (!form.ok) return form.failure;
		return actOrFail(form.values, async () => {
			await limitWrites(locals.actor?.userId ?? 'anonymous');
			const municipality = await getMunicipalityBySlug({ db: getDb(), slug: params.municipality });
			await saveEasyReadText({ db: getDb(), actor: locals.actor, municipalityId: municipality.id, address: addressOf(params), input: form.data });
			return { saved: 'easy-read' };
		});
	}
};
