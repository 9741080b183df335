import { getDb } from '$lib/server/runtime';
import { loadOrError } from '$lib/server/http/respond';
import { fieldContentActions } from '$lib/server/document/document-drafting.http';
import { getFieldForDrafting } from '$lib/server/document/document-field.service';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, params, locals }) => {
	const { municipality } = await parent();
	return loadOrError(() =>
		getFieldForDrafting({
			db: getDb(),
			actor: locals.actor,
			municipalityId: municipality.id,
			strategySlug: params.strategy,
			number: Number(params.number),
			fieldId: params.field
		})
	);
};

export const actions: Actions = fieldContentActions;
