import { getDb } from '$lib/server/runtime';
import { parseForm } from '$lib/server/http/forms';
import { actOrFail, loadOrError } from '$lib/server/http/respond';
import { limitWrites } from '$lib/server/http/rate-limit';
import { grantRole, listRoleHolders, revokeRole } from '$lib/server/people/people.admin';
import { getMunicipalityForAdmin } from '$lib/server/tenancy/tenancy.admin';
import { grantRoleSchema, revokeRoleSchema } from '$lib/validation/people';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, locals }) => {
	const { municipality } = await parent();
	return {
		holders: await loadOrError(() => listRoleHolders({ db: getDb(), actor: locals.actor, municipalityId: municipality.id }))
	};
};

export const actions: Actions = {
	grant: async ({ request, params, locals }) => {
		const form = await parseForm(request, grantRoleSchema);
		if (!form.ok) return form.failure;
		return actOrFail(form.values, async () => {
			await limitWrites(locals.actor?.userId ?? 'anonymous');
			const municipality = await getMunicipalityForAdmin({ db: getDb(), actor: locals.actor, slug: params.municipality });
			await grantRole({ db: getDb(), actor: locals.actor, municipalityId: municipality.id, ...form.data });
			return { saved: 'role' };
		});
	},
	revoke: async ({ request, params, locals }) => {
		const form = await parseForm(request, revokeRoleSchema);
		if (!form.ok) return form.failure;
		return actOrFail(form.values, async () => {
			await limitWrites(locals.actor?.userId ?? 'anonymous');
			const municipality = await getMunicipalityForAdmin({ db: getDb(), actor: locals.actor, slug: params.municipality });
			await revokeRole({ db: getDb(), actor: locals.actor, municipalityId: municipality.id, ...form.data });
			return { saved: 'role' };
		});
	}
};
