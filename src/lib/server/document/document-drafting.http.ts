import type { Action } from '@sveltejs/kit';
import type { z } from 'zod';
import { fieldIdSchema, fieldSchema, goalIdSchema, measureIdSchema, moveSchema, outlineItemSchema } from '$lib/validation/document';
import { parseForm } from '../http/forms';
import { actOrFail } from '../http/respond';
import { limitWrites } from '../http/rate-limit';
import { backOfficeSectionOf } from '../people/actor';
import { getDb } from '../runtime';
import { getMunicipalityForBackOffice } from '../tenancy/tenancy.admin';
import {
	addGoal,
	addMeasure,
	moveGoal,
	moveMeasure,
	relocateGoal,
	relocateMeasure,
	removeGoal,
	removeMeasure,
	updateField,
	updateGoal,
	updateMeasure
} from './document.admin';
import { getEditionForDrafting } from './document-version.service';

type EditionParams = { municipality: string; strategy: string; number: string };
type EditionScope = Awaited<ReturnType<typeof editionScopeOf>>;

/** Every action resolves municipality and edition again from the address; the service checks the actor and every id. */
async function editionScopeOf(params: EditionParams, actor: App.Locals['actor'], routeId: string | null) {
	const db = getDb();
	const { municipality } = await getMunicipalityForBackOffice({ db, actor, slug: params.municipality, section: backOfficeSectionOf(routeId) });
	const scope = { db, actor, municipalityId: municipality.id };
	const { edition } = await getEditionForDrafting({ ...scope, strategySlug: params.strategy, number: Number(params.number) });
	return { ...scope, editionId: edition.id };
}

/** A form action of the pages that draft the document and trace ideas to it: the form read through its schema, the write rate-limited, the result `{ saved }`. */
export function documentAction<S extends z.ZodType>(
	schema: S,
	saved: string,
	work: (scope: EditionScope, data: z.output<S>) => Promise<unknown>
): Action<EditionParams> {
	return async ({ request, params, locals, route }) => {
		const form = await parseForm(request, schema);
		if (!form.ok) return form.failure;
		return actOrFail(form.values, async () => {
			await limitWrites(locals.actor?.userId ?? 'anonymous');
			await work(await editionScopeOf(params, locals.actor, route.id), form.data);
			return { saved };
		});
	};
}

/** A field's title, description and focus: edited on the document's page and on the field's own. */
export const updateFieldAction = documentAction(fieldSchema.extend(fieldIdSchema.shape), 'outline', (scope, { fieldId, ...input }) =>
	updateField({ ...scope, fieldId, input })
);

/** A field's goals and measures are edited on the field's own page. */
export const fieldContentActions = {
	updateField: updateFieldAction,
	addGoal: documentAction(outlineItemSchema.extend(fieldIdSchema.shape), 'outline', (scope, { fieldId, ...input }) => addGoal({ ...scope, fieldId, input })),
	updateGoal: documentAction(outlineItemSchema.extend(goalIdSchema.shape), 'outline', (scope, { goalId, ...input }) => updateGoal({ ...scope, goalId, input })),
	moveGoal: documentAction(moveSchema.extend(goalIdSchema.shape), 'outline', (scope, data) => moveGoal({ ...scope, ...data })),
	deleteGoal: documentAction(goalIdSchema, 'outline', (scope, data) => removeGoal({ ...scope, ...data })),
	// The field (or goal) in the form is where the goal (or measure) goes.
	relocateGoal: documentAction(goalIdSchema.extend(fieldIdSchema.shape), 'outline', (scope, data) => relocateGoal({ ...scope, ...data })),
	addMeasure: documentAction(outlineItemSchema.extend(goalIdSchema.shape), 'outline', (scope, { goalId, ...input }) =>
		addMeasure({ ...scope, goalId, input })
	),
	updateMeasure: documentAction(outlineItemSchema.extend(measureIdSchema.shape), 'outline', (scope, { measureId, ...input }) =>
		updateMeasure({ ...scope, measureId, input })
	),
	moveMeasure: documentAction(moveSchema.extend(measureIdSchema.shape), 'outline', (scope, data) => moveMeasure({ ...scope, ...data })),
	deleteMeasure: documentAction(measureIdSchema, 'outline', (scope, data) => removeMeasure({ ...scope, ...data })),
	relocateMeasure: documentAction(measureIdSchema.extend(goalIdSchema.shape), 'outline', (scope, data) => relocateMeasure({ ...scope, ...data }))
};
