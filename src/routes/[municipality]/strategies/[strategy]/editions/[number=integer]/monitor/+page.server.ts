import { getDb } from '$lib/server/runtime';
import { loadOrError } from '$lib/server/http/respond';
import { todayIn } from '$lib/server/monitoring/monitoring.http';
import { getMonitor } from '$lib/server/monitoring/monitoring.service';
import { monitorFilterSchema } from '$lib/validation/monitoring';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, parent, url }) => {
	const { municipality } = await parent();
	// Filters come from the address; anything unusable falls back to "all" instead of an error page.
	const filter = monitorFilterSchema.parse(Object.fromEntries(url.searchParams));
	const monitor = await loadOrError(() =>
		getMonitor({ db: getDb(), municipalityId: municipality.id, strategySlug: params.strategy, number: Number(params.number), filter, today: todayIn(municipality.timeZone) })
	);
	return { filter, monitor };
};
