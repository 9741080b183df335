import { and, asc, count, desc, eq, gt, inArray, lt, ne, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { preparedFor } from '../db/prepared';
import { editions, fields, strategies } from '../document/document.schema';
import { municipalities } from '../tenancy/tenancy.schema';
import { endingFrom } from './calendar.queries';
import { eventFields, eventRegistrations, events, workingGroupMembers, workingGroups } from './event.schema';

export type Event = typeof events.$inferSelect;
export type NewEvent = typeof events.$inferInsert;
export type EventRegistration = typeof eventRegistrations.$inferSelect;
export type WorkingGroup = typeof workingGroups.$inferSelect;
export type WorkingGroupMember = typeof workingGroupMembers.$inferSelect;

export async function selectMunicipalityFacts(db: Executor, municipalityId: string) {
	const [row] = await db
		.select({ slug: municipalities.slug, name: municipalities.name, timeZone: municipalities.timeZone })
		.from(municipalities)
		.where(eq(municipalities.id, municipalityId));
	return row;
}

const seatsTaken = sql<number>`(select count(*)::int from ${eventRegistrations} r where r.event_id = ${events.id} and r.status = 'confirmed' and not r.walk_in)`;

export async function selectEventPage(
	db: Executor,
	municipalityId: string,
	{ from, past, limit, offset }: { from: Date; past: boolean; limit: number; offset: number }
) {
	return db
		.select({ event: events, seatsTaken })
		.from(events)
		// Bounded on the start as well, so that the (municipality, start) index begins where the list does: past events
		// from `from` backwards, not after every event still to come (9,000 of a town's 40,000 in the plan check).
		.where(
			and(
				eq(events.municipalityId, municipalityId),
				eq(events.publication, 'published'),
				past ? and(lt(events.endsAt, from), lt(events.startsAt, from)) : endingFrom(from)
			)
		)
		.orderBy(past ? desc(events.startsAt) : asc(events.startsAt), asc(events.id))
		.limit(limit)
		.offset(offset);
}

export async function selectEvent(db: Executor, municipalityId: string, eventId: string) {
	const [row] = await db
		.select({ event: events, seatsTaken, workingGroupName: workingGroups.name })
		.from(events)
		.leftJoin(workingGroups, and(eq(workingGroups.id, events.workingGroupId), eq(workingGroups.municipalityId, municipalityId)))
		.where(and(eq(events.municipalityId, municipalityId), eq(events.id, eventId)));
	return row;
}

/** Locks the event row so that seat counting and the insert that follows see no concurrent change. */
export async function lockEvent(tx: Executor, municipalityId: string, eventId: string) {
	const [row] = await tx
		.select()
		.from(events)
		.where(and(eq(events.municipalityId, municipalityId), eq(events.id, eventId)))
		.for('update');
	return row;
}

export async function countConfirmedSeats(tx: Executor, eventId: string): Promise<number> {
	const [row] = await tx
		.select({ n: count() })
		.from(eventRegistrations)
		.where(and(eq(eventRegistrations.eventId, eventId), eq(eventRegistrations.status, 'confirmed'), eq(eventRegistrations.walkIn, false)));
	return row.n;
}

export async function selectFieldsOfEvents(db: Executor, municipalityId: string, eventIds: string[]) {
	if (eventIds.length === 0) return [];
	return db
		.select({ eventId: eventFields.eventId, fieldId: fields.id, title: fields.title })
		.from(eventFields)
		.innerJoin(fields, eq(fields.id, eventFields.fieldId))
		.where(and(eq(eventFields.municipalityId, municipalityId), inArray(eventFields.eventId, eventIds)))
		.orderBy(asc(fields.position));
}

export async function selectEditionFields(db: Executor, municipalityId: string, editionId: string) {
	return db
		.select({ id: fields.id, title: fields.title })
		.from(fields)
		.where(and(eq(fields.municipalityId, municipalityId), eq(fields.editionId, editionId)))
		.orderBy(asc(fields.position));
}

export async function selectEditionChoices(db: Executor, municipalityId: string) {
	return db
		.select({ id: editions.id, number: editions.number, strategyTitle: strategies.title, strategySlug: strategies.slug })
		.from(editions)
		.innerJoin(strategies, eq(strategies.id, editions.strategyId))
		.where(eq(editions.municipalityId, municipalityId))
		.orderBy(asc(strategies.title), desc(editions.number))
		.limit(200);
}

export async function selectEditionOf(db: Executor, municipalityId: string, editionId: string) {
	const [row] = await db
		.select({ id: editions.id, number: editions.number, strategySlug: strategies.slug, strategyTitle: strategies.title })
		.from(editions)
		.innerJoin(strategies, eq(strategies.id, editions.strategyId))
		.where(and(eq(editions.municipalityId, municipalityId), eq(editions.id, editionId)));
	return row;
}

export async function insertEvent(tx: Executor, values: NewEvent): Promise<Event> {
	const [row] = await tx.insert(events).values(values).returning();
	return row;
}

export async function updateEvent(tx: Executor, municipalityId: string, eventId: string, values: Partial<NewEvent>) {
	const [row] = await tx
		.update(events)
		.set({ ...values, updatedAt: new Date() })
		.where(and(eq(events.municipalityId, municipalityId), eq(events.id, eventId)))
		.returning();
	return row;
}

export async function replaceEventFields(tx: Executor, municipalityId: string, eventId: string, fieldIds: string[]) {
	await tx.delete(eventFields).where(and(eq(eventFields.municipalityId, municipalityId), eq(eventFields.eventId, eventId)));
	if (fieldIds.length) await tx.insert(eventFields).values(fieldIds.map((fieldId) => ({ municipalityId, eventId, fieldId })));
}

export async function insertRegistration(tx: Executor, values: typeof eventRegistrations.$inferInsert) {
	const [row] = await tx.insert(eventRegistrations).values(values).returning();
	return row;
}

export async function selectActiveRegistrationByEmail(tx: Executor, eventId: string, email: string) {
	const [row] = await tx
		.select()
		.from(eventRegistrations)
		.where(and(eq(eventRegistrations.eventId, eventId), sql`lower(${eventRegistrations.email}) = lower(${email})`, ne(eventRegistrations.status, 'cancelled')))
		.limit(1);
	return row;
}

export async function selectActiveRegistrationOfUser(db: Executor, municipalityId: string, eventId: string, userId: string) {
	const [row] = await db
		.select()
		.from(eventRegistrations)
		.where(
			and(
				eq(eventRegistrations.municipalityId, municipalityId),
				eq(eventRegistrations.eventId, eventId),
				eq(eventRegistrations.userId, userId),
				ne(eventRegistrations.status, 'cancelled')
			)
		)
		.limit(1);
	return row;
}

export async function selectRegistrationByTokenHash(db: Executor, tokenHash: string) {
	const [row] = await db.select().from(eventRegistrations).where(eq(eventRegistrations.tokenHash, tokenHash)).limit(1);
	return row;
}

export async function setRegistrationStatus(tx: Executor, registrationId: string, values: Partial<EventRegistration>) {
	const [row] = await tx
		.update(eventRegistrations)
		.set({ ...values, updatedAt: new Date() })
		.where(eq(eventRegistrations.id, registrationId))
		.returning();
	return row;
}

export async function selectFirstWaiting(tx: Executor, eventId: string) {
	const [row] = await tx
		.select()
		.from(eventRegistrations)
		.where(and(eq(eventRegistrations.eventId, eventId), eq(eventRegistrations.status, 'waiting')))
		.orderBy(asc(eventRegistrations.createdAt), asc(eventRegistrations.id))
		.limit(1);
	return row;
}

export async function selectWaitingPosition(db: Executor, registration: EventRegistration): Promise<number> {
	const [row] = await db
		.select({ n: count() })
		.from(eventRegistrations)
		.where(
			and(
				eq(eventRegistrations.eventId, registration.eventId),
				eq(eventRegistrations.status, 'waiting'),
				// Compared in the database: a JavaScript Date would drop the microseconds of created_at.
				sql`(${eventRegistrations.createdAt}, ${eventRegistrations.id}) <= (select r.created_at, r.id from ${eventRegistrations} r where r.id = ${registration.id})`
			)
		);
	return row.n;
}

export async function selectRegistrationsOfEvent(db: Executor, municipalityId: string, eventId: string) {
	return db
		.select()
		.from(eventRegistrations)
		.where(and(eq(eventRegistrations.municipalityId, municipalityId), eq(eventRegistrations.eventId, eventId), ne(eventRegistrations.status, 'cancelled')))
		.orderBy(asc(eventRegistrations.status), asc(eventRegistrations.name))
		.limit(2000);
}

export async function updateAttendance(tx: Executor, municipalityId: string, eventId: string, registrationId: string, attended: boolean) {
	await tx
		.update(eventRegistrations)
		.set({ attended, updatedAt: new Date() })
		.where(and(eq(eventRegistrations.municipalityId, municipalityId), eq(eventRegistrations.eventId, eventId), eq(eventRegistrations.id, registrationId)));
}

export async function selectWorkingGroups(db: Executor, municipalityId: string, editionId?: string) {
	return db
		.select({ group: workingGroups, fieldTitle: fields.title, editionNumber: editions.number })
		.from(workingGroups)
		.innerJoin(editions, eq(editions.id, workingGroups.editionId))
		.leftJoin(fields, eq(fields.id, workingGroups.fieldId))
		.where(and(eq(workingGroups.municipalityId, municipalityId), editionId ? eq(workingGroups.editionId, editionId) : undefined))
		.orderBy(desc(editions.number), asc(workingGroups.name))
		.limit(200);
}

export async function selectWorkingGroup(db: Executor, municipalityId: string, groupId: string) {
	const [row] = await db
		.select({ group: workingGroups, fieldTitle: fields.title })
		.from(workingGroups)
		.leftJoin(fields, eq(fields.id, workingGroups.fieldId))
		.where(and(eq(workingGroups.municipalityId, municipalityId), eq(workingGroups.id, groupId)));
	return row;
}

export async function insertWorkingGroup(tx: Executor, values: typeof workingGroups.$inferInsert) {
	const [row] = await tx.insert(workingGroups).values(values).returning();
	return row;
}

export async function selectMembers(db: Executor, municipalityId: string, groupId: string) {
	return db
		.select()
		.from(workingGroupMembers)
		.where(and(eq(workingGroupMembers.municipalityId, municipalityId), eq(workingGroupMembers.workingGroupId, groupId)))
		.orderBy(asc(workingGroupMembers.name))
		.limit(500);
}

export async function insertMember(tx: Executor, values: typeof workingGroupMembers.$inferInsert) {
	const [row] = await tx.insert(workingGroupMembers).values(values).returning();
	return row;
}

export async function selectEventsOfWorkingGroup(db: Executor, municipalityId: string, groupId: string) {
	return db
		.select()
		.from(events)
		.where(and(eq(events.municipalityId, municipalityId), eq(events.workingGroupId, groupId)))
		.orderBy(asc(events.startsAt))
		.limit(200);
}

export async function selectUpcomingCount(db: Executor, municipalityId: string, from: Date) {
	const [row] = await db.select({ n: count() }).from(events).where(and(eq(events.municipalityId, municipalityId), gt(events.endsAt, from)));
	return row.n;
}

/** For the demo loader: an edition found by the public path segments that name it. */
export async function selectEditionByPath(db: Executor, municipalitySlug: string, strategySlug: string, number: number) {
	const [row] = await db
		.select({ municipalityId: municipalities.id, editionId: editions.id })
		.from(editions)
		.innerJoin(strategies, eq(strategies.id, editions.strategyId))
		.innerJoin(municipalities, eq(municipalities.id, editions.municipalityId))
		.where(and(eq(municipalities.slug, municipalitySlug), eq(strategies.slug, strategySlug), eq(editions.number, number)));
	return row;
}

export async function selectMunicipalityIdBySlug(db: Executor, slug: string) {
	const [row] = await db.select({ id: municipalities.id }).from(municipalities).where(eq(municipalities.slug, slug));
	return row?.id;
}

export async function insertRegistrations(tx: Executor, values: (typeof eventRegistrations.$inferInsert)[]) {
	if (values.length) await tx.insert(eventRegistrations).values(values);
}

export async function selectEventsForStaff(db: Executor, municipalityId: string, { limit, offset }: { limit: number; offset: number }) {
	return db
		.select({
			event: events,
			confirmed: sql<number>`(select count(*)::int from ${eventRegistrations} r where r.event_id = ${events.id} and r.status = 'confirmed')`,
			waiting: sql<number>`(select count(*)::int from ${eventRegistrations} r where r.event_id = ${events.id} and r.status = 'waiting')`
		})
		.from(events)
		.where(and(eq(events.municipalityId, municipalityId), eq(events.publication, 'published')))
		.orderBy(desc(events.startsAt), asc(events.id))
		.limit(limit)
		.offset(offset);
}

const editionGroupsStatement = preparedFor((db) =>
	db
		.select({
			id: workingGroups.id,
			name: workingGroups.name,
			fieldTitle: fields.title,
			memberCount: sql<number>`(select count(*)::int from working_group_members m where m.municipality_id = ${workingGroups.municipalityId} and m.working_group_id = ${workingGroups.id})`
		})
		.from(workingGroups)
		.leftJoin(fields, eq(fields.id, workingGroups.fieldId))
		.where(and(eq(workingGroups.municipalityId, sql.placeholder('municipalityId')), eq(workingGroups.editionId, sql.placeholder('editionId'))))
		.orderBy(asc(workingGroups.name))
		.limit(200)
		.prepare('public_edition_working_groups')
);

/** The working groups of an edition with their member counts, in one prepared round trip for the edition page. */
export async function selectWorkingGroupsOfEdition(db: Executor, municipalityId: string, editionId: string) {
	return editionGroupsStatement(db).execute({ municipalityId, editionId });
}

export async function countMembersOfGroups(db: Executor, municipalityId: string, groupIds: string[]) {
	if (groupIds.length === 0) return [];
	return db
		.select({ groupId: workingGroupMembers.workingGroupId, n: count() })
		.from(workingGroupMembers)
		.where(and(eq(workingGroupMembers.municipalityId, municipalityId), inArray(workingGroupMembers.workingGroupId, groupIds)))
		.groupBy(workingGroupMembers.workingGroupId);
}

export async function selectMembersOfGroups(db: Executor, municipalityId: string, groupIds: string[]) {
	if (groupIds.length === 0) return [];
	return db
		.select()
		.from(workingGroupMembers)
		.where(and(eq(workingGroupMembers.municipalityId, municipalityId), inArray(workingGroupMembers.workingGroupId, groupIds)))
		.orderBy(asc(workingGroupMembers.name))
		.limit(5000);
}
