import { getDb } from '$lib/server/runtime';
import { parseForm } from '$lib/server/http/forms';
import { limitWrites } from '$lib/server/http/rate-limit';
import { actOrFail, loadOrError } from '$lib/server/http/respond';
import { getLegalAdmin, saveLegalPage } from '$lib/server/tenancy/legal.service';
import { getMunicipalityBySlug } from '$lib/server/tenancy/tenancy.service';
import { legalPageSchema } from '$lib/validation/legal';
import type { Actions, PageServerLoad } from './$types';

/** The feedback list pages backwards with ?before=<time>_<id> of the last message shown. */
function cursorOf(value: string | null) {
	const match = value?.match(/^(\d{4}-\d\d-\d\dT[\d:.]+Z)_([0-9a-f-]{36})$/);
	return match ? { createdAt: new Date(match[1]), id: match[2] } : undefined;
}

export const load: PageServerLoad = async ({ parent, locals, url }) => {
	const { municipality } = await parent();
	const admin = await loadOrError(() => getLegalAdmin({ db: getDb(), actor: locals.actor, municipalityId: municipality.id, before: cursorOf(url.searchParams.get('before')) }));
	return { ...admin, nextCursor: admin.nextCursor ? `${admin.nextCursor.createdAt.toISOString()}_${admin.nextCursor.id}` : null };
};

export const actions: Actions = {
	save: async ({ request, params, locals }) => {
		const form = await parseForm(request, legalPageSchema);
		if (!form.ok) return form.failure;
		return actOrFail(form.values, async () => {
			await limitWrites(locals.actor?.userId ?? 'anonymous');
			const municipality = await getMunicipalityBySlug({ db: getDb(), slug: params.municipality });
			await saveLegalPage({ db: getDb(), actor: locals.actor, municipalityId: municipality.id, input: form.data });
			return { saved: form.data.kind };
		});
	}
};
