import type { z } from 'zod';
import { getDb } from '$lib/server/runtime';
import { parseForm } from '$lib/server/http/forms';
import { actOrFail, loadOrError } from '$lib/server/http/respond';
import { limitWrites } from '$lib/server/http/rate-limit';
import { backOfficeSectionOf } from '$lib/server/people/actor';
import { getEditionForDrafting } from '$lib/server/document/document-version.service';
import { getTargetTrace, linkIdea, listTraceTargets, unlinkIdea } from '$lib/server/document/document-trace.service';
import { getMunicipalityForBackOffice } from '$lib/server/tenancy/tenancy.admin';
import { traceIdeaLinkSchema, traceRemoveSchema, traceSearchSchema, traceTargetSchema } from '$lib/validation/document-trace';
import type { Action, Actions, PageServerLoad } from './$types';

// The ideas behind one goal or measure of the outline, kept by the staff who draft the document.
export const load: PageServerLoad = async ({ parent, params, locals, url }) => {
	const { municipality } = await parent();
	const scope = { db: getDb(), actor: locals.actor, municipalityId: municipality.id };
	return loadOrError(async () => {
		const { strategy, edition } = await getEditionForDrafting({ ...scope, strategySlug: params.strategy, number: Number(params.number) });
		const outline = await listTraceTargets({ ...scope, editionId: edition.id });
		const target = traceTargetSchema.safeParse(url.searchParams.get('target') ?? '');
		const search = traceSearchSchema.parse({ q: url.searchParams.get('q') ?? '', page: url.searchParams.get('page') ?? '1' });
		if (!target.success) return { strategy, edition, outline, target: null, search, trace: null };
		const trace = await getTargetTrace({ ...scope, editionId: edition.id, target: target.data, query: search.q, page: search.page });
		return { strategy, edition, outline, target: target.data, search, trace };
	});
};

async function editionScopeOf(params: { municipality: string; strategy: string; number: string }, actor: App.Locals['actor'], routeId: string | null) {
	const db = getDb();
	const { municipality } = await getMunicipalityForBackOffice({ db, actor, slug: params.municipality, section: backOfficeSectionOf(routeId) });
	const scope = { db, actor, municipalityId: municipality.id };
	const { edition } = await getEditionForDrafting({ ...scope, strategySlug: params.strategy, number: Number(params.number) });
	return { ...scope, editionId: edition.id };
}

function traceAction<S extends z.ZodType>(schema: S, saved: string, work: (scope: Awaited<ReturnType<typeof editionScopeOf>>, data: z.output<S>) => Promise<unknown>): Action {
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
	// The idea's own edition is checked by the service: an idea of another edition cannot be linked here.
	link: traceAction(traceIdeaLinkSchema, 'trace', ({ db, actor, municipalityId }, data) =>
		linkIdea({ db, actor, municipalityId, ideaId: data.ideaId, target: data.target, note: data.note })
	),
	unlink: traceAction(traceRemoveSchema, 'untrace', ({ db, actor, municipalityId }, data) => unlinkIdea({ db, actor, municipalityId, traceId: data.traceId }))
};
