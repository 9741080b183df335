// Keyset-paged reads of the open-data API for lists that can grow without bound (measurements,
// events). Each query is scoped by municipality, walks an index in its sort order and stops at limit + 1.
import { and, asc, eq, gt, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { endingFrom } from '../participation/calendar.queries';
import { dimensionMembers, indicatorMeasurements, measurementMembers } from '../monitoring/measurement.schema';
import { districtOfMeasurement } from '../monitoring/measurement.queries';
import { indicatorSources } from '../monitoring/monitoring.schema';
import { events } from '../participation/event.schema';
import { districts } from '../tenancy/tenancy.schema';

export async function selectMeasurementPage(
	db: Executor,
	{ municipalityId, indicatorId, after, limit }: { municipalityId: string; indicatorId: string; after: { date: string; id: string } | null; limit: number }
) {
	const districtOf = districtOfMeasurement(db);
	const inOneDistrictOfTheTown = sql`exists (
		select 1 from ${measurementMembers}
		join ${dimensionMembers} on ${dimensionMembers.id} = ${measurementMembers.memberId}
		join ${districts} on ${districts.id} = ${dimensionMembers.districtId} and ${districts.municipalityId} = ${municipalityId}
		where ${measurementMembers.measurementId} = ${indicatorMeasurements.id})`;
	// The page is chosen from the measurements alone, in the index's order, and only then joined: joined first,
	// PostgreSQL read and sorted every value of the indicator for each page.
	const chosen = db
		.select({ id: indicatorMeasurements.id })
		.from(indicatorMeasurements)
		.where(
			and(
				eq(indicatorMeasurements.municipalityId, municipalityId),
				eq(indicatorMeasurements.indicatorId, indicatorId),
				// The city value and single-district values; the caller passes them through the disclosure.
				or(eq(indicatorMeasurements.detailLevel, 0), and(eq(indicatorMeasurements.detailLevel, 1), inOneDistrictOfTheTown)),
				after
					? or(
							gt(indicatorMeasurements.measuredOn, after.date),
							and(eq(indicatorMeasurements.measuredOn, after.date), gt(indicatorMeasurements.id, after.id))
						)
					: undefined
			)
		)
		.orderBy(asc(indicatorMeasurements.measuredOn), asc(indicatorMeasurements.id))
		.limit(limit + 1)
		.as('chosen');
	return db
		.select({
			id: indicatorMeasurements.id,
			indicatorId: indicatorMeasurements.indicatorId,
			measuredOn: indicatorMeasurements.measuredOn,
			value: indicatorMeasurements.value,
			sourceNote: indicatorMeasurements.sourceNote,
			sourceKey: indicatorSources.key,
			districtId: districts.id,
			districtSlug: districts.slug,
			districtName: districts.name
		})
		.from(chosen)
		.innerJoin(indicatorMeasurements, eq(indicatorMeasurements.id, chosen.id))
		.leftJoin(districtOf, eq(districtOf.measurementId, indicatorMeasurements.id))
		.leftJoin(districts, and(eq(districts.id, districtOf.districtId), eq(districts.municipalityId, municipalityId)))
		.leftJoin(indicatorSources, and(eq(indicatorSources.id, indicatorMeasurements.sourceId), eq(indicatorSources.municipalityId, municipalityId)))
		.orderBy(asc(indicatorMeasurements.measuredOn), asc(indicatorMeasurements.id));
}

/** Published events that have not ended before `from` (and start before `to`), in order of their start. */
export async function selectPublishedEventPage(
	db: Executor,
	{
		municipalityId,
		from,
		to,
		after,
		limit
	}: { municipalityId: string; from: Date; to: Date | null; after: { startsAt: Date; id: string } | null; limit: number }
) {
	const conditions: (SQL | undefined)[] = [
		eq(events.municipalityId, municipalityId),
		eq(events.publication, 'published'),
		// Bounded by `ends_at` alone, the list read every past event (2.4 times as long at 200,000 events).
		endingFrom(from),
		to ? lt(events.startsAt, to) : undefined
	];
	if (after) {
		conditions.push(or(gt(events.startsAt, after.startsAt), and(eq(events.startsAt, after.startsAt), gt(events.id, after.id))));
	}
	return db
		.select({
			id: events.id,
			type: events.type,
			status: events.status,
			title: events.title,
			description: events.description,
			startsAt: events.startsAt,
			endsAt: events.endsAt,
			place: events.place,
			address: events.address,
			onlineUrl: events.onlineUrl,
			organiser: events.organiser,
			editionId: events.editionId
		})
		.from(events)
		.where(and(...conditions))
		.orderBy(asc(events.startsAt), asc(events.id))
		.limit(limit + 1);
}
