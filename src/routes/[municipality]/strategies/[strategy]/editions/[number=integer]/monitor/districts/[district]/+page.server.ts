import { getDb } from '$lib/server/runtime';
import { loadOrError } from '$lib/server/http/respond';
import { todayIn } from '$lib/server/monitoring/monitoring.http';
import { getDistrictPage } from '$lib/server/monitoring/monitoring.service';
import { drawDistrictMap } from '$lib/server/monitoring/district-map';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, parent }) => {
	const { municipality } = await parent();
	const page = await loadOrError(() =>
		getDistrictPage({ db: getDb(), municipalityId: municipality.id, strategySlug: params.strategy, number: Number(params.number), districtSlug: params.district, today: todayIn(municipality.timeZone) })
	);
	// Shapes are drawn here; the page itself only needs the paths, not the GeoJSON.
	return {
		...page,
		district: { id: page.district.id, slug: page.district.slug, name: page.district.name },
		districts: page.districts.map(({ id, slug, name }) => ({ id, slug, name })),
		locator: drawDistrictMap(page.districts, { width: 240, padding: 4 })
	};
};
