import { loadOrError } from '$lib/server/http/respond';
import { getCalendarFeed } from '$lib/server/participation/calendar.service';
import { buildFeedOnce, icalResponse } from '$lib/server/participation/ical.http';
import { nextMidnight } from '$lib/server/participation/calendar.expiry';
import { expireCachedPageAt } from '$lib/server/http/page-expiry';
import { getDb } from '$lib/server/runtime';
import { getMunicipalityBySlug } from '$lib/server/tenancy/tenancy.service';
import * as m from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, url }) => {
	const db = getDb();
	const municipality = await loadOrError(() => getMunicipalityBySlug({ db, slug: params.municipality }));
	const scope = { municipalityIds: [municipality.id], timeZone: municipality.timeZone, firstWeekday: municipality.firstWeekday };
	const locale = getLocale();
	const now = new Date();
	// The feed reaches back a fixed number of days from today, so a cached copy is true until midnight.
	expireCachedPageAt(nextMidnight(now, scope.timeZone));
	const body = await buildFeedOnce(`municipality:${municipality.id}:${locale}:${url.origin}`, () =>
		getCalendarFeed({ db, scope, name: m.calendar_feed_name({ place: municipality.name }), origin: url.origin, now, locale })
	);
	return icalResponse(body, `${m.calendar_file_stem()}-${municipality.slug}.ics`);
};
