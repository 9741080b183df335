import { z } from 'zod';
import { deLocalizeHref, getLocale } from '$lib/paraglide/runtime';
import { getDb, getRuntime } from '$lib/server/runtime';
import { parseForm } from '$lib/server/http/forms';
import { actOrFail, loadOrError } from '$lib/server/http/respond';
import { limitComments, limitWrites } from '$lib/server/http/rate-limit';
import type { Actor } from '$lib/server/people/actor';
import {
	commentOnIdea,
	getIdea,
	moderateContent,
	reportContent,
	setIdeaStatus,
	supportIdea,
	withdrawSupport
} from '$lib/server/participation/idea.service';
import { getIdeaTrace, linkIdea, listTraceTargets, mayKeepTrace, unlinkIdea } from '$lib/server/document/document-trace.service';
import { traceLinkSchema, traceRemoveSchema } from '$lib/validation/document-trace';
import { getMunicipalityBySlug } from '$lib/server/tenancy/tenancy.service';
import { commentSchema, hideSchema, ideaStatusSchema, reportSchema, unhideSchema } from '$lib/validation/idea';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, params, locals }) => {
	const { municipality, edition } = await parent();
	return loadOrError(async () => {
		const scope = { db: getDb(), municipalityId: municipality.id };
		const [found, trace, traceTargets] = await Promise.all([
			getIdea({ ...scope, ideaId: params.id, actor: locals.actor }),
			getIdeaTrace({ ...scope, ideaId: params.id, editionId: edition.id }),
			mayKeepTrace(locals.actor, municipality.id) ? listTraceTargets({ ...scope, actor: locals.actor, editionId: edition.id }) : null
		]);
		return { ...found, trace, traceTargets };
	});
};

type Params = { municipality: string; id: string };

/** Every action: parse, hold back floods, find the municipality, let the service decide. */
function act<S extends z.ZodType>(schema: S, work: (input: { municipalityId: string; ideaId: string; actor: Actor | null; data: z.output<S>; url: URL }) => Promise<unknown>, saved: string) {
	return async ({ request, params, locals, url }: { request: Request; params: Params; locals: App.Locals; url: URL }) => {
		const form = await parseForm(request, schema);
		if (!form.ok) return form.failure;
		return actOrFail(form.values, async () => {
			await limitWrites(locals.actor?.userId ?? 'anonymous');
			const municipality = await getMunicipalityBySlug({ db: getDb(), slug: params.municipality });
			await work({ municipalityId: municipality.id, ideaId: params.id, actor: locals.actor, data: form.data, url });
			return { saved };
		});
	};
}

const empty = z.object({});

export const actions: Actions = {
	comment: act(commentSchema, async ({ data, url, ...scope }) => {
		await limitComments(scope.actor?.userId ?? 'anonymous');
		const { mailer, config } = getRuntime();
		await commentOnIdea({ db: getDb(), ...scope, input: data, writtenIn: getLocale(), notify: { mailer, origin: config.origin ?? url.origin, ideaPath: deLocalizeHref(url.pathname) } });
	}, 'comment'),
	support: act(empty, (scope) => supportIdea({ db: getDb(), ...scope }), 'support'),
	unsupport: act(empty, (scope) => withdrawSupport({ db: getDb(), ...scope }), 'support'),
	report: act(reportSchema, ({ data, ...scope }) => reportContent({ db: getDb(), ...scope, input: data }), 'report'),
	hide: act(hideSchema, ({ data, municipalityId, ideaId, actor }) =>
		moderateContent({ db: getDb(), actor, municipalityId, ideaId, commentId: data.commentId, hiddenReason: data.reason }), 'hidden'),
	unhide: act(unhideSchema, ({ data, municipalityId, ideaId, actor }) =>
		moderateContent({ db: getDb(), actor, municipalityId, ideaId, commentId: data.commentId, hiddenReason: null }), 'shown'),
	status: act(ideaStatusSchema, ({ data, municipalityId, ideaId, actor, url }) =>
		setIdeaStatus({
			db: getDb(),
			actor,
			municipalityId,
			ideaId,
			input: data,
			mailer: getRuntime().mailer,
			ideaPath: deLocalizeHref(url.pathname),
			origin: url.origin,
			locale: getLocale()
		}), 'status'),
	trace: act(traceLinkSchema, async ({ data, municipalityId, ideaId, actor, url }) => {
		const linked = await linkIdea({ db: getDb(), actor, municipalityId, ideaId, target: data.target, note: data.note });
		// Adopting is offered beside the link, never implied by it.
		if (data.adopt && linked.ideaStatus !== 'adopted') {
			await setIdeaStatus({
				db: getDb(),
				actor,
				municipalityId,
				ideaId,
				input: { status: 'adopted', explanation: linked.statusExplanation, mergedIntoId: null },
				mailer: getRuntime().mailer,
				ideaPath: deLocalizeHref(url.pathname),
				origin: url.origin,
				locale: getLocale()
			});
		}
	}, 'trace'),
	untrace: act(traceRemoveSchema, ({ data, municipalityId, ideaId, actor }) => unlinkIdea({ db: getDb(), actor, municipalityId, ideaId, traceId: data.traceId }), 'untrace')
};
