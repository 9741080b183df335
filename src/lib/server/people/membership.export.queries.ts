// Reads for "Download all my data" from the participation tables: every row that names the account.
// Bounded generously; a person with more rows than this is not a person but a script.
import { and, eq, isNotNull, or, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { eventRegistrations, events, workingGroupMembers, workingGroups } from '../participation/event.schema';
import { ideaComments, ideaReports, ideaSupports, ideas } from '../participation/idea.schema';
import { municipalities } from '../tenancy/tenancy.schema';

const LIMIT = 10_000;

export async function selectIdeasOfUser(db: Executor, userId: string) {
	return db
		.select({
			id: ideas.id,
			municipality: municipalities.slug,
			title: ideas.title,
			body: ideas.body,
			status: ideas.status,
			hiddenReason: ideas.hiddenReason,
			createdAt: ideas.createdAt,
			updatedAt: ideas.updatedAt
		})
		.from(ideas)
		.innerJoin(municipalities, eq(municipalities.id, ideas.municipalityId))
		.where(eq(ideas.authorUserId, userId))
		.limit(LIMIT);
}

export async function selectCommentsOfUser(db: Executor, userId: string) {
	return db
		.select({ id: ideaComments.id, ideaId: ideaComments.ideaId, parentId: ideaComments.parentId, body: ideaComments.body, hiddenReason: ideaComments.hiddenReason, createdAt: ideaComments.createdAt })
		.from(ideaComments)
		.where(eq(ideaComments.authorUserId, userId))
		.limit(LIMIT);
}

export async function selectSupportsOfUser(db: Executor, userId: string) {
	return db
		.select({ id: ideaSupports.id, ideaId: ideaSupports.ideaId, ideaTitle: ideas.title, createdAt: ideaSupports.createdAt })
		.from(ideaSupports)
		.innerJoin(ideas, eq(ideas.id, ideaSupports.ideaId))
		.where(eq(ideaSupports.userId, userId))
		.limit(LIMIT);
}

export async function selectReportsOfUser(db: Executor, userId: string) {
	return db
		.select({ id: ideaReports.id, ideaId: ideaReports.ideaId, commentId: ideaReports.commentId, reason: ideaReports.reason, resolvedAt: ideaReports.resolvedAt, createdAt: ideaReports.createdAt })
		.from(ideaReports)
		.where(eq(ideaReports.reporterUserId, userId))
		.limit(LIMIT);
}

/** Registrations made with the account, and those made as a guest with the account's address. */
export async function selectRegistrationsOfUser(db: Executor, userId: string, email: string) {
	return db
		.select({
			id: eventRegistrations.id,
			eventId: eventRegistrations.eventId,
			eventTitle: events.title,
			startsAt: events.startsAt,
			name: eventRegistrations.name,
			email: eventRegistrations.email,
			status: eventRegistrations.status,
			attended: eventRegistrations.attended,
			createdAt: eventRegistrations.createdAt
		})
		.from(eventRegistrations)
		.innerJoin(events, eq(events.id, eventRegistrations.eventId))
		.where(
			or(
				eq(eventRegistrations.userId, userId),
				and(isNotNull(eventRegistrations.email), sql`lower(${eventRegistrations.email}) = ${email.toLowerCase()}`)
			)
		)
		.limit(LIMIT);
}

export async function selectWorkingGroupMembershipsOfUser(db: Executor, userId: string, email: string) {
	return db
		.select({ id: workingGroupMembers.id, workingGroup: workingGroups.name, name: workingGroupMembers.name, email: workingGroupMembers.email, role: workingGroupMembers.role, createdAt: workingGroupMembers.createdAt })
		.from(workingGroupMembers)
		.innerJoin(workingGroups, eq(workingGroups.id, workingGroupMembers.workingGroupId))
		.where(
			or(
				eq(workingGroupMembers.userId, userId),
				and(isNotNull(workingGroupMembers.email), sql`lower(${workingGroupMembers.email}) = ${email.toLowerCase()}`)
			)
		)
		.limit(LIMIT);
}
