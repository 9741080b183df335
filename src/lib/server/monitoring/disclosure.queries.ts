// Reads for disclosure control: every cell of a set of indicators (the additive groups need all
// members of a period, not only those a page shows) and the municipality's minimum counts.
import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { disclosureRules } from './disclosure.schema';
import { indicatorMeasurements } from './measurement.schema';
import { indicators } from './monitoring.schema';

export const MAX_DISCLOSURE_CELLS = 50_000;

export async function selectCellsOfIndicators(db: Executor, municipalityId: string, indicatorIds: string[]) {
	if (indicatorIds.length === 0) return [];
	return db
		.select({
			id: indicatorMeasurements.id,
			indicatorId: indicatorMeasurements.indicatorId,
			periodStart: indicatorMeasurements.periodStart,
			periodEnd: indicatorMeasurements.periodEnd,
			seriesKey: indicatorMeasurements.seriesKey,
			value: indicatorMeasurements.value,
			qualifier: indicatorMeasurements.qualifier,
			suppressed: indicatorMeasurements.suppressed
		})
		.from(indicatorMeasurements)
		.where(and(eq(indicatorMeasurements.municipalityId, municipalityId), inArray(indicatorMeasurements.indicatorId, indicatorIds)))
		.orderBy(desc(indicatorMeasurements.periodEnd), desc(indicatorMeasurements.periodStart), desc(indicatorMeasurements.createdAt))
		.limit(MAX_DISCLOSURE_CELLS + 1);
}

export async function selectDisclosureRules(db: Executor, municipalityId: string) {
	return db
		.select({ indicatorId: disclosureRules.indicatorId, minCount: disclosureRules.minCount })
		.from(disclosureRules)
		.where(eq(disclosureRules.municipalityId, municipalityId))
		.limit(1000);
}

export async function upsertDisclosureRule(tx: Executor, values: { municipalityId: string; indicatorId: string | null; minCount: number }) {
	await tx
		.delete(disclosureRules)
		.where(
			and(
				eq(disclosureRules.municipalityId, values.municipalityId),
				values.indicatorId ? eq(disclosureRules.indicatorId, values.indicatorId) : isNull(disclosureRules.indicatorId)
			)
		);
	await tx.insert(disclosureRules).values(values);
}

/** Demo: the cells of an indicator, found by its code in a municipality, newest period first. */
export async function selectCellsByIndicatorCode(db: Executor, municipalityId: string, code: string) {
	return db
		.select({ id: indicatorMeasurements.id, seriesKey: indicatorMeasurements.seriesKey, periodKind: indicatorMeasurements.periodKind, periodEnd: indicatorMeasurements.periodEnd })
		.from(indicatorMeasurements)
		.innerJoin(indicators, eq(indicators.id, indicatorMeasurements.indicatorId))
		.where(and(eq(indicatorMeasurements.municipalityId, municipalityId), eq(indicators.code, code)))
		.orderBy(desc(indicatorMeasurements.periodEnd), indicatorMeasurements.seriesKey)
		.limit(500);
}

export async function updateCell(
	tx: Executor,
	municipalityId: string,
	id: string,
	changes: Partial<Pick<typeof indicatorMeasurements.$inferInsert, 'value' | 'suppressed' | 'seriesBreak' | 'sourceNote'>>
) {
	await tx
		.update(indicatorMeasurements)
		.set({ ...changes, updatedAt: new Date() })
		.where(and(eq(indicatorMeasurements.municipalityId, municipalityId), eq(indicatorMeasurements.id, id)));
}
