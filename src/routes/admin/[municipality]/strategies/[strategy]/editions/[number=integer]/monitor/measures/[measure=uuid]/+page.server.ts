import { getDb } from '$lib/server/runtime';
import { parseForm } from '$lib/server/http/forms';
import { actOrFail, loadOrError } from '$lib/server/http/respond';
import { addProgressUpdate, getMeasureForStaff, saveMeasureTracking } from '$lib/server/monitoring/monitoring.admin';
import { monitorWriteScope, todayIn } from '$lib/server/monitoring/monitoring.http';
import { measureTrackingSchema } from '$lib/validation/monitoring';
import { readProgressUpdateForm, withPictures } from '$lib/server/monitoring/progress-photo.http';
import { photoLicences } from '$lib/server/participation/event-photo.schema';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, params, locals }) => {
	const { municipality } = await parent();
	const today = todayIn(municipality.timeZone);
	const page = await loadOrError(() =>
		getMeasureForStaff({ db: getDb(), actor: locals.actor, municipalityId: municipality.id, strategySlug: params.strategy, number: Number(params.number), measureId: params.measure, today })
	);
	return { ...page, updates: withPictures(municipality.slug, page.updates), licences: photoLicences, today };
};

export const actions: Actions = {
	save: async ({ request, params, locals }) => {
		const form = await parseForm(request, measureTrackingSchema);
		if (!form.ok) return form.failure;
		return actOrFail(form.values, async () => {
			const scope = await monitorWriteScope(params, locals.actor);
			await saveMeasureTracking({ ...scope, measureId: params.measure, input: form.data });
			return { saved: 'tracking' };
		});
	},
	update: async ({ request, params, locals }) => {
		const form = await readProgressUpdateForm(request);
		if (!form.ok) return form.failure;
		return actOrFail(form.values, async () => {
			const scope = await monitorWriteScope(params, locals.actor);
			await addProgressUpdate({ ...scope, measureId: params.measure, input: form.data, photo: form.photo });
			return { saved: 'update' };
		});
	}
};
