import { loadOrError } from '$lib/server/http/respond';
import { loadCalendarPage } from '$lib/server/participation/calendar.http';
import { getRegionCalendarScope } from '$lib/server/participation/calendar.service';
import { getDb } from '$lib/server/runtime';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url, locals }) => {
	const db = getDb();
	const { region, municipalities, scope } = await loadOrError(() => getRegionCalendarScope({ db, slug: params.region }));
	return {
		region: { slug: region.slug, name: region.name },
		municipalities: municipalities.map(({ slug, name }) => ({ slug, name })),
		calendar: await loadCalendarPage({ db, scope, url, language: locals.locale, now: new Date() })
	};
};
