import { getLocale } from '$lib/paraglide/runtime';
// The form actions of the public document page for comments, kept apart so the page stays thin.
import type { z } from 'zod';
import { parseForm } from '../http/forms';
import { actOrFail } from '../http/respond';
import { limitComments, limitWrites } from '../http/rate-limit';
import type { Actor } from '../people/actor';
import { getDb } from '../runtime';
import { getMunicipalityBySlug } from '../tenancy/tenancy.service';
import { documentCommentDeleteSchema, documentCommentEditSchema, documentCommentFormSchema } from '$lib/validation/document-comment';
import { commentOnDocument, deleteOwnComment, editOwnComment, findCommentedEdition } from './document-comment.service';

type Event = { request: Request; params: Record<string, string>; locals: App.Locals };
type Scope = { municipalityId: string; editionId: string; actor: Actor | null };

/** Parse, hold back floods, find the edition, let the service decide; the answer names the passage. */
function act<S extends z.ZodType>(schema: S, saved: string, work: (scope: Scope, data: z.output<S>) => Promise<{ anchor: string }>) {
	return async ({ request, params, locals }: Event) => {
		const form = await parseForm(request, schema);
		if (!form.ok) return form.failure;
		return actOrFail(form.values, async () => {
			await limitWrites(locals.actor?.userId ?? 'anonymous');
			const db = getDb();
			const municipality = await getMunicipalityBySlug({ db, slug: params.municipality });
			const { edition } = await findCommentedEdition({ db, municipalityId: municipality.id, strategySlug: params.strategy, number: Number(params.number) });
			const { anchor } = await work({ municipalityId: municipality.id, editionId: edition.id, actor: locals.actor }, form.data);
			return { saved, anchor };
		});
	};
}

export const documentCommentActions = {
	comment: act(documentCommentFormSchema, 'comment', async (scope, data) => {
		await limitComments(scope.actor?.userId ?? 'anonymous');
		return commentOnDocument({ db: getDb(), ...scope, versionNumber: data.version, input: { anchor: data.anchor, body: data.body }, writtenIn: getLocale() });
	}),
	editComment: act(documentCommentEditSchema, 'edited', (scope, data) =>
		editOwnComment({ db: getDb(), ...scope, commentId: data.commentId, input: { body: data.body }, writtenIn: getLocale() })
	),
	deleteComment: act(documentCommentDeleteSchema, 'deleted', (scope, data) => deleteOwnComment({ db: getDb(), ...scope, commentId: data.commentId }))
};
