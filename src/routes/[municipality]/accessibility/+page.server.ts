import { getDb } from '$lib/server/runtime';
import { getLegalPage } from '$lib/server/tenancy/legal.service';
import { parseForm } from '$lib/server/http/forms';
import { limitWrites } from '$lib/server/http/rate-limit';
import { actOrFail } from '$lib/server/http/respond';
import { mailSetupFor } from '$lib/server/participation/event.http';
import { submitAccessibilityFeedback } from '$lib/server/tenancy/legal.service';
import { getMunicipalityBySlug } from '$lib/server/tenancy/tenancy.service';
import { accessibilityFeedbackSchema } from '$lib/validation/legal';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, url }) => {
	const { municipality } = await parent();
	const from = url.searchParams.get('from') ?? '';
	return {
		legal: await getLegalPage({ db: getDb(), municipalityId: municipality.id, kind: 'accessibility' }),
		from: from.startsWith('/') && !from.startsWith('//') ? from.slice(0, 500) : ''
	};
};

export const actions: Actions = {
	feedback: async ({ request, params, locals, url, getClientAddress }) => {
		const form = await parseForm(request, accessibilityFeedbackSchema);
		if (!form.ok) return form.failure;
		return actOrFail(form.values, async () => {
			await limitWrites(locals.actor?.userId ?? `feedback:${getClientAddress()}`);
			const municipality = await getMunicipalityBySlug({ db: getDb(), slug: params.municipality });
			const { mailer, origin } = mailSetupFor(url);
			await submitAccessibilityFeedback({ db: getDb(), mailer, origin, municipalityId: municipality.id, input: form.data });
			return { sent: true };
		});
	}
};
