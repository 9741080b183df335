import { getDb } from '$lib/server/runtime';
import { parseForm } from '$lib/server/http/forms';
import { actOrFail, loadOrError } from '$lib/server/http/respond';
import { createIndicator, getMonitorForStaff } from '$lib/server/monitoring/monitoring.admin';
import { monitorWriteScope, todayIn } from '$lib/server/monitoring/monitoring.http';
import { indicatorSchema } from '$lib/validation/monitoring';
import { getAnnualReportPublishing, publishAnnualReport } from '$lib/server/monitoring/snapshot.service';
import { publishAnnualReportSchema } from '$lib/validation/snapshot';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, params, locals }) => {
	const { municipality } = await parent();
	const monitor = await loadOrError(() =>
		getMonitorForStaff({ db: getDb(), actor: locals.actor, municipalityId: municipality.id, strategySlug: params.strategy, number: Number(params.number), today: todayIn(municipality.timeZone) })
	);
	return {
		monitor,
		annualReports: await loadOrError(() =>
			getAnnualReportPublishing({ db: getDb(), actor: locals.actor, municipalityId: municipality.id, editionId: monitor.edition.id, timeZone: municipality.timeZone })
		)
	};
};

export const actions: Actions = {
	createIndicator: async ({ request, params, locals }) => {
		const form = await parseForm(request, indicatorSchema);
		if (!form.ok) return form.failure;
		return actOrFail(form.values, async () => {
			const scope = await monitorWriteScope(params, locals.actor);
			const indicator = await createIndicator({ ...scope, input: form.data });
			return { saved: 'indicator', indicatorId: indicator.id };
		});
	},
	publishAnnualReport: async ({ request, params, locals }) => {
		const form = await parseForm(request, publishAnnualReportSchema);
		if (!form.ok) return form.failure;
		return actOrFail(form.values, async () => {
			const scope = await monitorWriteScope(params, locals.actor);
			const snapshot = await publishAnnualReport({ ...scope, year: form.data.year });
			return { saved: 'annual-report', year: snapshot.year, valueCount: snapshot.valueCount };
		});
	}
};
