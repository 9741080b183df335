// Data access for choosing an indicator chart's series: which series keys hold values, and the labels
// of the members they name. Scoped by municipality and bounded.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { districts } from '../tenancy/tenancy.schema';
import { dimensionMembers, dimensions, indicatorBreakdowns, indicatorMeasurements } from './measurement.schema';
import { MAX_LISTED_SERIES, type BreakdownLabel } from './chart-series';

/** The distinct series keys of one indicator; reads the (indicator, series, period) index only. */
export async function selectSeriesKeysOfIndicator(db: Executor, municipalityId: string, indicatorId: string): Promise<string[]> {
	const rows = await db
		.selectDistinct({ seriesKey: indicatorMeasurements.seriesKey })
		.from(indicatorMeasurements)
		.where(and(eq(indicatorMeasurements.indicatorId, indicatorId), eq(indicatorMeasurements.municipalityId, municipalityId)))
		.orderBy(asc(indicatorMeasurements.seriesKey))
		.limit(MAX_LISTED_SERIES);
	return rows.map((row) => row.seriesKey);
}

/** Labels and positions of every member of the dimensions the indicator is broken down by. */
export async function selectBreakdownLabels(db: Executor, municipalityId: string, indicatorId: string): Promise<BreakdownLabel[]> {
	return db
		.select({
			dimensionKey: dimensions.key,
			dimensionPosition: indicatorBreakdowns.position,
			memberKey: dimensionMembers.key,
			// A district renamed after its member was made still reads as the district is called now.
			memberLabel: sql<string>`coalesce(${districts.name}, ${dimensionMembers.label})`,
			memberPosition: dimensionMembers.position,
			districtSlug: districts.slug
		})
		.from(indicatorBreakdowns)
		.innerJoin(dimensions, eq(dimensions.id, indicatorBreakdowns.dimensionId))
		.innerJoin(dimensionMembers, eq(dimensionMembers.dimensionId, dimensions.id))
		.leftJoin(districts, and(eq(districts.id, dimensionMembers.districtId), eq(districts.municipalityId, municipalityId)))
		.where(and(eq(indicatorBreakdowns.municipalityId, municipalityId), eq(indicatorBreakdowns.indicatorId, indicatorId)))
		.orderBy(asc(indicatorBreakdowns.position), asc(dimensionMembers.position))
		.limit(2000);
}
