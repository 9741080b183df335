// Data access of the coverage report: for a whole edition, the cells of each indicator's latest period
// and the members each expected breakdown has, each in one bounded, set-based query.
import { and, asc, desc, eq, inArray, isNotNull, lte, or, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { dimensionMembers, dimensions, indicatorBreakdowns, indicatorMeasurements, measurementMembers } from './measurement.schema';
import { indicators } from './monitoring.schema';

// Generous for an edition: 500 indicators × a city value and a few dozen single-member values each.
const MAX_COVERAGE_CELLS = 50_000;
const MAX_EXPECTED_MEMBERS = 50_000;

export type CoverageCell = Awaited<ReturnType<typeof selectLatestPeriodCells>>[number];

/**
 * The cells of each indicator's latest period (newest end; of two periods ending the same day the
 * longer) that the report counts: the overall value (detail level 0) and values broken down by exactly
 * one dimension (detail level 1), with that dimension's member. One row per cell.
 */
export async function selectLatestPeriodCells(db: Executor, municipalityId: string, indicatorIds: string[]) {
	if (indicatorIds.length === 0) return [];
	const latest = db
		.select({ periodStart: indicatorMeasurements.periodStart, periodEnd: indicatorMeasurements.measuredOn, periodKind: indicatorMeasurements.periodKind })
		.from(indicatorMeasurements)
		.where(and(eq(indicatorMeasurements.municipalityId, municipalityId), eq(indicatorMeasurements.indicatorId, indicators.id)))
		.orderBy(desc(indicatorMeasurements.measuredOn), asc(indicatorMeasurements.periodStart))
		.limit(1)
		.as('latest_period');
	return db
		.select({
			indicatorId: indicators.id,
			periodKind: latest.periodKind,
			periodStart: latest.periodStart,
			periodEnd: latest.periodEnd,
			cellId: indicatorMeasurements.id,
			detailLevel: indicatorMeasurements.detailLevel,
			dimensionId: dimensionMembers.dimensionId,
			memberId: dimensionMembers.id
		})
		.from(indicators)
		.innerJoinLateral(latest, sql`true`)
		.innerJoin(
			indicatorMeasurements,
			and(
				eq(indicatorMeasurements.municipalityId, municipalityId),
				eq(indicatorMeasurements.indicatorId, indicators.id),
				eq(indicatorMeasurements.measuredOn, latest.periodEnd),
				eq(indicatorMeasurements.periodStart, latest.periodStart),
				lte(indicatorMeasurements.detailLevel, 1)
			)
		)
		.leftJoin(measurementMembers, eq(measurementMembers.measurementId, indicatorMeasurements.id))
		.leftJoin(dimensionMembers, and(eq(dimensionMembers.id, measurementMembers.memberId), eq(dimensionMembers.isTotal, false)))
		// A level-1 cell keeps the row of its one non-total member; an overall value one row per dimension (the service keeps one).
		.where(
			and(
				eq(indicators.municipalityId, municipalityId),
				inArray(indicators.id, indicatorIds),
				or(eq(indicatorMeasurements.detailLevel, 0), isNotNull(dimensionMembers.id))
			)
		)
		.limit(MAX_COVERAGE_CELLS);
}

/** The non-total members of every dimension the indicators expect, in the order the breakdowns are declared. */
export async function selectExpectedMembers(db: Executor, municipalityId: string, indicatorIds: string[]) {
	if (indicatorIds.length === 0) return [];
	return db
		.select({
			indicatorId: indicatorBreakdowns.indicatorId,
			dimensionId: dimensions.id,
			dimensionLabel: dimensions.label,
			memberId: dimensionMembers.id,
			memberLabel: dimensionMembers.label
		})
		.from(indicatorBreakdowns)
		.innerJoin(dimensions, eq(dimensions.id, indicatorBreakdowns.dimensionId))
		.innerJoin(dimensionMembers, and(eq(dimensionMembers.dimensionId, dimensions.id), eq(dimensionMembers.isTotal, false)))
		.where(and(eq(indicatorBreakdowns.municipalityId, municipalityId), inArray(indicatorBreakdowns.indicatorId, indicatorIds)))
		.orderBy(asc(indicatorBreakdowns.indicatorId), asc(indicatorBreakdowns.position), asc(dimensions.key), asc(dimensionMembers.position), asc(dimensionMembers.label))
		.limit(MAX_EXPECTED_MEMBERS);
}
