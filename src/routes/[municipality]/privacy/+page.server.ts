import { getDb } from '$lib/server/runtime';
import { getLegalPage } from '$lib/server/tenancy/legal.service';
import { consentStates } from '$lib/server/consent/consent.http';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, cookies }) => {
	const { municipality } = await parent();
	return { legal: await getLegalPage({ db: getDb(), municipalityId: municipality.id, kind: 'privacy' }), consent: consentStates(cookies) };
};
