import { getDb } from '$lib/server/runtime';
import { loadOrError } from '$lib/server/http/respond';
import { addField, moveField, removeField } from '$lib/server/document/document.admin';
import { documentAction, updateFieldAction } from '$lib/server/document/document-drafting.http';
import {
	addSection,
	getDocumentForDrafting,
	moveSection,
	publishVersion,
	removeSection,
	saveIntroduction,
	updateSection
} from '$lib/server/document/document-version.service';
import { fieldIdSchema, fieldSchema, moveSchema } from '$lib/validation/document';
import { documentSectionSchema, introductionSchema, publishVersionSchema, sectionIdSchema } from '$lib/validation/document-version';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, params, locals }) => {
	const { municipality } = await parent();
	return loadOrError(() =>
		getDocumentForDrafting({ db: getDb(), actor: locals.actor, municipalityId: municipality.id, strategySlug: params.strategy, number: Number(params.number) })
	);
};

// Goals and measures are edited on each field's own page (fields/[field]).
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
	updateField: updateFieldAction,
	moveField: documentAction(moveSchema.extend(fieldIdSchema.shape), 'outline', (scope, data) => moveField({ ...scope, ...data })),
	deleteField: documentAction(fieldIdSchema, 'outline', (scope, data) => removeField({ ...scope, ...data }))
};
