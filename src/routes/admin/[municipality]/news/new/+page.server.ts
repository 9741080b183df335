import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/runtime';
import { parseForm } from '$lib/server/http/forms';
import { limitWrites } from '$lib/server/http/rate-limit';
import { actOrFail, loadOrError } from '$lib/server/http/respond';
import { NEWS_ROLES, saveArticle } from '$lib/server/news/article.service';
import { requireRole } from '$lib/server/people/actor';
import { getMunicipalityBySlug } from '$lib/server/tenancy/tenancy.service';
import { localizeHref } from '$lib/paraglide/runtime';
import { articleSchema } from '$lib/validation/news';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, locals }) => {
	const { municipality } = await parent();
	return loadOrError(async () => {
		requireRole(locals.actor, municipality.id, NEWS_ROLES);
		return {};
	});
};

export const actions: Actions = {
	save: async ({ request, params, locals }) => {
		const form = await parseForm(request, articleSchema);
		if (!form.ok) return form.failure;
		const result = await actOrFail(form.values, async () => {
			await limitWrites(locals.actor?.userId ?? 'anonymous');
			const municipality = await getMunicipalityBySlug({ db: getDb(), slug: params.municipality });
			return saveArticle({ db: getDb(), actor: locals.actor, municipalityId: municipality.id, input: form.data, timeZone: municipality.timeZone });
		});
		if (!('id' in result)) return result;
		redirect(303, localizeHref(`/admin/${params.municipality}/news/${result.id}?saved=1`));
	}
};
