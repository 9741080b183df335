// Interim targets of an indicator's target path: kept by facilitators and admins, audited.
import { recordChange } from '../audit/audit.service';
import type { Database } from '../db/client';
import { requireRole, type Actor } from '../people/actor';
import { defineError } from '../shared/errors';
import type { InterimTargetsInput } from '$lib/validation/score';
import { interimYears } from './indicator-score';
import { replaceInterimTargets, selectInterimTargets } from './indicator-target.queries';
import { indicatorNotFound } from './monitoring.errors';
import { selectIndicator } from './monitor.queries';
import { isUuid } from './monitoring.service';

export const interimYearOutsidePath = defineError('score_interim_year_outside', 400);

const STAFF = ['admin', 'facilitator'] as const;

/** Replaces the interim targets of an indicator of the edition; only years between baseline and final target. */
export async function saveInterimTargets({
	db,
	actor,
	municipalityId,
	editionId,
	indicatorId,
	input
}: {
	db: Database;
	actor: Actor | null;
	municipalityId: string;
	editionId: string;
	indicatorId: string;
	input: InterimTargetsInput;
}) {
	const staff = requireRole(actor, municipalityId, STAFF);
	if (!isUuid(indicatorId)) throw indicatorNotFound();
	return db.transaction(async (tx) => {
		const indicator = await selectIndicator(tx, municipalityId, indicatorId);
		if (!indicator || indicator.editionId !== editionId) throw indicatorNotFound();
		const allowed = new Set(interimYears(indicator.baselineDate, indicator.targetDate));
		if (input.some((target) => !allowed.has(target.year))) throw interimYearOutsidePath();
		const before = (await selectInterimTargets(tx, municipalityId, [indicatorId])).map(({ year, value }) => ({ year, value }));
		await replaceInterimTargets(tx, municipalityId, indicatorId, input);
		await recordChange(tx, {
			actor: staff,
			municipalityId,
			action: 'update',
			entityType: 'indicator_interim_targets',
			entityId: indicatorId,
			before: { interimTargets: before },
			after: { interimTargets: input }
		});
		return input;
	});
}
