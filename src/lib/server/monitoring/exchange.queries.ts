// Data access for the measurement exchange beyond the CSV itself: what a data package describes
// (indicators, dimensions with their members; sources come from the registry's query) and the same indicator in other municipalities.
import { and, asc, desc, eq, inArray, ne } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { editions, strategies } from '../document/document.schema';
import { municipalities } from '../tenancy/tenancy.schema';
import { dimensionMembers, dimensions, indicatorBreakdowns, indicatorMeasurements } from './measurement.schema';
import { indicators } from './monitoring.schema';
import type { EditionStage } from '../document/document.schema';

export async function selectExchangeIndicators(db: Executor, municipalityId: string, editionId: string) {
	return db
		.select({ id: indicators.id, code: indicators.code, name: indicators.name, unit: indicators.unit, direction: indicators.direction, frequency: indicators.frequency })
		.from(indicators)
		.where(and(eq(indicators.municipalityId, municipalityId), eq(indicators.editionId, editionId)))
		.orderBy(asc(indicators.code));
}

/** Each dimension the edition's indicators are broken down by, with all its members (a handful to a few dozen). */
export async function selectExchangeDimensionMembers(db: Executor, municipalityId: string, editionId: string) {
	const used = db
		.selectDistinct({ dimensionId: indicatorBreakdowns.dimensionId })
		.from(indicatorBreakdowns)
		.innerJoin(indicators, eq(indicators.id, indicatorBreakdowns.indicatorId))
		.where(and(eq(indicatorBreakdowns.municipalityId, municipalityId), eq(indicators.editionId, editionId)));
	return db
		.select({ dimensionKey: dimensions.key, dimensionLabel: dimensions.label, memberKey: dimensionMembers.key })
		.from(dimensions)
		.innerJoin(dimensionMembers, eq(dimensionMembers.dimensionId, dimensions.id))
		.where(and(eq(dimensions.municipalityId, municipalityId), inArray(dimensions.id, used)))
		.orderBy(asc(dimensions.key), asc(dimensionMembers.position), asc(dimensionMembers.key));
}

/** How many other municipalities' indicators a comparison offers at most. */
export const MAX_PEERS = 20;

/**
 * The indicators with this code in other municipalities' editions at the given stages, newest
 * edition first within a municipality. Bounded: a code is shared by few municipalities.
 */
export async function selectPeerIndicators(db: Executor, { municipalityId, code, stages }: { municipalityId: string; code: string; stages: readonly EditionStage[] }) {
	return db
		.select({
			indicatorId: indicators.id,
			name: indicators.name,
			unit: indicators.unit,
			municipalityId: municipalities.id,
			municipalitySlug: municipalities.slug,
			municipalityName: municipalities.name,
			strategySlug: strategies.slug,
			editionNumber: editions.number
		})
		.from(indicators)
		.innerJoin(editions, and(eq(editions.id, indicators.editionId), eq(editions.municipalityId, indicators.municipalityId)))
		.innerJoin(strategies, eq(strategies.id, editions.strategyId))
		.innerJoin(municipalities, eq(municipalities.id, indicators.municipalityId))
		.where(and(eq(indicators.code, code), ne(indicators.municipalityId, municipalityId), inArray(editions.stage, [...stages])))
		.orderBy(asc(municipalities.name), asc(municipalities.id), desc(editions.number))
		.limit(MAX_PEERS * 4);
}

/** Newest city totals (no breakdown, or every dimension at total) of one indicator, newest first. */
export async function selectCityTotals(db: Executor, { municipalityId, indicatorId, limit }: { municipalityId: string; indicatorId: string; limit: number }) {
	return db
		.select({
			id: indicatorMeasurements.id,
			measuredOn: indicatorMeasurements.measuredOn,
			periodKind: indicatorMeasurements.periodKind,
			periodStart: indicatorMeasurements.periodStart,
			periodEnd: indicatorMeasurements.periodEnd
		})
		.from(indicatorMeasurements)
		.where(and(eq(indicatorMeasurements.municipalityId, municipalityId), eq(indicatorMeasurements.indicatorId, indicatorId), eq(indicatorMeasurements.detailLevel, 0)))
		.orderBy(desc(indicatorMeasurements.measuredOn), desc(indicatorMeasurements.periodStart))
		.limit(limit);
}

/** The indicators of a municipality with this code, one per edition. */
export async function selectIndicatorsByCode(db: Executor, municipalityId: string, code: string) {
	return db
		.select({ id: indicators.id, editionId: indicators.editionId })
		.from(indicators)
		.where(and(eq(indicators.municipalityId, municipalityId), eq(indicators.code, code)))
		.limit(MAX_PEERS);
}
