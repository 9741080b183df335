import { getDb } from '$lib/server/runtime';
import { parseForm } from '$lib/server/http/forms';
import { actOrFail, loadOrError } from '$lib/server/http/respond';
import { createSource, listSourcesForStaff } from '$lib/server/monitoring/provenance.admin';
import { sourceWriteScope } from '$lib/server/monitoring/provenance.http';
import { indicatorSourceSchema } from '$lib/validation/provenance';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, locals, url }) => {
	const { municipality } = await parent();
	const after = url.searchParams.get('after');
	return loadOrError(() => listSourcesForStaff({ db: getDb(), actor: locals.actor, municipalityId: municipality.id, afterKey: after ? after.slice(0, 60) : null }));
};

export const actions: Actions = {
	create: async ({ request, params, locals }) => {
		const form = await parseForm(request, indicatorSourceSchema);
		if (!form.ok) return form.failure;
		return actOrFail(form.values, async () => {
			const scope = await sourceWriteScope(params, locals.actor);
			const source = await createSource({ ...scope, input: form.data });
			return { saved: 'created', key: source.key };
		});
	}
};
