import { redirect } from '@sveltejs/kit';
import { localizeHref, getLocale } from '$lib/paraglide/runtime';
import { getDb } from '$lib/server/runtime';
import { parseForm } from '$lib/server/http/forms';
import { actOrFail } from '$lib/server/http/respond';
import { limitIdeas, limitWrites } from '$lib/server/http/rate-limit';
import { getIdeasEdition, listIdeaFormChoices, submitIdea, transcribeIdea } from '$lib/server/participation/idea.service';
import { getMunicipalityBySlug } from '$lib/server/tenancy/tenancy.service';
import { ideaSchema, transcribedIdeaSchema } from '$lib/validation/idea';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, locals, url }) => {
	if (!locals.actor) redirect(303, localizeHref(`/sign-in?next=${encodeURIComponent(url.pathname)}`));
	const { municipality, edition } = await parent();
	return listIdeaFormChoices({ db: getDb(), municipalityId: municipality.id, editionId: edition.id, actor: locals.actor });
};

async function editionOf(params: { municipality: string; strategy: string; number: string }) {
	const municipality = await getMunicipalityBySlug({ db: getDb(), slug: params.municipality });
	const edition = await getIdeasEdition({ db: getDb(), municipalityId: municipality.id, strategySlug: params.strategy, number: Number(params.number) });
	return { municipality, edition, base: `/${municipality.slug}/strategies/${edition.strategySlug}/editions/${edition.number}/ideas` };
}

export const actions: Actions = {
	submit: async ({ request, params, locals }) => {
		const form = await parseForm(request, ideaSchema);
		if (!form.ok) return form.failure;
		const result = await actOrFail(form.values, async () => {
			await limitWrites(locals.actor?.userId ?? 'anonymous');
			await limitIdeas(locals.actor?.userId ?? 'anonymous');
			const { municipality, edition, base } = await editionOf(params);
			const idea = await submitIdea({ db: getDb(), writtenIn: getLocale(), actor: locals.actor, municipalityId: municipality.id, editionId: edition.id, input: form.data });
			return { path: `${base}/${idea.id}` };
		});
		if ('path' in result) redirect(303, localizeHref(result.path));
		return result;
	},
	transcribe: async ({ request, params, locals }) => {
		const form = await parseForm(request, transcribedIdeaSchema);
		if (!form.ok) return form.failure;
		const result = await actOrFail(form.values, async () => {
			await limitWrites(locals.actor?.userId ?? 'anonymous');
			const { municipality, edition, base } = await editionOf(params);
			const idea = await transcribeIdea({ db: getDb(), writtenIn: getLocale(), actor: locals.actor, municipalityId: municipality.id, editionId: edition.id, input: form.data });
			return { path: `${base}/${idea.id}` };
		});
		if ('path' in result) redirect(303, localizeHref(result.path));
		return result;
	}
};
