import { getDb } from '$lib/server/runtime';
import { loadOrError } from '$lib/server/http/respond';
import { getSnapshotsPage } from '$lib/server/monitoring/snapshot.service';
import { snapshotCompareSchema } from '$lib/validation/snapshot';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, parent, url }) => {
	const { municipality } = await parent();
	const query = snapshotCompareSchema.parse(Object.fromEntries(url.searchParams));
	return loadOrError(() =>
		getSnapshotsPage({
			db: getDb(),
			municipalityId: municipality.id,
			strategySlug: params.strategy,
			number: Number(params.number),
			from: query.from,
			to: query.to,
			page: query.page,
			changedOnly: query.changed,
			timeZone: municipality.timeZone
		})
	);
};
