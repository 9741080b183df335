import { and, asc, desc, eq, exists, gt, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { fields } from '../document/document.schema';
import { districts, municipalities, regions } from '../tenancy/tenancy.schema';
import { eventFields, events, type EventPublication, type EventType } from './event.schema';

export type CalendarFilters = { type?: EventType | null; fieldId?: string | null; districtId?: string | null };

// The longest event the month query looks back for; longer ones would not be found by its start index.
export const LONGEST_EVENT_DAYS = 31;

const calendarColumns = {
	event: events,
	municipalitySlug: municipalities.slug,
	municipalityName: municipalities.name,
	timeZone: municipalities.timeZone,
	districtName: districts.name
};

function filterConditions(filters: CalendarFilters): (SQL | undefined)[] {
	return [
		filters.type ? eq(events.type, filters.type) : undefined,
		filters.districtId ? eq(events.districtId, filters.districtId) : undefined,
		filters.fieldId
			? exists(
					sql`(select 1 from ${eventFields} where ${eventFields.eventId} = ${events.id} and ${eventFields.fieldId} = ${filters.fieldId})`
				)
			: undefined
	];
}

const published = eq(events.publication, 'published');

/**
 * Events still running at `instant` or starting after it. Such an event began at most LONGEST_EVENT_DAYS
 * before, so the (municipality, start) index is read from there, not from the town's first event: bounded by
 * `ends_at` alone, the upcoming list read every past event of a town (30,712 rows of 40,000 in the plan check).
 */
export const endingFrom = (instant: Date) =>
	and(gte(events.startsAt, new Date(instant.getTime() - LONGEST_EVENT_DAYS * 86_400_000)), gte(events.endsAt, instant));

/** Events that overlap [from, to); bounded by the start index. */
const overlapping = (from: Date, to: Date) =>
	and(gte(events.startsAt, new Date(from.getTime() - LONGEST_EVENT_DAYS * 86_400_000)), lt(events.startsAt, to), gt(events.endsAt, from));

/** Published events of the municipalities that overlap [from, to); bounded by the start index. */
export async function selectEventsBetween(
	db: Executor,
	{ municipalityIds, from, to, filters, limit }: { municipalityIds: string[]; from: Date; to: Date; filters: CalendarFilters; limit: number }
) {
	if (municipalityIds.length === 0) return [];
	return db
		.select(calendarColumns)
		.from(events)
		.innerJoin(municipalities, eq(municipalities.id, events.municipalityId))
		.leftJoin(districts, and(eq(districts.id, events.districtId), eq(districts.municipalityId, events.municipalityId)))
		.where(
			and(
				inArray(events.municipalityId, municipalityIds),
				published,
				overlapping(from, to),
				...filterConditions(filters)
			)
		)
		.orderBy(asc(events.startsAt), asc(events.id))
		.limit(limit);
}

type EventStatus = (typeof events.$inferSelect)['status'];

export type MonthGridRow = {
	day: string;
	id: string;
	title: string;
	status: EventStatus;
	startsAt: Date;
	/** The local date the event begins on: before `day`, the event continues there. */
	firstDay: string;
	municipalitySlug: string;
	municipalityName: string;
	/** Events on this day, listed or not. */
	onDay: number;
	/** Events of the month. */
	total: number;
};

/**
 * The first `perDay` published events of each day from `firstDay` to `lastDay` (local dates in `timeZone`),
 * with the number of events each day has and the month has. PostgreSQL places the month's events on their
 * days, so a busy month sends a bounded number of rows, not every event it has (a town with 185 events in a
 * month sent them all to be placed and rendered).
 */
export async function selectMonthGrid(
	db: Executor,
	{
		municipalityIds,
		from,
		to,
		firstDay,
		lastDay,
		timeZone,
		filters,
		perDay,
		limit
	}: { municipalityIds: string[]; from: Date; to: Date; firstDay: string; lastDay: string; timeZone: string; filters: CalendarFilters; perDay: number; limit: number }
): Promise<MonthGridRow[]> {
	if (municipalityIds.length === 0) return [];
	const conditions = and(inArray(events.municipalityId, municipalityIds), published, overlapping(from, to), ...filterConditions(filters));
	// An event is on the local days from its start to the instant before its end: an end at midnight does not
	// reach into the next day, and an event without length is on its start day. Each event is spread over its own
	// days of the month: matching every day against every event compared 27,000 pairs for 912 events (5.5 of the
	// query's 12 ms at 1,000,000 events).
	const { rows } = await db.execute<{
		day: string;
		id: string;
		title: string;
		status: EventStatus;
		starts_at: string | Date;
		first_day: string;
		municipality_slug: string;
		municipality_name: string;
		on_day: string;
		total: string;
	}>(sql`
		with month_events as (
			select ${events.id} as id, ${events.title} as title, ${events.status} as status, ${events.startsAt} as starts_at,
				${municipalities.slug} as municipality_slug, ${municipalities.name} as municipality_name,
				(${events.startsAt} at time zone ${timeZone})::date as first_day,
				(greatest(${events.endsAt} - interval '1 microsecond', ${events.startsAt}) at time zone ${timeZone})::date as last_day
			from ${events} join ${municipalities} on ${municipalities.id} = ${events.municipalityId}
			where ${conditions}
			order by ${events.startsAt}, ${events.id}
			limit ${limit}
		), placed as (
			select day::date::text as day, month_events.*,
				row_number() over (partition by day order by month_events.starts_at, month_events.id) as place,
				count(*) over (partition by day) as on_day
			from month_events
			cross join lateral generate_series(greatest(month_events.first_day, ${firstDay}::date), least(month_events.last_day, ${lastDay}::date), interval '1 day') as day
		)
		select day, id, title, status, starts_at, first_day::text as first_day, municipality_slug, municipality_name, on_day,
			(select count(*) from month_events) as total
		from placed where place <= ${perDay}
		order by day, place`);
	return rows.map((row) => ({
		day: row.day,
		id: row.id,
		title: row.title,
		status: row.status,
		startsAt: new Date(row.starts_at),
		firstDay: row.first_day,
		municipalitySlug: row.municipality_slug,
		municipalityName: row.municipality_name,
		onDay: Number(row.on_day),
		total: Number(row.total)
	}));
}

/** Published events still to come (or running), in order, one page at a time. */
export async function selectUpcomingEvents(
	db: Executor,
	{ municipalityIds, now, filters, limit, offset }: { municipalityIds: string[]; now: Date; filters: CalendarFilters; limit: number; offset: number }
) {
	if (municipalityIds.length === 0) return [];
	return db
		.select(calendarColumns)
		.from(events)
		.innerJoin(municipalities, eq(municipalities.id, events.municipalityId))
		.leftJoin(districts, and(eq(districts.id, events.districtId), eq(districts.municipalityId, events.municipalityId)))
		.where(
			and(
				inArray(events.municipalityId, municipalityIds),
				published,
				endingFrom(now),
				...filterConditions(filters)
			)
		)
		.orderBy(asc(events.startsAt), asc(events.id))
		.limit(limit)
		.offset(offset);
}

/** What a feed carries: published events from a date on, oldest first. */
export async function selectFeedEvents(db: Executor, { municipalityIds, since, limit }: { municipalityIds: string[]; since: Date; limit: number }) {
	if (municipalityIds.length === 0) return [];
	return db
		.select(calendarColumns)
		.from(events)
		.innerJoin(municipalities, eq(municipalities.id, events.municipalityId))
		.leftJoin(districts, and(eq(districts.id, events.districtId), eq(districts.municipalityId, events.municipalityId)))
		.where(and(inArray(events.municipalityId, municipalityIds), published, endingFrom(since)))
		.orderBy(asc(events.startsAt), asc(events.id))
		.limit(limit);
}

export async function selectPublishedEvent(db: Executor, municipalityId: string, eventId: string) {
	const [row] = await db
		.select(calendarColumns)
		.from(events)
		.innerJoin(municipalities, eq(municipalities.id, events.municipalityId))
		.leftJoin(districts, and(eq(districts.id, events.districtId), eq(districts.municipalityId, events.municipalityId)))
		.where(and(eq(events.municipalityId, municipalityId), eq(events.id, eventId), published))
		.limit(1);
	return row;
}

/** Fields of action that some event of the municipality belongs to: the choices of the field filter. */
export async function selectFieldsWithEvents(db: Executor, municipalityIds: string[]) {
	if (municipalityIds.length === 0) return [];
	return db
		.selectDistinct({ id: fields.id, title: fields.title, position: fields.position })
		.from(eventFields)
		.innerJoin(fields, eq(fields.id, eventFields.fieldId))
		.where(inArray(eventFields.municipalityId, municipalityIds))
		.orderBy(asc(fields.position), asc(fields.title), asc(fields.id))
		.limit(100);
}

export async function selectDistrictChoices(db: Executor, municipalityIds: string[]) {
	if (municipalityIds.length === 0) return [];
	return db
		.select({ id: districts.id, name: districts.name })
		.from(districts)
		.where(inArray(districts.municipalityId, municipalityIds))
		.orderBy(asc(districts.position), asc(districts.name))
		.limit(200);
}

export async function selectDistrictOf(db: Executor, municipalityId: string, districtId: string) {
	const [row] = await db
		.select({ id: districts.id })
		.from(districts)
		.where(and(eq(districts.municipalityId, municipalityId), eq(districts.id, districtId)))
		.limit(1);
	return row;
}

export async function selectRegionWithMunicipalities(db: Executor, slug: string) {
	const [region] = await db.select().from(regions).where(eq(regions.slug, slug)).limit(1);
	if (!region) return undefined;
	const members = await db
		.select({ id: municipalities.id, slug: municipalities.slug, name: municipalities.name, timeZone: municipalities.timeZone, firstWeekday: municipalities.firstWeekday })
		.from(municipalities)
		.where(eq(municipalities.regionId, region.id))
		.orderBy(asc(municipalities.name))
		.limit(200);
	return { region, municipalities: members };
}

export async function selectEventsByPublication(db: Executor, municipalityId: string, publication: EventPublication, limit: number) {
	return db
		.select()
		.from(events)
		.where(and(eq(events.municipalityId, municipalityId), eq(events.publication, publication)))
		.orderBy(desc(events.createdAt), asc(events.id))
		.limit(limit);
}

export async function lockSubmittedEvent(tx: Executor, municipalityId: string, eventId: string) {
	const [row] = await tx
		.select()
		.from(events)
		.where(and(eq(events.municipalityId, municipalityId), eq(events.id, eventId), eq(events.publication, 'submitted')))
		.for('update');
	return row;
}

export async function setEventPublication(tx: Executor, municipalityId: string, eventId: string, publication: EventPublication) {
	const [row] = await tx
		.update(events)
		.set({ publication, updatedAt: new Date() })
		.where(and(eq(events.municipalityId, municipalityId), eq(events.id, eventId)))
		.returning();
	return row;
}
