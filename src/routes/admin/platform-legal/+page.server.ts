import { getDb } from '$lib/server/runtime';
import { parseForm } from '$lib/server/http/forms';
import { limitWrites } from '$lib/server/http/rate-limit';
import { actOrFail, loadOrError } from '$lib/server/http/respond';
import { getPlatformLegalAdmin, savePlatformLegalPage } from '$lib/server/tenancy/platform-legal.service';
import { platformLegalPageSchema } from '$lib/validation/platform-legal';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({ pages: await loadOrError(() => getPlatformLegalAdmin({ db: getDb(), actor: locals.actor })) });

export const actions: Actions = {
	save: async ({ request, locals }) => {
		const form = await parseForm(request, platformLegalPageSchema);
		if (!form.ok) return form.failure;
		return actOrFail(form.values, async () => {
			await limitWrites(locals.actor?.userId ?? 'anonymous');
			await savePlatformLegalPage({ db: getDb(), actor: locals.actor, input: form.data });
			return { saved: form.data.kind };
		});
	}
};
