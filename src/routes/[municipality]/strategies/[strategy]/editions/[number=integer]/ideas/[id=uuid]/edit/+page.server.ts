import { error, redirect } from '@sveltejs/kit';
import { translate } from '$lib/server/shared/translate';
import { localizeHref, getLocale } from '$lib/paraglide/runtime';
import { getDb } from '$lib/server/runtime';
import { parseForm } from '$lib/server/http/forms';
import { actOrFail, loadOrError } from '$lib/server/http/respond';
import { limitWrites } from '$lib/server/http/rate-limit';
import { editIdea, getIdea, listIdeaFormChoices } from '$lib/server/participation/idea.service';
import { getMunicipalityBySlug } from '$lib/server/tenancy/tenancy.service';
import { ideaSchema } from '$lib/validation/idea';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, params, locals, url }) => {
	if (!locals.actor) redirect(303, localizeHref(`/sign-in?next=${encodeURIComponent(url.pathname)}`));
	const { municipality, edition } = await parent();
	const actor = locals.actor;
	const detail = await loadOrError(() => getIdea({ db: getDb(), municipalityId: municipality.id, ideaId: params.id, actor }));
	if (!detail.mayEdit) error(403, { code: 'ideas_error_not_editable', message: translate('ideas_error_not_editable') });
	const { organisations } = await listIdeaFormChoices({ db: getDb(), municipalityId: municipality.id, editionId: edition.id, actor });
	return { idea: detail.idea, organisations };
};

export const actions: Actions = {
	default: async ({ request, params, locals, url }) => {
		const form = await parseForm(request, ideaSchema);
		if (!form.ok) return form.failure;
		const result = await actOrFail(form.values, async () => {
			await limitWrites(locals.actor?.userId ?? 'anonymous');
			const municipality = await getMunicipalityBySlug({ db: getDb(), slug: params.municipality });
			await editIdea({ db: getDb(), writtenIn: getLocale(), actor: locals.actor, municipalityId: municipality.id, ideaId: params.id, input: form.data });
			return { path: url.pathname.replace(/\/edit$/, '') };
		});
		if ('path' in result) redirect(303, result.path);
		return result;
	}
};
