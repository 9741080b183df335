import { redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { getDb } from '$lib/server/runtime';
import { parseForm } from '$lib/server/http/forms';
import { actOrFail, loadOrError } from '$lib/server/http/respond';
import { limitWrites } from '$lib/server/http/rate-limit';
import { getEditionForAdmin, listContactPointsForAdmin, updateEdition } from '$lib/server/document/document.admin';
import { editionStages } from '$lib/server/document/document.schema';
import { getMunicipalityForAdmin } from '$lib/server/tenancy/tenancy.admin';
import { editionSchema } from '$lib/validation/document';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, params, locals }) => {
	const { municipality } = await parent();
	const scope = { db: getDb(), actor: locals.actor, municipalityId: municipality.id };
	return loadOrError(async () => ({
		...(await getEditionForAdmin({ ...scope, strategySlug: params.strategy, number: Number(params.number) })),
		contactPoints: await listContactPointsForAdmin(scope),
		stages: editionStages
	}));
};

export const actions: Actions = {
	updateEdition: async ({ request, params, locals }) => {
		const form = await parseForm(request, editionSchema);
		if (!form.ok) return form.failure;
		const result = await actOrFail(form.values, async () => {
			await limitWrites(locals.actor?.userId ?? 'anonymous');
			const db = getDb();
			const municipality = await getMunicipalityForAdmin({ db, actor: locals.actor, slug: params.municipality });
			const scope = { db, actor: locals.actor, municipalityId: municipality.id };
			const { edition } = await getEditionForAdmin({ ...scope, strategySlug: params.strategy, number: Number(params.number) });
			return updateEdition({ ...scope, editionId: edition.id, input: form.data });
		});
		if (!('number' in result)) return result;
		// A new number is a new address: continue there rather than on a page that no longer exists.
		if (result.number !== Number(params.number)) {
			redirect(303, localizeHref(`/admin/${params.municipality}/strategies/${params.strategy}/editions/${result.number}`));
		}
		return { saved: 'edition' };
	}
};
