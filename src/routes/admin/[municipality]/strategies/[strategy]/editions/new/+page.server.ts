import { redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { getDb } from '$lib/server/runtime';
import { parseForm } from '$lib/server/http/forms';
import { actOrFail, loadOrError } from '$lib/server/http/respond';
import { limitWrites } from '$lib/server/http/rate-limit';
import { createEdition, getStrategyForAdmin, listContactPointsForAdmin } from '$lib/server/document/document.admin';
import { editionStages } from '$lib/server/document/document.schema';
import { getMunicipalityForAdmin } from '$lib/server/tenancy/tenancy.admin';
import { editionSchema } from '$lib/validation/document';
import { carryOverSchema } from '$lib/validation/document-trace';
import { adoptedStages } from '$lib/server/document/document-carryover';
import { lastRatingsForCarryOver } from '$lib/server/monitoring/review-carryover';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, params, locals }) => {
	const { municipality } = await parent();
	const scope = { db: getDb(), actor: locals.actor, municipalityId: municipality.id };
	return loadOrError(async () => {
		const strategy = await getStrategyForAdmin({ ...scope, slug: params.strategy });
		// Editions are listed newest first: the next one usually continues the numbering and the period.
		const latest = strategy.editions[0];
		const startYear = latest ? latest.periodEnd : new Date().getFullYear();
		const carryOverSource = strategy.editions.find((edition) => (adoptedStages as readonly string[]).includes(edition.stage));
		return {
			strategy,
			suggestion: {
				number: (latest?.number ?? 0) + 1,
				periodStart: startYear,
				periodEnd: startYear + 5,
				stage: 'preparing',
				summary: '',
				contactPointId: latest?.contactPointId ?? null,
				stageDates: []
			},
			contactPoints: await listContactPointsForAdmin(scope),
			// The structure usually continues from the latest adopted edition.
			carryOverDefault: carryOverSource?.id ?? '',
			// What the last published review said about each goal the new edition continues.
			lastRatings: carryOverSource
				? { number: carryOverSource.number, goals: await lastRatingsForCarryOver({ db: scope.db, municipalityId: municipality.id, editionId: carryOverSource.id }) }
				: null,
			stages: editionStages
		};
	});
};

export const actions: Actions = {
	createEdition: async ({ request, params, locals }) => {
		const carryOver = await parseForm(request.clone(), carryOverSchema);
		const form = await parseForm(request, editionSchema);
		if (!carryOver.ok) return carryOver.failure;
		if (!form.ok) return form.failure;
		const result = await actOrFail(form.values, async () => {
			await limitWrites(locals.actor?.userId ?? 'anonymous');
			const db = getDb();
			const municipality = await getMunicipalityForAdmin({ db, actor: locals.actor, slug: params.municipality });
			const scope = { db, actor: locals.actor, municipalityId: municipality.id };
			const strategy = await getStrategyForAdmin({ ...scope, slug: params.strategy });
			return createEdition({ ...scope, strategyId: strategy.id, input: form.data, carryOverFrom: carryOver.data.carryOverFrom });
		});
		if (!('number' in result)) return result;
		redirect(303, localizeHref(`/admin/${params.municipality}/strategies/${params.strategy}/editions/${result.number}`));
	}
};
