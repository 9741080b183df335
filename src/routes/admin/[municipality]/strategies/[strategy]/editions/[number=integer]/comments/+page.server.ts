import type { z } from 'zod';
import { getDb } from '$lib/server/runtime';
import { parseForm } from '$lib/server/http/forms';
import { actOrFail, loadOrError } from '$lib/server/http/respond';
import { limitWrites } from '$lib/server/http/rate-limit';
import { backOfficeSectionOf } from '$lib/server/people/actor';
import { answerComment, findCommentedEdition, getEditionCommentsForStaff, setCommentHidden } from '$lib/server/document/document-comment.service';
import { getMunicipalityForBackOffice } from '$lib/server/tenancy/tenancy.admin';
import {
	adminCommentFilterSchema,
	documentCommentAnswerSchema,
	documentCommentHideSchema,
	documentCommentUnhideSchema
} from '$lib/validation/document-comment';
import type { Action, Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, params, locals, url }) => {
	const { municipality } = await parent();
	const query = adminCommentFilterSchema.parse({ filter: url.searchParams.get('filter') ?? undefined, page: url.searchParams.get('page') ?? undefined });
	return loadOrError(() =>
		getEditionCommentsForStaff({
			db: getDb(),
			actor: locals.actor,
			municipalityId: municipality.id,
			strategySlug: params.strategy,
			number: Number(params.number),
			...query
		})
	);
};

/** Every action resolves municipality and edition again from the address; the service checks the actor and the comment. */
function commentAction<S extends z.ZodType>(
	schema: S,
	saved: string,
	work: (scope: { db: ReturnType<typeof getDb>; actor: App.Locals['actor']; municipalityId: string; editionId: string }, data: z.output<S>) => Promise<unknown>
): Action {
	return async ({ request, params, locals, route }) => {
		const form = await parseForm(request, schema);
		if (!form.ok) return form.failure;
		return actOrFail(form.values, async () => {
			await limitWrites(locals.actor?.userId ?? 'anonymous');
			const db = getDb();
			const { municipality } = await getMunicipalityForBackOffice({ db, actor: locals.actor, slug: params.municipality, section: backOfficeSectionOf(route.id) });
			const { edition } = await findCommentedEdition({ db, municipalityId: municipality.id, strategySlug: params.strategy, number: Number(params.number) });
			await work({ db, actor: locals.actor, municipalityId: municipality.id, editionId: edition.id }, form.data);
			return { saved };
		});
	};
}

export const actions: Actions = {
	answer: commentAction(documentCommentAnswerSchema, 'answered', (scope, { commentId, ...input }) => answerComment({ ...scope, commentId, input })),
	hide: commentAction(documentCommentHideSchema, 'hidden', (scope, { commentId, reason }) => setCommentHidden({ ...scope, commentId, reason })),
	unhide: commentAction(documentCommentUnhideSchema, 'shown', (scope, { commentId }) => setCommentHidden({ ...scope, commentId, reason: null }))
};
