import { getDb } from '$lib/server/runtime';
import { loadCalendarPage } from '$lib/server/participation/calendar.http';
import { listEvents } from '$lib/server/participation/event.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, url, locals }) => {
	const { municipality } = await parent();
	const db = getDb();
	const now = new Date();
	if (url.searchParams.get('past') === '1') {
		const page = Math.min(1000, Math.max(1, Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1));
		return { past: { ...(await listEvents({ db, municipalityId: municipality.id, now, past: true, page })), page }, calendar: null };
	}
	const scope = { municipalityIds: [municipality.id], timeZone: municipality.timeZone, firstWeekday: municipality.firstWeekday };
	return { past: null, calendar: await loadCalendarPage({ db, scope, url, language: locals.locale, now }) };
};
