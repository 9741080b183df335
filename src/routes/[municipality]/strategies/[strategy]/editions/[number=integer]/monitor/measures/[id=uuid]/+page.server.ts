import { getDb } from '$lib/server/runtime';
import { parseForm } from '$lib/server/http/forms';
import { actOrFail, loadOrError } from '$lib/server/http/respond';
import { addProgressUpdate, updateMeasureStatus } from '$lib/server/monitoring/monitoring.admin';
import { monitorWriteScope, todayIn } from '$lib/server/monitoring/monitoring.http';
import { getTracedIdeasOfMeasure } from '$lib/server/document/document-trace.service';
import { getMeasurePage } from '$lib/server/monitoring/monitoring.service';
import { measureStatusSchema } from '$lib/validation/monitoring';
import { loadTranslationView } from '$lib/server/content/content.service';
import { getLocale } from '$lib/paraglide/runtime';
import { readProgressUpdateForm, withPictures } from '$lib/server/monitoring/progress-photo.http';
import { photoLicences } from '$lib/server/participation/event-photo.schema';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, parent, locals }) => {
	const { municipality } = await parent();
	const today = todayIn(municipality.timeZone);
	const page = await loadOrError(() =>
		getMeasurePage({ db: getDb(), municipalityId: municipality.id, strategySlug: params.strategy, number: Number(params.number), measureId: params.id, actor: locals.actor, today })
	);
	const [traced, translations] = await Promise.all([
		getTracedIdeasOfMeasure({ db: getDb(), municipalityId: municipality.id, editionId: page.edition.id, measureId: params.id }),
		loadTranslationView({
			db: getDb(),
			municipalityId: municipality.id,
			locale: getLocale(),
			refs: [
				{ kind: 'measure', ids: [params.id] },
				{ kind: 'goal', ids: [page.goal.id], fields: ['title'] }
			]
		})
	]);
	return { ...page, updates: withPictures(municipality.slug, page.updates), licences: photoLicences, today, traced, translations };
};

// Owners and staff report here; the service decides who may, whatever the page showed.
export const actions: Actions = {
	status: async ({ request, params, locals }) => {
		const form = await parseForm(request, measureStatusSchema);
		if (!form.ok) return form.failure;
		return actOrFail(form.values, async () => {
			const scope = await monitorWriteScope(params, locals.actor);
			await updateMeasureStatus({ ...scope, measureId: params.id, input: form.data });
			return { saved: 'status' };
		});
	},
	update: async ({ request, params, locals }) => {
		const form = await readProgressUpdateForm(request);
		if (!form.ok) return form.failure;
		return actOrFail(form.values, async () => {
			const scope = await monitorWriteScope(params, locals.actor);
			await addProgressUpdate({ ...scope, measureId: params.id, input: form.data, photo: form.photo });
			return { saved: 'update' };
		});
	}
};
