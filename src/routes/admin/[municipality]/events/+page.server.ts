import { getDb } from '$lib/server/runtime';
import { parseForm } from '$lib/server/http/forms';
import { limitWrites } from '$lib/server/http/rate-limit';
import { actOrFail, loadOrError } from '$lib/server/http/respond';
import { getMunicipalityForStaff, listEventsForStaff } from '$lib/server/participation/event.admin';
import { listSubmittedEvents, reviewSubmittedEvent } from '$lib/server/participation/calendar.review';
import { eventReviewSchema } from '$lib/validation/calendar';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, locals, url }) => {
	const { municipality } = await parent();
	const page = Math.min(1000, Math.max(1, Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1));
	const scope = { db: getDb(), actor: locals.actor, municipalityId: municipality.id };
	const [list, submissions] = await loadOrError(() => Promise.all([listEventsForStaff({ ...scope, page }), listSubmittedEvents(scope)]));
	return { page, ...list, submissions };
};

function review(decision: 'published' | 'rejected') {
	return async ({ request, params, locals }: { request: Request; params: { municipality: string }; locals: App.Locals }) => {
		const form = await parseForm(request, eventReviewSchema);
		if (!form.ok) return form.failure;
		return actOrFail(form.values, async () => {
			await limitWrites(locals.actor?.userId ?? 'anonymous');
			const municipality = await getMunicipalityForStaff({ db: getDb(), actor: locals.actor, slug: params.municipality });
			const event = await reviewSubmittedEvent({ db: getDb(), actor: locals.actor, municipalityId: municipality.id, eventId: form.data.eventId, decision });
			return { reviewed: decision, title: event.title };
		});
	};
}

export const actions: Actions = {
	publishSubmission: review('published'),
	rejectSubmission: review('rejected')
};
