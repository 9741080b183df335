import type { z } from 'zod';
import { getDb } from '$lib/server/runtime';
import { parseForm } from '$lib/server/http/forms';
import { actOrFail, loadOrError } from '$lib/server/http/respond';
import { limitWrites } from '$lib/server/http/rate-limit';
import { getEditionForAdmin } from '$lib/server/document/document.admin';
import { addOfflineCount, getEditionFiguresForAdmin, removeOfflineCount } from '$lib/server/participation/figures.service';
import { getMunicipalityForAdmin } from '$lib/server/tenancy/tenancy.admin';
import { offlineCountIdSchema, offlineCountSchema } from '$lib/validation/figures';
import type { Action, Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, params, locals }) => {
	const { municipality } = await parent();
	const scope = { db: getDb(), actor: locals.actor, municipalityId: municipality.id };
	return loadOrError(async () => {
		const { strategy, edition } = await getEditionForAdmin({ ...scope, strategySlug: params.strategy, number: Number(params.number) });
		return { strategy, edition, figures: await getEditionFiguresForAdmin({ ...scope, editionId: edition.id }) };
	});
};

type EditionScope = { db: ReturnType<typeof getDb>; actor: App.Locals['actor']; municipalityId: string; editionId: string };

/** Every action resolves municipality and edition again from the address; the service checks the actor. */
function figuresAction<S extends z.ZodType>(schema: S, work: (scope: EditionScope, data: z.output<S>) => Promise<unknown>, saved: string): Action {
	return async ({ request, params, locals }) => {
		const form = await parseForm(request, schema);
		if (!form.ok) return form.failure;
		return actOrFail(form.values, async () => {
			await limitWrites(locals.actor?.userId ?? 'anonymous');
			const db = getDb();
			const municipality = await getMunicipalityForAdmin({ db, actor: locals.actor, slug: params.municipality });
			const scope = { db, actor: locals.actor, municipalityId: municipality.id };
			const { edition } = await getEditionForAdmin({ ...scope, strategySlug: params.strategy, number: Number(params.number) });
			await work({ ...scope, editionId: edition.id }, form.data);
			return { saved };
		});
	};
}

export const actions: Actions = {
	addOfflineCount: figuresAction(offlineCountSchema, (scope, input) => addOfflineCount({ ...scope, input }), 'offline_count'),
	deleteOfflineCount: figuresAction(offlineCountIdSchema, (scope, { offlineCountId }) => removeOfflineCount({ ...scope, offlineCountId }), 'offline_count')
};
