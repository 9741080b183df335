import { getDb } from '$lib/server/runtime';
import { parseForm } from '$lib/server/http/forms';
import { actOrFail, loadOrError } from '$lib/server/http/respond';
import { addMeasurement } from '$lib/server/monitoring/monitoring.admin';
import { monitorWriteScope, todayIn } from '$lib/server/monitoring/monitoring.http';
import { getIndicatorForStaffPage } from '$lib/server/monitoring/monitoring.admin';
import { measurementSchema } from '$lib/validation/monitoring';
import { interimTargetsSchema } from '$lib/validation/score';
import { saveInterimTargets } from '$lib/server/monitoring/indicator-target.admin';
import { interimYears } from '$lib/server/monitoring/indicator-score';
import { seriesSourceSchema } from '$lib/validation/provenance';
import { setSeriesSource } from '$lib/server/monitoring/provenance.admin';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, params, locals }) => {
	const { municipality } = await parent();
	const today = todayIn(municipality.timeZone);
	const page = await loadOrError(() =>
		getIndicatorForStaffPage({ db: getDb(), actor: locals.actor, municipalityId: municipality.id, strategySlug: params.strategy, number: Number(params.number), indicatorId: params.indicator, today })
	);
	return { ...page, today, interimYears: interimYears(page.indicator.baselineDate, page.indicator.targetDate) };
};

export const actions: Actions = {
	addMeasurement: async ({ request, params, locals }) => {
		const form = await parseForm(request, measurementSchema);
		if (!form.ok) return form.failure;
		return actOrFail(form.values, async () => {
			const scope = await monitorWriteScope(params, locals.actor);
			await addMeasurement({ ...scope, indicatorId: params.indicator, input: form.data });
			return { saved: 'measurement' };
		});
	},
	saveInterimTargets: async ({ request, params, locals }) => {
		const form = await parseForm(request, interimTargetsSchema);
		if (!form.ok) return form.failure;
		return actOrFail(form.values, async () => {
			const scope = await monitorWriteScope(params, locals.actor);
			await saveInterimTargets({ ...scope, indicatorId: params.indicator, input: form.data });
			return { saved: 'interimTargets' };
		});
	},
	setSeriesSource: async ({ request, params, locals }) => {
		const form = await parseForm(request, seriesSourceSchema);
		if (!form.ok) return form.failure;
		return actOrFail(form.values, async () => {
			const scope = await monitorWriteScope(params, locals.actor);
			await setSeriesSource({ ...scope, indicatorId: params.indicator, sourceId: form.data.sourceId });
			return { saved: 'seriesSource' };
		});
	}
};
