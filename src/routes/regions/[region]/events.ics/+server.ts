import { loadOrError } from '$lib/server/http/respond';
import { getCalendarFeed, getRegionCalendarScope } from '$lib/server/participation/calendar.service';
import { buildFeedOnce, icalResponse } from '$lib/server/participation/ical.http';
import { nextMidnight } from '$lib/server/participation/calendar.expiry';
import { expireCachedPageAt } from '$lib/server/http/page-expiry';
import { getDb } from '$lib/server/runtime';
import * as m from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, url }) => {
	const db = getDb();
	const body = await loadOrError(async () => {
		const { region, scope } = await getRegionCalendarScope({ db, slug: params.region });
		const locale = getLocale();
		const now = new Date();
		// The feed reaches back a fixed number of days from today, so a cached copy is true until midnight.
		expireCachedPageAt(nextMidnight(now, scope.timeZone));
		return buildFeedOnce(`region:${region.id}:${locale}:${url.origin}`, () =>
			getCalendarFeed({ db, scope, name: m.calendar_region_feed_name({ region: region.name }), origin: url.origin, now, locale, withTown: true })
		);
	});
	return icalResponse(body, `${m.calendar_file_stem()}-${params.region}.ics`);
};
