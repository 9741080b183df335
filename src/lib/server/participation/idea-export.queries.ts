import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../db/client';
import { fields } from '../document/document.schema';
import { organisations } from '../people/organisation.schema';
import { authUsers } from '../people/people.schema';
import { districts } from '../tenancy/tenancy.schema';
import { events, workingGroups } from './event.schema';
import { commentCount, supportCount } from './idea.queries';
import { ideas } from './idea.schema';

/** Where a batch ended: the creation time as PostgreSQL's text, as a Date would cut its microseconds and repeat the row. */
export type IdeaExportCursor = { createdAt: string; id: string };

const mergedInto = alias(ideas, 'merged_into');

/**
 * The ids of up to `limit` ideas of an edition after the cursor, oldest first, narrowed by `where`: keyset on the
 * (municipality, edition[, status], created, id) indexes, so the thousandth batch costs what the first does. The
 * batch is chosen first and only then joined: joined before the limit, PostgreSQL hashed every account.
 */
export function ideasAfter(db: Executor, { municipalityId, editionId, after, limit, where = [] }: { municipalityId: string; editionId: string; after: IdeaExportCursor | null; limit: number; where?: (SQL | undefined)[] }) {
	return db
		.select({ id: ideas.id })
		.from(ideas)
		.where(
			and(
				eq(ideas.municipalityId, municipalityId),
				eq(ideas.editionId, editionId),
				...where,
				after ? sql`(${ideas.createdAt}, ${ideas.id}) > (${after.createdAt}::timestamptz, ${after.id}::uuid)` : undefined
			)
		)
		.orderBy(asc(ideas.createdAt), asc(ideas.id))
		.limit(limit)
		.as('chosen');
}

/** One batch of an edition's ideas for the staff's export, oldest first, after the cursor; counts are subqueries on the batch's rows only. */
export async function selectIdeasForExport(db: Executor, municipalityId: string, editionId: string, after: IdeaExportCursor | null, limit: number) {
	const chosen = ideasAfter(db, { municipalityId, editionId, after, limit });
	return db
		.select({
			id: ideas.id,
			createdAt: ideas.createdAt,
			cursor: sql<string>`${ideas.createdAt}::text`,
			title: ideas.title,
			body: ideas.body,
			status: ideas.status,
			statusExplanation: ideas.statusExplanation,
			hiddenReason: ideas.hiddenReason,
			sourceLabel: ideas.sourceLabel,
			authorName: authUsers.name,
			fieldTitle: fields.title,
			districtName: districts.name,
			organisationName: organisations.name,
			eventTitle: events.title,
			workingGroupName: workingGroups.name,
			mergedIntoTitle: mergedInto.title,
			supportCount,
			commentCount
		})
		.from(chosen)
		.innerJoin(ideas, eq(ideas.id, chosen.id))
		.innerJoin(fields, eq(fields.id, ideas.fieldId))
		.leftJoin(districts, eq(districts.id, ideas.districtId))
		.leftJoin(authUsers, eq(authUsers.id, ideas.authorUserId))
		.leftJoin(organisations, eq(organisations.id, ideas.organisationId))
		.leftJoin(events, eq(events.id, ideas.eventId))
		.leftJoin(workingGroups, eq(workingGroups.id, ideas.workingGroupId))
		.leftJoin(mergedInto, eq(mergedInto.id, ideas.mergedIntoId))
		.orderBy(asc(ideas.createdAt), asc(ideas.id));
}

export type IdeaExportRow = Awaited<ReturnType<typeof selectIdeasForExport>>[number];
