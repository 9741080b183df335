import { getDb, getRuntime } from '$lib/server/runtime';
import { loadOrError } from '$lib/server/http/respond';
import { expireCachedPageAt } from '$lib/server/http/page-expiry';
import { nextMidnight } from '$lib/server/participation/calendar.expiry';
import { getMunicipalityBySlug } from '$lib/server/tenancy/tenancy.service';
import type { LayoutServerLoad } from './$types';

// Every public page of a municipality needs it; it changes rarely, and every change clears the memo.
export const load: LayoutServerLoad = async ({ params }) => {
	const municipality = await loadOrError(() =>
		getRuntime().publicPages.memo(`municipality:${params.municipality}`, () => getMunicipalityBySlug({ db: getDb(), slug: params.municipality }))
	);
	// Pages that know today (the current month, a monitor's overdue values) are cached no longer than today.
	expireCachedPageAt(nextMidnight(new Date(), municipality.timeZone));
	return { municipality };
};
