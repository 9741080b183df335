// Data access for indicators' interim targets; scoped by municipality, bounded by the indicators asked for.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { indicatorInterimTargets } from './indicator-target.schema';

export type InterimTarget = { indicatorId: string; year: number; value: number };

// An indicator's path spans at most a few decades; this bounds a read of the 500 indicators of an edition.
const MAX_TARGETS = 500 * 60;

export async function selectInterimTargets(db: Executor, municipalityId: string, indicatorIds: string[]): Promise<InterimTarget[]> {
	if (indicatorIds.length === 0) return [];
	return db
		.select({ indicatorId: indicatorInterimTargets.indicatorId, year: indicatorInterimTargets.year, value: indicatorInterimTargets.value })
		.from(indicatorInterimTargets)
		.where(and(eq(indicatorInterimTargets.municipalityId, municipalityId), inArray(indicatorInterimTargets.indicatorId, indicatorIds)))
		.orderBy(asc(indicatorInterimTargets.indicatorId), asc(indicatorInterimTargets.year))
		.limit(MAX_TARGETS);
}

/** Replaces the indicator's interim targets by the given ones (none removes them all). */
export async function replaceInterimTargets(tx: Executor, municipalityId: string, indicatorId: string, targets: { year: number; value: number }[]) {
	await tx
		.delete(indicatorInterimTargets)
		.where(and(eq(indicatorInterimTargets.municipalityId, municipalityId), eq(indicatorInterimTargets.indicatorId, indicatorId)));
	if (targets.length > 0) {
		await tx.insert(indicatorInterimTargets).values(targets.map((t) => ({ municipalityId, indicatorId, year: t.year, value: t.value })));
	}
}
