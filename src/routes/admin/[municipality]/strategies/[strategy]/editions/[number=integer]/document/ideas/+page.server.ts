import { getDb } from '$lib/server/runtime';
import { loadOrError } from '$lib/server/http/respond';
import { documentAction } from '$lib/server/document/document-drafting.http';
import { getEditionForDrafting } from '$lib/server/document/document-version.service';
import { getTargetTrace, linkIdea, listTraceTargets, unlinkIdea } from '$lib/server/document/document-trace.service';
import { traceIdeaLinkSchema, traceRemoveSchema, traceSearchSchema, traceTargetSchema } from '$lib/validation/document-trace';
import type { Actions, PageServerLoad } from './$types';

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

export const actions: Actions = {
	// The idea's own edition is checked by the service: an idea of another edition cannot be linked here.
	link: documentAction(traceIdeaLinkSchema, 'trace', ({ db, actor, municipalityId }, data) =>
		linkIdea({ db, actor, municipalityId, ideaId: data.ideaId, target: data.target, note: data.note })
	),
	unlink: documentAction(traceRemoveSchema, 'untrace', ({ db, actor, municipalityId }, data) => unlinkIdea({ db, actor, municipalityId, traceId: data.traceId }))
};
