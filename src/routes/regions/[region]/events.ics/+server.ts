import { loadOrError } from '$lib/server/http/respond';
import { getCalendarFeed, getRegionCalendarScope } from '$lib/server/participation/calendar.service';
import { icalResponse } from '$lib/server/participation/ical.http';
import { getDb } from '$lib/server/runtime';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, url }) => {
	const db = getDb();
	const body = await loadOrError(async () => {
		const { region, scope } = await getRegionCalendarScope({ db, slug: params.region });
		return getCalendarFeed({ db, scope, name: `Veranstaltungen – Region ${region.name}`, origin: url.origin, now: new Date(), withTown: true });
	});
	return icalResponse(body, `veranstaltungen-region-${params.region}.ics`);
};
