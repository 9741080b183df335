import { and, asc, count, desc, eq, gte, isNotNull, isNull, lte, ne, or, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../db/client';
import { authUsers } from '../people/people.schema';
import { documentComments, type DocumentCommentStatus } from './document-comment.schema';
import { documentVersions } from './document-version.schema';

// Data access for comments on the paragraphs, fields, goals and measures of published versions.

export type DocumentCommentRow = typeof documentComments.$inferSelect;

/** More comments than this on one version is beyond any real consultation; the page stays bounded. */
export const VERSION_COMMENT_LIMIT = 2000;

const author = alias(authUsers, 'comment_author');

const listColumns = {
	id: documentComments.id,
	versionId: documentComments.versionId,
	anchor: documentComments.anchor,
	authorUserId: documentComments.authorUserId,
	authorName: author.name,
	body: documentComments.body,
	language: documentComments.language,
	status: documentComments.status,
	answer: documentComments.answer,
	answeredByName: documentComments.answeredByName,
	answeredAt: documentComments.answeredAt,
	hiddenReason: documentComments.hiddenReason,
	hiddenAt: documentComments.hiddenAt,
	createdAt: documentComments.createdAt,
	updatedAt: documentComments.updatedAt
};

/** The comments the public sees on a version (hidden ones left out), oldest first. */
export async function selectVisibleComments(db: Executor, municipalityId: string, versionId: string, status?: DocumentCommentStatus) {
	return db
		.select(listColumns)
		.from(documentComments)
		.leftJoin(author, eq(author.id, documentComments.authorUserId))
		.where(
			and(
				eq(documentComments.municipalityId, municipalityId),
				eq(documentComments.versionId, versionId),
				isNull(documentComments.hiddenReason),
				status ? eq(documentComments.status, status) : undefined
			)
		)
		.orderBy(asc(documentComments.createdAt), asc(documentComments.id))
		.limit(VERSION_COMMENT_LIMIT);
}

/** Visible comments per anchor of a version. */
export async function selectVisibleCounts(db: Executor, municipalityId: string, versionId: string) {
	return db
		.select({ anchor: documentComments.anchor, count: count() })
		.from(documentComments)
		.where(and(eq(documentComments.municipalityId, municipalityId), eq(documentComments.versionId, versionId), isNull(documentComments.hiddenReason)))
		.groupBy(documentComments.anchor)
		.limit(VERSION_COMMENT_LIMIT);
}

export type AdminCommentFilter = 'all' | 'open' | 'answered' | 'hidden';

const adminConditions: Record<AdminCommentFilter, SQL | undefined> = {
	all: undefined,
	open: and(isNull(documentComments.hiddenReason), eq(documentComments.status, 'open'), isNull(documentComments.answer)),
	answered: and(isNull(documentComments.hiddenReason), or(ne(documentComments.status, 'open'), isNotNull(documentComments.answer))),
	hidden: isNotNull(documentComments.hiddenReason)
};

/** Every comment of an edition for the back office, newest version first, with the page's total. */
export async function selectEditionComments(
	db: Executor,
	municipalityId: string,
	editionId: string,
	filter: AdminCommentFilter,
	page: { limit: number; offset: number }
) {
	const where = and(eq(documentComments.municipalityId, municipalityId), eq(documentComments.editionId, editionId), adminConditions[filter]);
	const [rows, [total]] = await Promise.all([
		db
			.select({ ...listColumns, versionNumber: documentVersions.number })
			.from(documentComments)
			.innerJoin(documentVersions, eq(documentVersions.id, documentComments.versionId))
			.leftJoin(author, eq(author.id, documentComments.authorUserId))
			.where(where)
			.orderBy(desc(documentVersions.number), asc(documentComments.createdAt), asc(documentComments.id))
			.limit(page.limit)
			.offset(page.offset),
		db.select({ value: count() }).from(documentComments).where(where)
	]);
	return { rows, total: total?.value ?? 0 };
}

/**
 * The visible comments on the versions up to the one going to the council, oldest version first, without their
 * authors' names; and how many there are in all, as the page holds a bounded number.
 */
export async function selectCommentsUpToVersion(db: Executor, municipalityId: string, editionId: string, versionNumber: number, limit: number) {
	const where = and(
		eq(documentComments.municipalityId, municipalityId),
		eq(documentComments.editionId, editionId),
		isNull(documentComments.hiddenReason),
		lte(documentVersions.number, versionNumber)
	);
	const rows = await db
		.select({
			versionId: documentComments.versionId,
			versionNumber: documentVersions.number,
			anchor: documentComments.anchor,
			body: documentComments.body,
			status: documentComments.status,
			answer: documentComments.answer
		})
		.from(documentComments)
		.innerJoin(documentVersions, eq(documentVersions.id, documentComments.versionId))
		.where(where)
		.orderBy(asc(documentVersions.number), asc(documentComments.createdAt), asc(documentComments.id))
		.limit(limit);
	// Counted only when the list is full: a consultation with fewer comments than the limit is all there.
	if (rows.length < limit) return { rows, total: rows.length };
	const [total] = await db
		.select({ value: count() })
		.from(documentComments)
		.innerJoin(documentVersions, eq(documentVersions.id, documentComments.versionId))
		.where(where);
	return { rows, total: total?.value ?? rows.length };
}

export async function selectComment(db: Executor, municipalityId: string, id: string) {
	const [row] = await db
		.select()
		.from(documentComments)
		.where(and(eq(documentComments.municipalityId, municipalityId), eq(documentComments.id, id)))
		.limit(1);
	return row;
}

/** The same text by the same person on the same anchor since the given moment: a double submission. */
export async function selectRecentDuplicate(
	db: Executor,
	values: { municipalityId: string; versionId: string; anchor: string; authorUserId: string; body: string; since: Date }
) {
	const [row] = await db
		.select({ id: documentComments.id })
		.from(documentComments)
		.where(
			and(
				eq(documentComments.municipalityId, values.municipalityId),
				eq(documentComments.versionId, values.versionId),
				eq(documentComments.anchor, values.anchor),
				eq(documentComments.authorUserId, values.authorUserId),
				eq(documentComments.body, values.body),
				gte(documentComments.createdAt, values.since)
			)
		)
		.limit(1);
	return row;
}

export async function selectEmailVerified(db: Executor, userId: string) {
	const [row] = await db.select({ verified: authUsers.emailVerified }).from(authUsers).where(eq(authUsers.id, userId)).limit(1);
	return row?.verified ?? false;
}

export async function insertComment(db: Executor, values: typeof documentComments.$inferInsert) {
	const [row] = await db.insert(documentComments).values(values).returning();
	return row;
}

export async function updateComment(
	db: Executor,
	municipalityId: string,
	id: string,
	values: Partial<Pick<DocumentCommentRow, 'body' | 'language' | 'status' | 'answer' | 'answeredBy' | 'answeredByName' | 'answeredAt' | 'hiddenReason' | 'hiddenBy' | 'hiddenAt'>>
) {
	const [row] = await db
		.update(documentComments)
		.set({ ...values, updatedAt: new Date() })
		.where(and(eq(documentComments.municipalityId, municipalityId), eq(documentComments.id, id)))
		.returning();
	return row;
}

export async function deleteComment(db: Executor, municipalityId: string, id: string) {
	const [row] = await db
		.delete(documentComments)
		.where(and(eq(documentComments.municipalityId, municipalityId), eq(documentComments.id, id)))
		.returning();
	return row;
}
