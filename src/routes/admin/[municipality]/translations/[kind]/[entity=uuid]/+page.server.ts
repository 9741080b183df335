import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/runtime';
import { parseForm } from '$lib/server/http/forms';
import { limitWrites } from '$lib/server/http/rate-limit';
import { actOrFail, loadOrError } from '$lib/server/http/respond';
import { getTranslationEditor, saveTranslations, translatableKinds, type TranslatableKind } from '$lib/server/content/content.service';
import { getMunicipalityBySlug } from '$lib/server/tenancy/tenancy.service';
import { translate } from '$lib/server/shared/translate';
import { translationFormSchema } from '$lib/validation/content';
import type { Actions, PageServerLoad } from './$types';

function kindOf(value: string): TranslatableKind {
	if (!(translatableKinds as string[]).includes(value)) error(404, { code: 'content_not_found', message: translate('content_not_found') });
	return value as TranslatableKind;
}

export const load: PageServerLoad = async ({ parent, params, locals }) => {
	const { municipality } = await parent();
	const kind = kindOf(params.kind);
	return loadOrError(() => getTranslationEditor({ db: getDb(), actor: locals.actor, municipalityId: municipality.id, kind, entityId: params.entity }));
};

export const actions: Actions = {
	save: async ({ request, params, locals }) => {
		const kind = kindOf(params.kind);
		const form = await parseForm(request, translationFormSchema(kind));
		if (!form.ok) return form.failure;
		return actOrFail(form.values, async () => {
			await limitWrites(locals.actor?.userId ?? 'anonymous');
			const municipality = await getMunicipalityBySlug({ db: getDb(), slug: params.municipality });
			await saveTranslations({ db: getDb(), actor: locals.actor, municipalityId: municipality.id, kind, entityId: params.entity, input: form.data });
			return { saved: 'translations' };
		});
	}
};
