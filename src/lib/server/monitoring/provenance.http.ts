// What the source registry's routes share: the scope of a write, after the write limit.
import { getDb } from '../runtime';
import { limitWrites } from '../http/rate-limit';
import type { Actor } from '../people/actor';
import { getMunicipalityBySlug } from '../tenancy/tenancy.service';

/** The municipality a source write works on; the service still checks who may write. */
export async function sourceWriteScope(params: { municipality: string }, actor: Actor | null) {
	await limitWrites(actor?.userId ?? 'anonymous');
	const db = getDb();
	const municipality = await getMunicipalityBySlug({ db, slug: params.municipality });
	return { db, actor, municipalityId: municipality.id };
}
