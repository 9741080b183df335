import { getDb } from '$lib/server/runtime';
import { parseForm } from '$lib/server/http/forms';
import { limitWrites } from '$lib/server/http/rate-limit';
import { actOrFail, loadOrError } from '$lib/server/http/respond';
import { getArticleForEditing, saveArticle } from '$lib/server/news/article.service';
import { getMunicipalityBySlug } from '$lib/server/tenancy/tenancy.service';
import { articleSchema } from '$lib/validation/news';
import { getLeadImageChoices, setArticleLeadImage } from '$lib/server/media/article-media.service';
import { leadImageSchema } from '$lib/validation/media';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, locals, params, url }) => {
	const { municipality } = await parent();
	const editing = await loadOrError(() =>
		getArticleForEditing({ db: getDb(), actor: locals.actor, municipalityId: municipality.id, articleId: params.article, timeZone: municipality.timeZone })
	);
	const leadImage = await loadOrError(() => getLeadImageChoices({ db: getDb(), actor: locals.actor, municipalityId: municipality.id, articleId: params.article }));
	return { ...editing, leadImage, justSaved: url.searchParams.get('saved') === '1' };
};

export const actions: Actions = {
	save: async ({ request, params, locals }) => {
		const form = await parseForm(request, articleSchema);
		if (!form.ok) return form.failure;
		return actOrFail(form.values, async () => {
			await limitWrites(locals.actor?.userId ?? 'anonymous');
			const municipality = await getMunicipalityBySlug({ db: getDb(), slug: params.municipality });
			await saveArticle({ db: getDb(), actor: locals.actor, municipalityId: municipality.id, articleId: params.article, input: form.data, timeZone: municipality.timeZone });
			return { saved: 'article' };
		});
	},
	leadImage: async ({ request, params, locals }) => {
		const form = await parseForm(request, leadImageSchema);
		if (!form.ok) return form.failure;
		return actOrFail({}, async () => {
			await limitWrites(locals.actor?.userId ?? 'anonymous');
			const municipality = await getMunicipalityBySlug({ db: getDb(), slug: params.municipality });
			await setArticleLeadImage({ db: getDb(), actor: locals.actor, municipalityId: municipality.id, articleId: params.article, mediaId: form.data.mediaId || null });
			return { saved: 'leadImage' };
		});
	}
};
