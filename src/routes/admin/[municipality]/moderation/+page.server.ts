import { getDb } from '$lib/server/runtime';
import { parseForm } from '$lib/server/http/forms';
import { actOrFail, loadOrError } from '$lib/server/http/respond';
import { limitWrites } from '$lib/server/http/rate-limit';
import { listOpenReports, moderateContent } from '$lib/server/participation/idea.service';
import { getMunicipalityBySlug } from '$lib/server/tenancy/tenancy.service';
import { hideSchema, unhideSchema } from '$lib/validation/idea';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, locals }) => {
	const { municipality } = await parent();
	return { reports: await loadOrError(() => listOpenReports({ db: getDb(), actor: locals.actor, municipalityId: municipality.id })) };
};

// Actions run before the layout's load: each one finds the municipality and lets the service check the role.
export const actions: Actions = {
	hide: async ({ request, params, locals }) => {
		const form = await parseForm(request, hideSchema);
		if (!form.ok) return form.failure;
		return actOrFail(form.values, async () => {
			await limitWrites(locals.actor?.userId ?? 'anonymous');
			const municipality = await getMunicipalityBySlug({ db: getDb(), slug: params.municipality });
			const { ideaId, commentId, reason } = form.data;
			await moderateContent({ db: getDb(), actor: locals.actor, municipalityId: municipality.id, ideaId, commentId, hiddenReason: reason });
			return { saved: 'hidden' };
		});
	},
	unhide: async ({ request, params, locals }) => {
		const form = await parseForm(request, unhideSchema);
		if (!form.ok) return form.failure;
		return actOrFail(form.values, async () => {
			await limitWrites(locals.actor?.userId ?? 'anonymous');
			const municipality = await getMunicipalityBySlug({ db: getDb(), slug: params.municipality });
			const { ideaId, commentId } = form.data;
			await moderateContent({ db: getDb(), actor: locals.actor, municipalityId: municipality.id, ideaId, commentId, hiddenReason: null });
			return { saved: 'shown' };
		});
	}
};
