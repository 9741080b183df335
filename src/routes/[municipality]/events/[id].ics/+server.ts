import { loadOrError } from '$lib/server/http/respond';
import { getEventFeed } from '$lib/server/participation/calendar.service';
import { icalResponse } from '$lib/server/participation/ical.http';
import { getDb } from '$lib/server/runtime';
import { getMunicipalityBySlug } from '$lib/server/tenancy/tenancy.service';
import * as m from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, url }) => {
	const db = getDb();
	const body = await loadOrError(async () => {
		const municipality = await getMunicipalityBySlug({ db, slug: params.municipality });
		return getEventFeed({ db, municipalityId: municipality.id, eventId: params.id, origin: url.origin, locale: getLocale() });
	});
	return icalResponse(body, `${m.calendar_event_file_stem()}-${params.id}.ics`);
};
