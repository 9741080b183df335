import { getDb } from '$lib/server/runtime';
import { parseForm } from '$lib/server/http/forms';
import { limitWrites } from '$lib/server/http/rate-limit';
import { actOrFail, loadOrError } from '$lib/server/http/respond';
import { getArticleForEditing, saveArticle } from '$lib/server/news/article.service';
import { getMunicipalityBySlug } from '$lib/server/tenancy/tenancy.service';
import { articleSchema } from '$lib/validation/news';
import { getLeadImageChoices, setArticleLeadImage } from '$lib/server/media/article-media.service';
import { leadImageSchema } from '$lib/validation/media';
import { getArticleContextChoices, setArticleContext } from '$lib/server/news/article-context.service';
import { articleContextSchema } from '$lib/validation/news';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, locals, params, url }) => {
	const { municipality } = await parent();
	const editing = await loadOrError(() =>
		getArticleForEditing({ db: getDb(), actor: locals.actor, municipalityId: municipality.id, articleId: params.article, timeZone: municipality.timeZone })
	);
	const [leadImage, context] = await Promise.all([
		loadOrError(() => getLeadImageChoices({ db: getDb(), actor: locals.actor, municipalityId: municipality.id, articleId: params.article })),
		loadOrError(() => getArticleContextChoices({ db: getDb(), actor: locals.actor, municipalityId: municipality.id, articleId: params.article }))
	]);
	return { ...editing, leadImage, context, justSaved: url.searchParams.get('saved') === '1' };
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
	},
	context: async ({ request, params, locals }) => {
		const form = await parseForm(request, articleContextSchema);
		if (!form.ok) return form.failure;
		return actOrFail({}, async () => {
			await limitWrites(locals.actor?.userId ?? 'anonymous');
			const municipality = await getMunicipalityBySlug({ db: getDb(), slug: params.municipality });
			const { editionId, contactPointId, eventIds } = form.data;
			await setArticleContext({
				db: getDb(),
				actor: locals.actor,
				municipalityId: municipality.id,
				articleId: params.article,
				input: { editionId: editionId || null, contactPointId: contactPointId || null, eventIds }
			});
			return { saved: 'context' };
		});
	}
};
