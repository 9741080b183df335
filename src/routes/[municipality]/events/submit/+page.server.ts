import { getDb } from '$lib/server/runtime';
import { parseForm } from '$lib/server/http/forms';
import { limitWrites } from '$lib/server/http/rate-limit';
import { actOrFail } from '$lib/server/http/respond';
import { submitEvent } from '$lib/server/participation/calendar.review';
import { getMunicipalityBySlug } from '$lib/server/tenancy/tenancy.service';
import { eventSubmissionSchema } from '$lib/validation/calendar';
import type { Actions } from './$types';

export const actions: Actions = {
	default: async ({ request, params, getClientAddress }) => {
		const form = await parseForm(request, eventSubmissionSchema);
		if (!form.ok) return form.failure;
		return actOrFail(form.values, async () => {
			await limitWrites(`event-submission:${getClientAddress()}`);
			const municipality = await getMunicipalityBySlug({ db: getDb(), slug: params.municipality });
			await submitEvent({ db: getDb(), municipalityId: municipality.id, input: form.data });
			return { submitted: true };
		});
	}
};
