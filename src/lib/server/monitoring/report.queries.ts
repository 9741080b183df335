// Data access of the annual report: the city-wide values of an edition's indicators up to the end of
// the reporting year, in one bounded query for the whole report.
import { and, asc, eq, inArray, isNotNull, lte, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { indicatorMeasurements } from './measurement.schema';

const MAX_REPORT_MEASUREMENTS = 20_000;

export type ReportMeasurement = { indicatorId: string; measuredOn: string; value: number };

/** City-wide values (detail level 0) measured on or before `until`, oldest first. */
export async function selectCityValuesUntil(db: Executor, municipalityId: string, indicatorIds: string[], until: string): Promise<ReportMeasurement[]> {
	if (indicatorIds.length === 0) return [];
	return db
		.select({ indicatorId: indicatorMeasurements.indicatorId, measuredOn: sql<string>`${indicatorMeasurements.measuredOn}`, value: sql<number>`${indicatorMeasurements.value}` })
		.from(indicatorMeasurements)
		.where(
			and(
				eq(indicatorMeasurements.municipalityId, municipalityId),
				inArray(indicatorMeasurements.indicatorId, indicatorIds),
				eq(indicatorMeasurements.detailLevel, 0),
				eq(indicatorMeasurements.suppressed, false),
				isNotNull(indicatorMeasurements.value),
				lte(indicatorMeasurements.measuredOn, until)
			)
		)
		.orderBy(asc(indicatorMeasurements.indicatorId), asc(indicatorMeasurements.measuredOn), asc(indicatorMeasurements.createdAt))
		.limit(MAX_REPORT_MEASUREMENTS);
}
