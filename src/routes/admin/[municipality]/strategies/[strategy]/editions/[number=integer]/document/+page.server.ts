import type { z } from 'zod';
import { getDb } from '$lib/server/runtime';
import { parseForm } from '$lib/server/http/forms';
import { actOrFail, loadOrError } from '$lib/server/http/respond';
import { limitWrites } from '$lib/server/http/rate-limit';
import { backOfficeSectionOf } from '$lib/server/people/actor';
import {
	addField,
	addGoal,
	addMeasure,
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
import {
	addSection,
	getDocumentForDrafting,
	getEditionForDrafting,
	moveSection,
	publishVersion,
	removeSection,
	saveIntroduction,
	updateSection
} from '$lib/server/document/document-version.service';
import { getMunicipalityForBackOffice } from '$lib/server/tenancy/tenancy.admin';
import { fieldIdSchema, fieldSchema, goalIdSchema, measureIdSchema, moveSchema, outlineItemSchema } from '$lib/validation/document';
import { documentSectionSchema, introductionSchema, publishVersionSchema, sectionIdSchema } from '$lib/validation/document-version';
import type { Action, Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, params, locals }) => {
	const { municipality } = await parent();
	return loadOrError(() =>
		getDocumentForDrafting({ db: getDb(), actor: locals.actor, municipalityId: municipality.id, strategySlug: params.strategy, number: Number(params.number) })
	);
};

type EditionScope = Awaited<ReturnType<typeof editionScopeOf>>;

/** Every action resolves municipality and edition again from the address; the service checks the actor and every id. */
async function editionScopeOf(
	params: { municipality: string; strategy: string; number: string },
	actor: App.Locals['actor'],
	routeId: string | null
) {
	const db = getDb();
	const { municipality } = await getMunicipalityForBackOffice({ db, actor, slug: params.municipality, section: backOfficeSectionOf(routeId) });
	const scope = { db, actor, municipalityId: municipality.id };
	const { edition } = await getEditionForDrafting({ ...scope, strategySlug: params.strategy, number: Number(params.number) });
	return { ...scope, editionId: edition.id };
}

function documentAction<S extends z.ZodType>(
	schema: S,
	saved: string,
	work: (scope: EditionScope, data: z.output<S>) => Promise<unknown>
): Action {
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

export const actions: Actions = {
	saveIntroduction: documentAction(introductionSchema, 'introduction', (scope, data) => saveIntroduction({ ...scope, input: data })),
	addSection: documentAction(documentSectionSchema, 'section', (scope, data) => addSection({ ...scope, input: data })),
	updateSection: documentAction(documentSectionSchema.extend(sectionIdSchema.shape), 'section', (scope, { sectionId, ...input }) =>
		updateSection({ ...scope, sectionId, input })
	),
	moveSection: documentAction(moveSchema.extend(sectionIdSchema.shape), 'section', (scope, data) => moveSection({ ...scope, ...data })),
	deleteSection: documentAction(sectionIdSchema, 'section', (scope, data) => removeSection({ ...scope, ...data })),
	publishVersion: documentAction(publishVersionSchema, 'version', (scope, data) => publishVersion({ ...scope, input: data })),
	addField: documentAction(fieldSchema, 'outline', (scope, data) => addField({ ...scope, input: data })),
	updateField: documentAction(fieldSchema.extend(fieldIdSchema.shape), 'outline', (scope, { fieldId, ...input }) => updateField({ ...scope, fieldId, input })),
	moveField: documentAction(moveSchema.extend(fieldIdSchema.shape), 'outline', (scope, data) => moveField({ ...scope, ...data })),
	deleteField: documentAction(fieldIdSchema, 'outline', (scope, data) => removeField({ ...scope, ...data })),
	addGoal: documentAction(outlineItemSchema.extend(fieldIdSchema.shape), 'outline', (scope, { fieldId, ...input }) => addGoal({ ...scope, fieldId, input })),
	updateGoal: documentAction(outlineItemSchema.extend(goalIdSchema.shape), 'outline', (scope, { goalId, ...input }) => updateGoal({ ...scope, goalId, input })),
	moveGoal: documentAction(moveSchema.extend(goalIdSchema.shape), 'outline', (scope, data) => moveGoal({ ...scope, ...data })),
	deleteGoal: documentAction(goalIdSchema, 'outline', (scope, data) => removeGoal({ ...scope, ...data })),
	addMeasure: documentAction(outlineItemSchema.extend(goalIdSchema.shape), 'outline', (scope, { goalId, ...input }) =>
		addMeasure({ ...scope, goalId, input })
	),
	updateMeasure: documentAction(outlineItemSchema.extend(measureIdSchema.shape), 'outline', (scope, { measureId, ...input }) =>
		updateMeasure({ ...scope, measureId, input })
	),
	moveMeasure: documentAction(moveSchema.extend(measureIdSchema.shape), 'outline', (scope, data) => moveMeasure({ ...scope, ...data })),
	deleteMeasure: documentAction(measureIdSchema, 'outline', (scope, data) => removeMeasure({ ...scope, ...data }))
};
