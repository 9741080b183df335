import { getDb, getRuntime } from '$lib/server/runtime';
import { loadOrError } from '$lib/server/http/respond';
import { getMunicipalityBySlug } from '$lib/server/tenancy/tenancy.service';
import type { LayoutServerLoad } from './$types';

// Every public page of a municipality needs it; it changes rarely, and every change clears the memo.
export const load: LayoutServerLoad = async ({ params }) => ({
	municipality: await loadOrError(() =>
		getRuntime().publicPages.memo(`municipality:${params.municipality}`, () =>
			getMunicipalityBySlug({ db: getDb(), slug: params.municipality })
		)
	)
});
