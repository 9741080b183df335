import { getDb } from '$lib/server/runtime';
import { loadOrError } from '$lib/server/http/respond';
import { todayIn } from '$lib/server/monitoring/monitoring.http';
import { getIndicatorPageWithRevisions } from '$lib/server/monitoring/snapshot.service';
import { compareWithPeer } from '$lib/server/monitoring/exchange-compare';
import { peerCompareParam } from '$lib/validation/exchange';
import { requestedHistory, requestedSeries } from '$lib/validation/chart-series';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, parent, url }) => {
	const { municipality } = await parent();
	const db = getDb();
	const page = await loadOrError(() =>
		getIndicatorPageWithRevisions({
			db,
			municipalityId: municipality.id,
			strategySlug: params.strategy,
			number: Number(params.number),
			indicatorId: params.id,
			today: todayIn(municipality.timeZone),
			timeZone: municipality.timeZone,
			series: requestedSeries(url.searchParams),
			history: requestedHistory(url.searchParams)
		})
	);
	const peerCompare = await compareWithPeer({ db, municipalityId: municipality.id, indicator: page.indicator, peerIndicatorId: peerCompareParam(url.searchParams.get('peer')) });
	return { ...page, peerCompare };
};
