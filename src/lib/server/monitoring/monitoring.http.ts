// What the monitor's routes share: today's date where the municipality is, and the scope of a write.
import { calendarDayIn } from '../calendar-day';
import { getDb } from '../runtime';
import { limitWrites } from '../http/rate-limit';
import type { Actor } from '../people/actor';
import { getMunicipalityBySlug } from '../tenancy/tenancy.service';
import { resolveEditionId } from './monitoring.admin';

/** Staleness is judged by the calendar date in the municipality, not on the server's clock zone. */
export function todayIn(timeZone: string, now = new Date()): string {
	return calendarDayIn(timeZone, now);
}

/** The municipality and edition a monitor write works on; the service still checks who may write. */
export async function monitorWriteScope(params: { municipality: string; strategy: string; number: string }, actor: Actor | null) {
	await limitWrites(actor?.userId ?? 'anonymous');
	const db = getDb();
	const municipality = await getMunicipalityBySlug({ db, slug: params.municipality });
	const editionId = await resolveEditionId({ db, municipalityId: municipality.id, strategySlug: params.strategy, number: Number(params.number) });
	return { db, actor, municipalityId: municipality.id, editionId, timeZone: municipality.timeZone };
}
