import { getDb } from '$lib/server/runtime';
import { parseForm } from '$lib/server/http/forms';
import { actOrFail, loadOrError } from '$lib/server/http/respond';
import { limitWrites } from '$lib/server/http/rate-limit';
import { getStrategyForAdmin, updateStrategy } from '$lib/server/document/document.admin';
import { getMunicipalityForAdmin } from '$lib/server/tenancy/tenancy.admin';
import { getUpdatesForAdmin } from '$lib/server/updates/updates.service';
import { strategySchema } from '$lib/validation/document';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, params, locals }) => {
	const { municipality } = await parent();
	const scope = { db: getDb(), actor: locals.actor, municipalityId: municipality.id };
	const strategy = await loadOrError(() => getStrategyForAdmin({ ...scope, slug: params.strategy }));
	return { strategy, updates: await loadOrError(() => getUpdatesForAdmin({ ...scope, strategyId: strategy.id })) };
};

export const actions: Actions = {
	updateStrategy: async ({ request, params, locals }) => {
		const form = await parseForm(request, strategySchema);
		if (!form.ok) return form.failure;
		return actOrFail(form.values, async () => {
			await limitWrites(locals.actor?.userId ?? 'anonymous');
			const db = getDb();
			const municipality = await getMunicipalityForAdmin({ db, actor: locals.actor, slug: params.municipality });
			const strategy = await getStrategyForAdmin({ db, actor: locals.actor, municipalityId: municipality.id, slug: params.strategy });
			await updateStrategy({ db, actor: locals.actor, municipalityId: municipality.id, strategyId: strategy.id, input: form.data });
			return { saved: 'strategy' };
		});
	}
};
