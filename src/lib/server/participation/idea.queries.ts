import { and, asc, count, desc, eq, inArray, isNotNull, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Executor } from '../db/client';
import { editions, fields, strategies } from '../document/document.schema';
import { accountProfiles, consents } from '../people/account.schema';
import { organisationMemberships, organisations, people } from '../people/organisation.schema';
import { authUsers } from '../people/people.schema';
import { districts } from '../tenancy/tenancy.schema';
import { events, workingGroups } from './event.schema';
import { ideaComments, ideaReports, ideas, ideaSupports, type IdeaStatus } from './idea.schema';
import { searchQuery, searchQueryParts } from '../shared/text-search';
import { inOrderOf, selectTextMatches } from '../shared/text-matches.queries';
import { meantWords, selectWordsResembling, typedWords } from './idea-title-words.queries';

export type IdeaRow = typeof ideas.$inferSelect;
export type NewIdea = typeof ideas.$inferInsert;

export async function selectEditionBySlugAndNumber(db: Executor, municipalityId: string, strategySlug: string, number: number) {
	const [row] = await db
		.select({
			id: editions.id,
			number: editions.number,
			stage: editions.stage,
			strategyId: strategies.id,
			strategySlug: strategies.slug,
			strategyTitle: strategies.title
		})
		.from(editions)
		.innerJoin(strategies, eq(strategies.id, editions.strategyId))
		.where(
			and(eq(editions.municipalityId, municipalityId), eq(strategies.slug, strategySlug), eq(editions.number, number))
		)
		.limit(1);
	return row;
}

export async function selectEditionStage(db: Executor, municipalityId: string, editionId: string) {
	const [row] = await db
		.select({ stage: editions.stage })
		.from(editions)
		.where(and(eq(editions.municipalityId, municipalityId), eq(editions.id, editionId)))
		.limit(1);
	return row?.stage;
}

export async function selectFieldsOfEdition(db: Executor, municipalityId: string, editionId: string) {
	return db
		.select({ id: fields.id, title: fields.title })
		.from(fields)
		.where(and(eq(fields.municipalityId, municipalityId), eq(fields.editionId, editionId)))
		.orderBy(asc(fields.position));
}

export async function selectDistrictIds(db: Executor, municipalityId: string) {
	const rows = await db.select({ id: districts.id }).from(districts).where(eq(districts.municipalityId, municipalityId));
	return rows.map((row) => row.id);
}

/** Organisations of the registry the account's person belongs to: those an idea may be submitted on behalf of. */
export async function selectOrganisationsOfAccount(db: Executor, municipalityId: string, userId: string) {
	return db
		.select({ id: organisations.id, name: organisations.name })
		.from(organisationMemberships)
		.innerJoin(people, and(eq(people.id, organisationMemberships.personId), eq(people.municipalityId, municipalityId)))
		.innerJoin(organisations, eq(organisations.id, organisationMemberships.organisationId))
		.where(and(eq(organisationMemberships.municipalityId, municipalityId), eq(people.userId, userId)))
		.orderBy(asc(organisations.name))
		.limit(100);
}

/** The events of an edition that ideas were gathered at, for the list's filter. */
export async function selectEventsWithIdeas(db: Executor, municipalityId: string, editionId: string) {
	// The distinct events of the edition's gathered ideas, one index probe each (ideas_gathered_idx), then those
	// events. Read from the town's events instead, the list read every event (2,000 a town in the plan check);
	// read from all the edition's ideas, PostgreSQL scanned every idea once the edition held 100,000.
	const { rows } = await db.execute<{ id: string; title: string; startsAt: Date }>(sql`
		with recursive gathered(event_id) as (
			(select event_id from ${ideas}
			where municipality_id = ${municipalityId} and edition_id = ${editionId} and event_id is not null
			order by event_id limit 1)
			union all
			select (
				select next.event_id from ${ideas} next
				where next.municipality_id = ${municipalityId} and next.edition_id = ${editionId} and next.event_id > gathered.event_id
				order by next.event_id limit 1
			)
			from gathered where gathered.event_id is not null
		)
		select event.id, event.title, event.starts_at as "startsAt"
		from gathered join ${events} event on event.id = gathered.event_id
		where event.municipality_id = ${municipalityId}
		order by event.starts_at desc, event.id, event.title
		limit 200`);
	return rows.map((row) => ({ ...row, startsAt: new Date(row.startsAt) }));
}

/** Events and working groups of an edition, as places where transcribed ideas were gathered. */
export async function selectGatheringChoices(db: Executor, municipalityId: string, editionId: string) {
	// One after another: checking a transcribed idea runs this inside its transaction, on one connection.
	const eventRows = await db
		.select({ id: events.id, title: events.title, startsAt: events.startsAt })
		.from(events)
		.where(and(eq(events.municipalityId, municipalityId), eq(events.editionId, editionId)))
		.orderBy(desc(events.startsAt))
		.limit(500);
	const groupRows = await db
		.select({ id: workingGroups.id, name: workingGroups.name })
		.from(workingGroups)
		.where(and(eq(workingGroups.municipalityId, municipalityId), eq(workingGroups.editionId, editionId)))
		.orderBy(asc(workingGroups.name))
		.limit(200);
	return { events: eventRows, workingGroups: groupRows };
}

export async function insertIdea(db: Executor, values: NewIdea) {
	const [row] = await db.insert(ideas).values(values).returning();
	return row;
}

export async function updateIdea(db: Executor, municipalityId: string, ideaId: string, values: Partial<NewIdea>) {
	const [row] = await db
		.update(ideas)
		.set({ ...values, updatedAt: new Date() })
		.where(and(eq(ideas.municipalityId, municipalityId), eq(ideas.id, ideaId)))
		.returning();
	return row;
}

export async function selectIdeaRow(db: Executor, municipalityId: string, ideaId: string) {
	const [row] = await db
		.select()
		.from(ideas)
		.where(and(eq(ideas.municipalityId, municipalityId), eq(ideas.id, ideaId)))
		.limit(1);
	return row;
}

/** An idea's supports, and its visible comments: counted per row of a page already chosen. */
export const supportCount = sql<number>`(select count(*)::int from ${ideaSupports} where ${ideaSupports.ideaId} = ${ideas.id})`;
export const commentCount = sql<number>`(select count(*)::int from ${ideaComments} where ${ideaComments.ideaId} = ${ideas.id} and ${ideaComments.hiddenReason} is null)`;

const listColumns = {
	id: ideas.id,
	title: ideas.title,
	body: ideas.body,
	language: ideas.language,
	status: ideas.status,
	hiddenReason: ideas.hiddenReason,
	sourceLabel: ideas.sourceLabel,
	createdAt: ideas.createdAt,
	fieldTitle: fields.title,
	districtName: districts.name,
	authorName: authUsers.name,
	supportCount,
	commentCount
};

export type IdeaListFilter = {
	editionId: string;
	fieldId?: string;
	districtId?: string;
	status?: IdeaStatus;
	source?: 'online' | 'transcribed';
	eventId?: string;
	query?: string;
};

export type IdeaListPage = { limit: number; offset: number; countCap: number };

function listConditions(municipalityId: string, filter: IdeaListFilter): (SQL | undefined)[] {
	const conditions: (SQL | undefined)[] = [eq(ideas.municipalityId, municipalityId), eq(ideas.editionId, filter.editionId)];
	if (filter.fieldId) conditions.push(eq(ideas.fieldId, filter.fieldId));
	if (filter.districtId) conditions.push(eq(ideas.districtId, filter.districtId));
	if (filter.status) conditions.push(eq(ideas.status, filter.status));
	if (filter.source === 'online') conditions.push(isNull(ideas.sourceLabel));
	if (filter.source === 'transcribed') conditions.push(isNotNull(ideas.sourceLabel));
	if (filter.eventId) conditions.push(eq(ideas.eventId, filter.eventId));
	return conditions;
}

/** A searched page's rows with their names and counts, in the order of `ids`. */
async function listRowsOf(db: Executor, municipalityId: string, ids: string[]) {
	if (ids.length === 0) return [];
	const rows = await db
		.select(listColumns)
		.from(ideas)
		.innerJoin(fields, eq(fields.id, ideas.fieldId))
		.leftJoin(districts, eq(districts.id, ideas.districtId))
		.leftJoin(authUsers, eq(authUsers.id, ideas.authorUserId))
		.where(and(eq(ideas.municipalityId, municipalityId), inArray(ideas.id, ids)));
	return inOrderOf(ids, rows);
}

export async function selectIdeas(db: Executor, municipalityId: string, filter: IdeaListFilter, page: IdeaListPage) {
	if (filter.query) return selectIdeasMatching(db, municipalityId, { ...filter, query: filter.query }, page);
	const where = and(...listConditions(municipalityId, filter));
	// The page's ideas are chosen first and only then joined to names and counted: joined before the
	// limit, every matching idea of a large edition was joined to its author and counted.
	const chosen = db
		.select({ id: ideas.id })
		.from(ideas)
		.where(where)
		.orderBy(desc(ideas.createdAt), desc(ideas.id))
		// One more than shown: whether a next page exists, without counting.
		.limit(page.limit + 1)
		.offset(page.offset)
		.as('chosen');
	const rows = await db
		.select(listColumns)
		.from(chosen)
		.innerJoin(ideas, eq(ideas.id, chosen.id))
		.innerJoin(fields, eq(fields.id, ideas.fieldId))
		.leftJoin(districts, eq(districts.id, ideas.districtId))
		.leftJoin(authUsers, eq(authUsers.id, ideas.authorUserId))
		.orderBy(desc(ideas.createdAt), desc(ideas.id));
	// Counting every idea of an edition grows with the edition (52 ms at 100,000 ideas); counting up to
	// one past the cap stays flat, and the page says "more than" when the cap is passed.
	const [{ counted }] = await db
		.select({ counted: count() })
		.from(db.select({ one: sql`1` }).from(ideas).where(where).limit(page.countCap + 1).as('counted'));
	return {
		rows: rows.slice(0, page.limit),
		hasMore: rows.length > page.limit,
		total: Math.min(counted, page.countCap),
		totalIsCapped: counted > page.countCap,
		order: 'newest' as const
	};
}

/**
 * The list searched for words: ideas with the words in any form of them (the stored search vector), or whose
 * title holds a word much like one typed (a typo: "Sprahcafe" finds the Sprachcafé; idea-title-words.queries.ts),
 * through the town's word index. Hidden ideas are not found by the text the moderators hid. Up to RANKED_MATCHES
 * matches are ranked, more come newest first (shared/text-matches.queries.ts); before, every idea of the edition was
 * compared with the words: 3 to 5.6 s for one search in an edition of 100,000 ideas.
 */
async function selectIdeasMatching(db: Executor, municipalityId: string, filter: IdeaListFilter & { query: string }, page: IdeaListPage) {
	const query = searchQuery(filter.query);
	const typed = typedWords(filter.query);
	const meant = meantWords(typed, await selectWordsResembling(db, municipalityId, typed));
	const found = await selectTextMatches(db, {
		table: ideas,
		columns: { id: ideas.id, municipalityId: ideas.municipalityId, newest: ideas.createdAt },
		municipalityId,
		scope: and(...listConditions(municipalityId, filter), isNull(ideas.hiddenReason)),
		anyOf: [...searchQueryParts(filter.query), ...(meant ? [meant] : [])].map((part) => sql`${ideas.searchVector} @@ ${part}`),
		rank: sql<number>`ts_rank(${ideas.searchVector}, ${query}) + word_similarity(${filter.query}, ${ideas.title})`,
		newest: page.offset + page.limit + 1
	});
	const chosen = found.matches.slice(page.offset, page.offset + page.limit + 1);
	const rows = await listRowsOf(db, municipalityId, chosen.slice(0, page.limit).map((row) => row.id));
	return {
		rows,
		hasMore: chosen.length > page.limit,
		total: Math.min(found.counted, page.countCap),
		totalIsCapped: found.counted > page.countCap,
		order: found.ranked ? ('rank' as const) : ('newest' as const)
	};
}

export async function selectIdeaDetail(db: Executor, municipalityId: string, ideaId: string) {
	const [row] = await db
		.select({
			...listColumns,
			editionId: ideas.editionId,
			fieldId: ideas.fieldId,
			districtId: ideas.districtId,
			authorUserId: ideas.authorUserId,
			statusExplanation: ideas.statusExplanation,
			mergedIntoId: ideas.mergedIntoId,
			organisationId: ideas.organisationId,
			organisationName: organisations.name,
			eventId: ideas.eventId,
			eventTitle: events.title,
			workingGroupId: ideas.workingGroupId,
			workingGroupName: workingGroups.name,
			updatedAt: ideas.updatedAt
		})
		.from(ideas)
		.innerJoin(fields, eq(fields.id, ideas.fieldId))
		.leftJoin(districts, eq(districts.id, ideas.districtId))
		.leftJoin(authUsers, eq(authUsers.id, ideas.authorUserId))
		.leftJoin(organisations, eq(organisations.id, ideas.organisationId))
		.leftJoin(events, eq(events.id, ideas.eventId))
		.leftJoin(workingGroups, eq(workingGroups.id, ideas.workingGroupId))
		.where(and(eq(ideas.municipalityId, municipalityId), eq(ideas.id, ideaId)))
		.limit(1);
	return row;
}

export async function selectIdeaTitles(db: Executor, municipalityId: string, ideaIds: string[]) {
	if (ideaIds.length === 0) return [];
	return db
		.select({ id: ideas.id, title: ideas.title, language: ideas.language, editionId: ideas.editionId })
		.from(ideas)
		.where(and(eq(ideas.municipalityId, municipalityId), inArray(ideas.id, ideaIds)));
}

// A thread longer than this is not a conversation any page could show; the newest are cut.
const COMMENT_LIMIT = 500;

export async function selectComments(db: Executor, municipalityId: string, ideaId: string) {
	return db
		.select({
			id: ideaComments.id,
			parentId: ideaComments.parentId,
			body: ideaComments.body,
			language: ideaComments.language,
			hiddenReason: ideaComments.hiddenReason,
			authorUserId: ideaComments.authorUserId,
			authorName: authUsers.name,
			createdAt: ideaComments.createdAt
		})
		.from(ideaComments)
		.leftJoin(authUsers, eq(authUsers.id, ideaComments.authorUserId))
		.where(and(eq(ideaComments.municipalityId, municipalityId), eq(ideaComments.ideaId, ideaId)))
		.orderBy(asc(ideaComments.createdAt), asc(ideaComments.id))
		.limit(COMMENT_LIMIT);
}

export async function selectComment(db: Executor, municipalityId: string, commentId: string) {
	const [row] = await db
		.select()
		.from(ideaComments)
		.where(and(eq(ideaComments.municipalityId, municipalityId), eq(ideaComments.id, commentId)))
		.limit(1);
	return row;
}

export async function insertComment(db: Executor, values: typeof ideaComments.$inferInsert) {
	const [row] = await db.insert(ideaComments).values(values).returning();
	return row;
}

export async function updateCommentHidden(db: Executor, municipalityId: string, commentId: string, hiddenReason: string | null) {
	const [row] = await db
		.update(ideaComments)
		.set({ hiddenReason, updatedAt: new Date() })
		.where(and(eq(ideaComments.municipalityId, municipalityId), eq(ideaComments.id, commentId)))
		.returning();
	return row;
}

/** Inserts the support unless the person already gave one; true when a new one was stored. */
export async function insertSupport(db: Executor, values: { municipalityId: string; ideaId: string; userId: string }) {
	const rows = await db.insert(ideaSupports).values(values).onConflictDoNothing().returning({ id: ideaSupports.id });
	return rows.length > 0;
}

export async function deleteSupport(db: Executor, municipalityId: string, ideaId: string, userId: string) {
	await db
		.delete(ideaSupports)
		.where(and(eq(ideaSupports.municipalityId, municipalityId), eq(ideaSupports.ideaId, ideaId), eq(ideaSupports.userId, userId)));
}

export async function selectHasSupported(db: Executor, municipalityId: string, ideaId: string, userId: string) {
	const [row] = await db
		.select({ id: ideaSupports.id })
		.from(ideaSupports)
		.where(and(eq(ideaSupports.municipalityId, municipalityId), eq(ideaSupports.ideaId, ideaId), eq(ideaSupports.userId, userId)))
		.limit(1);
	return Boolean(row);
}

export async function insertReport(db: Executor, values: typeof ideaReports.$inferInsert) {
	const [row] = await db.insert(ideaReports).values(values).returning();
	return row;
}

export async function resolveReports(db: Executor, municipalityId: string, ideaId: string, commentId: string | null) {
	await db
		.update(ideaReports)
		.set({ resolvedAt: new Date() })
		.where(
			and(
				eq(ideaReports.municipalityId, municipalityId),
				eq(ideaReports.ideaId, ideaId),
				commentId ? eq(ideaReports.commentId, commentId) : isNull(ideaReports.commentId),
				isNull(ideaReports.resolvedAt)
			)
		);
}

export async function selectOpenReports(db: Executor, municipalityId: string, limit: number) {
	return db
		.select({
			id: ideaReports.id,
			ideaId: ideaReports.ideaId,
			commentId: ideaReports.commentId,
			reason: ideaReports.reason,
			createdAt: ideaReports.createdAt,
			ideaTitle: ideas.title,
			ideaLanguage: ideas.language,
			ideaHiddenReason: ideas.hiddenReason,
			commentBody: ideaComments.body,
			commentLanguage: ideaComments.language,
			commentHiddenReason: ideaComments.hiddenReason,
			editionNumber: editions.number,
			strategySlug: strategies.slug
		})
		.from(ideaReports)
		.innerJoin(ideas, eq(ideas.id, ideaReports.ideaId))
		.innerJoin(editions, eq(editions.id, ideas.editionId))
		.innerJoin(strategies, eq(strategies.id, editions.strategyId))
		.leftJoin(ideaComments, eq(ideaComments.id, ideaReports.commentId))
		.where(and(eq(ideaReports.municipalityId, municipalityId), isNull(ideaReports.resolvedAt)))
		.orderBy(asc(ideaReports.createdAt))
		.limit(limit);
}

/** The language a person last agreed to the privacy notice in, which mails to them use. */
const latestConsentLocale = (userId: string) =>
	sql<string | null>`(select ${consents.locale} from ${consents} where ${consents.userId} = ${userId} order by ${consents.consentedAt} desc limit 1)`;

/** The author's address, name and mail language. */
export async function selectAccountEmail(db: Executor, userId: string) {
	const [row] = await db
		.select({ email: authUsers.email, name: authUsers.name, locale: latestConsentLocale(userId) })
		.from(authUsers)
		.where(eq(authUsers.id, userId))
		.limit(1);
	return row;
}

/** An account that wants to hear of comments on its ideas and replies to its comments: address, name, mail language. */
export async function selectCommentNoticeRecipient(db: Executor, userId: string) {
	const [row] = await db
		.select({ email: authUsers.email, name: authUsers.name, locale: latestConsentLocale(userId) })
		.from(authUsers)
		.leftJoin(accountProfiles, eq(accountProfiles.userId, authUsers.id))
		.where(and(eq(authUsers.id, userId), sql`coalesce(${accountProfiles.notifyOnComments}, true)`))
		.limit(1);
	return row;
}

// At most one mail an hour per idea and per comment: a turn is taken by stamping it, if the last stamp is older.
const turnIsDue = (stamp: PgColumn, now: Date) => or(isNull(stamp), lt(stamp, new Date(now.getTime() - 3_600_000)));

/** Takes the idea's turn to mail its author, unless a comment mail went out within the hour. */
export async function claimCommentNotice(db: Executor, municipalityId: string, ideaId: string, now: Date) {
	const [row] = await db
		.update(ideas)
		.set({ commentsNotifiedAt: now })
		.where(and(eq(ideas.municipalityId, municipalityId), eq(ideas.id, ideaId), turnIsDue(ideas.commentsNotifiedAt, now)))
		.returning({ id: ideas.id });
	return row !== undefined;
}

/** The same for a comment's author told of replies to it. */
export async function claimReplyNotice(db: Executor, municipalityId: string, commentId: string, now: Date) {
	const [row] = await db
		.update(ideaComments)
		.set({ repliesNotifiedAt: now })
		.where(and(eq(ideaComments.municipalityId, municipalityId), eq(ideaComments.id, commentId), turnIsDue(ideaComments.repliesNotifiedAt, now)))
		.returning({ id: ideaComments.id });
	return row !== undefined;
}
