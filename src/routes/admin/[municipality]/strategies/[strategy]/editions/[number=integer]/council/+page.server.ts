import { getDb } from '$lib/server/runtime';
import { parseForm } from '$lib/server/http/forms';
import { actOrFail, loadOrError } from '$lib/server/http/respond';
import { limitWrites } from '$lib/server/http/rate-limit';
import { backOfficeSectionOf } from '$lib/server/people/actor';
import { calendarDayIn } from '$lib/server/calendar-day';
import { getCouncilPage, recordDecision, submitToCouncil } from '$lib/server/document/document-decision.service';
import { decisionFailure, decisionStorage, readDecisionForm } from '$lib/server/document/document-council.http';
import { getEditionForDrafting } from '$lib/server/document/document-version.service';
import { getMunicipalityForBackOffice } from '$lib/server/tenancy/tenancy.admin';
import { councilSubmissionSchema } from '$lib/validation/document-decision';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, params, locals }) => {
	const { municipality } = await parent();
	return loadOrError(() =>
		getCouncilPage({ db: getDb(), actor: locals.actor, municipalityId: municipality.id, strategySlug: params.strategy, number: Number(params.number) })
	);
};

/** Every action resolves municipality and edition again from the address; the service checks the actor. */
async function editionScopeOf(params: { municipality: string; strategy: string; number: string }, actor: App.Locals['actor'], routeId: string | null) {
	const db = getDb();
	const { municipality } = await getMunicipalityForBackOffice({ db, actor, slug: params.municipality, section: backOfficeSectionOf(routeId) });
	const scope = { db, actor, municipalityId: municipality.id };
	const { edition } = await getEditionForDrafting({ ...scope, strategySlug: params.strategy, number: Number(params.number) });
	return { ...scope, editionId: edition.id, timeZone: municipality.timeZone };
}

export const actions: Actions = {
	submit: async ({ request, params, locals, route }) => {
		const form = await parseForm(request, councilSubmissionSchema);
		if (!form.ok) return form.failure;
		return actOrFail(form.values, async () => {
			await limitWrites(locals.actor?.userId ?? 'anonymous');
			const { timeZone, ...scope } = await editionScopeOf(params, locals.actor, route.id);
			const submission = await submitToCouncil({ ...scope, input: form.data, today: calendarDayIn(timeZone, new Date()) });
			return { saved: 'submit', submittedVersion: form.data.versionNumber, submissionId: submission.id };
		});
	},
	decide: async ({ request, params, locals, route }) => {
		const form = await readDecisionForm(request);
		if (!form.ok) return form.failure;
		try {
			await limitWrites(locals.actor?.userId ?? 'anonymous');
			const scope = await editionScopeOf(params, locals.actor, route.id);
			await recordDecision({ ...scope, input: form.input, document: form.document, storage: decisionStorage() });
			return { saved: 'decision' };
		} catch (caught) {
			return decisionFailure(form.values, caught);
		}
	}
};
