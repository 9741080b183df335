// Data access for choosing an indicator chart's series: which series keys hold values, and the labels
// of the members they name. Scoped by municipality and bounded.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { districts } from '../tenancy/tenancy.schema';
import { dimensionMembers, dimensions, indicatorBreakdowns, indicatorMeasurements } from './measurement.schema';
import { indicators } from './monitoring.schema';
import { MAX_LISTED_SERIES, type BreakdownLabel } from './chart-series';

/**
 * The distinct series keys of one indicator. A plain DISTINCT reads every measurement of the
 * indicator, which grows with its history; this walks the (indicator, series, period) index from key
 * to key instead, one probe per series, however many periods each holds. The municipality is checked
 * once, on the indicator: a condition on it in every probe lets the planner prefer the municipality's
 * index, whose estimate for one indicator is far too low, and read all of the indicator's rows again.
 */
export async function selectSeriesKeysOfIndicator(db: Executor, municipalityId: string, indicatorId: string): Promise<string[]> {
	const m = indicatorMeasurements;
	const result = await db.execute<{ series_key: string }>(sql`with recursive series_keys(series_key) as (
		(select ${m.seriesKey} from ${m}
			where ${m.indicatorId} = (select ${indicators.id} from ${indicators} where ${indicators.id} = ${indicatorId} and ${indicators.municipalityId} = ${municipalityId})
			order by ${m.seriesKey} limit 1)
		union all
		select (select ${m.seriesKey} from ${m} where ${m.indicatorId} = ${indicatorId} and ${m.seriesKey} > series_keys.series_key order by ${m.seriesKey} limit 1)
		from series_keys where series_keys.series_key is not null
	)
	select series_key from series_keys where series_key is not null limit ${MAX_LISTED_SERIES}`);
	return result.rows.map((row) => row.series_key);
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
