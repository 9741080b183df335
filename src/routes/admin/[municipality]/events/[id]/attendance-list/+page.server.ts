import { getDb } from '$lib/server/runtime';
import { loadOrError } from '$lib/server/http/respond';
import { getEventForStaff } from '$lib/server/participation/event.admin';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, locals, params }) => {
	const { municipality } = await parent();
	const { event, registrations } = await loadOrError(() => getEventForStaff({ db: getDb(), actor: locals.actor, municipalityId: municipality.id, eventId: params.id }));
	// Paper lists are for those holding a seat; the waiting list stays off it.
	return { event: { title: event.title, startsAt: event.startsAt, place: event.place }, names: registrations.filter((r) => r.status === 'confirmed').map((r) => r.name) };
};
