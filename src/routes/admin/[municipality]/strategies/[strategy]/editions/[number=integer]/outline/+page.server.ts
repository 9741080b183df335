import type { z } from 'zod';
import { getDb } from '$lib/server/runtime';
import { parseForm } from '$lib/server/http/forms';
import { actOrFail, loadOrError } from '$lib/server/http/respond';
import { limitWrites } from '$lib/server/http/rate-limit';
import {
	addField,
	addGoal,
	addMeasure,
	getEditionForAdmin,
	getOutlineForAdmin,
	moveField,
	moveGoal,
	moveMeasure,
	removeField,
	removeGoal,
	removeMeasure,
	updateField,
	updateGoal,
	updateMeasure
} from '$lib/server/document/document.admin';
import { getMunicipalityForAdmin } from '$lib/server/tenancy/tenancy.admin';
import { fieldIdSchema, fieldSchema, goalIdSchema, measureIdSchema, moveSchema, outlineItemSchema } from '$lib/validation/document';
import type { Action, Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, params, locals }) => {
	const { municipality } = await parent();
	const scope = { db: getDb(), actor: locals.actor, municipalityId: municipality.id };
	return loadOrError(async () => {
		const { strategy, edition } = await getEditionForAdmin({ ...scope, strategySlug: params.strategy, number: Number(params.number) });
		return { strategy, edition, outline: await getOutlineForAdmin({ ...scope, editionId: edition.id }) };
	});
};

type EditionScope = Awaited<ReturnType<typeof editionScopeOf>>;

/** Every action resolves municipality and edition again from the address; the service checks the actor and every id. */
async function editionScopeOf(params: { municipality: string; strategy: string; number: string }, actor: App.Locals['actor']) {
	const db = getDb();
	const municipality = await getMunicipalityForAdmin({ db, actor, slug: params.municipality });
	const scope = { db, actor, municipalityId: municipality.id };
	const { edition } = await getEditionForAdmin({ ...scope, strategySlug: params.strategy, number: Number(params.number) });
	return { ...scope, editionId: edition.id };
}

function outlineAction<S extends z.ZodType>(schema: S, work: (scope: EditionScope, data: z.output<S>) => Promise<unknown>): Action {
	return async ({ request, params, locals }) => {
		const form = await parseForm(request, schema);
		if (!form.ok) return form.failure;
		return actOrFail(form.values, async () => {
			await limitWrites(locals.actor?.userId ?? 'anonymous');
			await work(await editionScopeOf(params, locals.actor), form.data);
			return { saved: 'outline' };
		});
	};
}

export const actions: Actions = {
	addField: outlineAction(fieldSchema, (scope, data) => addField({ ...scope, input: data })),
	updateField: outlineAction(fieldSchema.extend(fieldIdSchema.shape), (scope, { fieldId, ...input }) => updateField({ ...scope, fieldId, input })),
	moveField: outlineAction(moveSchema.extend(fieldIdSchema.shape), (scope, data) => moveField({ ...scope, ...data })),
	deleteField: outlineAction(fieldIdSchema, (scope, data) => removeField({ ...scope, ...data })),
	addGoal: outlineAction(outlineItemSchema.extend(fieldIdSchema.shape), (scope, { fieldId, ...input }) => addGoal({ ...scope, fieldId, input })),
	updateGoal: outlineAction(outlineItemSchema.extend(goalIdSchema.shape), (scope, { goalId, ...input }) => updateGoal({ ...scope, goalId, input })),
	moveGoal: outlineAction(moveSchema.extend(goalIdSchema.shape), (scope, data) => moveGoal({ ...scope, ...data })),
	deleteGoal: outlineAction(goalIdSchema, (scope, data) => removeGoal({ ...scope, ...data })),
	addMeasure: outlineAction(outlineItemSchema.extend(goalIdSchema.shape), (scope, { goalId, ...input }) =>
		addMeasure({ ...scope, goalId, input })
	),
	updateMeasure: outlineAction(outlineItemSchema.extend(measureIdSchema.shape), (scope, { measureId, ...input }) =>
		updateMeasure({ ...scope, measureId, input })
	),
	moveMeasure: outlineAction(moveSchema.extend(measureIdSchema.shape), (scope, data) => moveMeasure({ ...scope, ...data })),
	deleteMeasure: outlineAction(measureIdSchema, (scope, data) => removeMeasure({ ...scope, ...data }))
};
