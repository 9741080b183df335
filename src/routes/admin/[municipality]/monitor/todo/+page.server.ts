import { getDb } from '$lib/server/runtime';
import { loadOrError } from '$lib/server/http/respond';
import { todayIn } from '$lib/server/monitoring/monitoring.http';
import { getMonitorTodo } from '$lib/server/monitoring/staleness.service';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, locals }) => {
	const { municipality } = await parent();
	return { todo: await loadOrError(() => getMonitorTodo({ db: getDb(), actor: locals.actor, municipalityId: municipality.id, today: todayIn(municipality.timeZone) })) };
};
