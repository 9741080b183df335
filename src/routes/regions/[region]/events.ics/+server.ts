import { loadOrError } from '$lib/server/http/respond';
import { getCalendarFeed, getRegionCalendarScope } from '$lib/server/participation/calendar.service';
import { buildFeedOnce, icalResponse } from '$lib/server/participation/ical.http';
import { getDb } from '$lib/server/runtime';
import * as m from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, url }) => {
	const db = getDb();
	const body = await loadOrError(async () => {
		const { region, scope } = await getRegionCalendarScope({ db, slug: params.region });
		const locale = getLocale();
		return buildFeedOnce(`region:${region.id}:${locale}:${url.origin}`, () =>
			getCalendarFeed({ db, scope, name: m.calendar_region_feed_name({ region: region.name }), origin: url.origin, now: new Date(), locale, withTown: true })
		);
	});
	return icalResponse(body, `${m.calendar_file_stem()}-${params.region}.ics`);
};
