// Paragraph comments own what people say about a published version of the edition's document while it
// is drafted, and the facilitators' answers to them. Staff writes are audited.
import { recordChange } from '../audit/audit.service';
import type { Database, Executor } from '../db/client';
import { announcePublicChange } from '../http/public-change';
import { holdsAnyRole, requireRole, requireSignedIn, type Actor } from '../people/actor';
import type { Role } from '../people/people.schema';
import { lockEdition } from './document.admin.queries';
import { editionNotFound, strategyNotFound } from './document.errors';
import { selectEditionHead } from './document.queries';
import type { EditionStage } from './document.schema';
import type { DocumentSnapshot } from './document.snapshot';
import {
	documentCommentAnchorUnknown,
	documentCommentDuplicate,
	documentCommentNotEditable,
	documentCommentNotFound,
	documentCommentOldVersion,
	documentCommentsClosed,
	documentCommentUnverified
} from './document-comment.errors';
import {
	deleteComment,
	insertComment,
	selectComment,
	selectCommentsUpToVersion,
	selectEditionComments,
	selectEmailVerified,
	selectRecentDuplicate,
	selectVisibleComments,
	selectVisibleCounts,
	updateComment,
	type AdminCommentFilter,
	type DocumentCommentRow
} from './document-comment.queries';
import type { DocumentCommentStatus } from './document-comment.schema';
import { languageOfWriting } from '$lib/written-language';
import { selectLatestVersionNumber, selectVersion, selectVersionList, selectVersionSnapshots } from './document-version.queries';
import { documentVersionNotFound } from './document-version.errors';

/** Who answers comments and decides whether they were taken into account. */
export const answeringRoles: readonly Role[] = ['admin', 'facilitator'];
/** Who may hide a comment that breaks the house rules. */
export const hidingRoles: readonly Role[] = ['admin', 'facilitator', 'moderator'];
/** Comments are open while the text is being drafted; afterwards they stay readable. */
export const commentingStage: EditionStage = 'drafting';
/** A second identical comment within this time is a double click or a script, not a second opinion. */
export const DUPLICATE_WINDOW_MS = 60_000;
export const ADMIN_COMMENTS_PAGE_SIZE = 30;

type Scope = { db: Database; municipalityId: string };

export type CommentTarget =
	| { anchor: string; kind: 'introduction'; paragraph: number }
	| { anchor: string; kind: 'field' | 'goal' | 'measure'; number: string; title: string }
	| { anchor: string; kind: 'section'; title: string; paragraph: number };

/** Everything in a version one can comment on, in the order the document prints it. */
export function commentTargetsOf(snapshot: DocumentSnapshot): CommentTarget[] {
	const targets: CommentTarget[] = snapshot.introduction.map((paragraph, index) => ({ anchor: paragraph.anchor, kind: 'introduction', paragraph: index + 1 }));
	for (const field of snapshot.fields) {
		targets.push({ anchor: field.anchor, kind: 'field', number: field.number, title: field.title });
		for (const goal of field.goals) {
			targets.push({ anchor: goal.anchor, kind: 'goal', number: goal.number, title: goal.title });
			for (const measure of goal.measures) targets.push({ anchor: measure.anchor, kind: 'measure', number: measure.number, title: measure.title });
		}
	}
	for (const section of snapshot.sections) {
		section.paragraphs.forEach((paragraph, index) => targets.push({ anchor: paragraph.anchor, kind: 'section', title: section.title, paragraph: index + 1 }));
	}
	return targets;
}

/** The version people comment on now, checked inside the transaction that writes the comment. */
async function currentVersionForComment(tx: Executor, municipalityId: string, editionId: string, versionNumber: number) {
	const edition = await lockEdition(tx, municipalityId, editionId);
	if (!edition) throw editionNotFound();
	if (edition.stage !== commentingStage) throw documentCommentsClosed();
	const latest = await selectLatestVersionNumber(tx, municipalityId, editionId);
	if (latest === 0) throw documentVersionNotFound({ number: versionNumber });
	if (versionNumber !== latest) throw documentCommentOldVersion({ number: latest });
	const version = await selectVersion(tx, municipalityId, editionId, latest);
	if (!version) throw documentVersionNotFound({ number: latest });
	return version;
}

async function requireVerifiedAuthor(db: Executor, actor: Actor | null) {
	const author = requireSignedIn(actor);
	if (!(await selectEmailVerified(db, author.userId))) throw documentCommentUnverified();
	return author;
}

export async function commentOnDocument({
	db,
	actor,
	municipalityId,
	editionId,
	versionNumber,
	input,
	writtenIn,
	now = new Date()
}: Scope & { actor: Actor | null; editionId: string; versionNumber: number; input: { anchor: string; body: string }; writtenIn?: string; now?: Date }) {
	const author = await requireVerifiedAuthor(db, actor);
	return db.transaction(async (tx) => {
		// The edition's row lock also serialises double submissions, so the duplicate check cannot race.
		const version = await currentVersionForComment(tx, municipalityId, editionId, versionNumber);
		if (!commentTargetsOf(version.snapshot).some((target) => target.anchor === input.anchor)) throw documentCommentAnchorUnknown();
		const since = new Date(now.getTime() - DUPLICATE_WINDOW_MS);
		const duplicate = await selectRecentDuplicate(tx, { municipalityId, versionId: version.id, anchor: input.anchor, authorUserId: author.userId, body: input.body, since });
		if (duplicate) throw documentCommentDuplicate();
		const comment = await insertComment(tx, {
			municipalityId,
			editionId,
			versionId: version.id,
			anchor: input.anchor,
			authorUserId: author.userId,
			body: input.body,
			// The page's language the comment was written on decides the language recorded with it.
			language: writtenIn ? languageOfWriting(input.body, writtenIn) : null,
			createdAt: now,
			updatedAt: now
		});
		await announcePublicChange(tx, municipalityId);
		return comment;
	});
}

/** Authors may change or take back what they said until a facilitator has answered it. */
async function ownOpenComment(tx: Executor, author: Actor, municipalityId: string, editionId: string, commentId: string) {
	const comment = await selectComment(tx, municipalityId, commentId);
	if (!comment || comment.editionId !== editionId) throw documentCommentNotFound();
	if (comment.authorUserId !== author.userId) throw documentCommentNotEditable();
	if (comment.status !== 'open' || comment.answer !== null || comment.hiddenReason !== null) throw documentCommentNotEditable();
	return comment;
}

export async function editOwnComment({
	db,
	actor,
	municipalityId,
	editionId,
	commentId,
	input,
	writtenIn
}: Scope & { actor: Actor | null; editionId: string; commentId: string; input: { body: string }; writtenIn?: string }) {
	const author = requireSignedIn(actor);
	return db.transaction(async (tx) => {
		const edition = await lockEdition(tx, municipalityId, editionId);
		if (!edition) throw editionNotFound();
		if (edition.stage !== commentingStage) throw documentCommentsClosed();
		const comment = await ownOpenComment(tx, author, municipalityId, editionId, commentId);
		const language = writtenIn ? languageOfWriting(input.body, writtenIn) : comment.language;
		const updated = await updateComment(tx, municipalityId, commentId, { body: input.body, language });
		await announcePublicChange(tx, municipalityId);
		return updated;
	});
}

export async function deleteOwnComment({ db, actor, municipalityId, editionId, commentId }: Scope & { actor: Actor | null; editionId: string; commentId: string }) {
	const author = requireSignedIn(actor);
	return db.transaction(async (tx) => {
		await ownOpenComment(tx, author, municipalityId, editionId, commentId);
		const deleted = await deleteComment(tx, municipalityId, commentId);
		await announcePublicChange(tx, municipalityId);
		return deleted;
	});
}

async function staffComment(tx: Executor, municipalityId: string, editionId: string, commentId: string) {
	const comment = await selectComment(tx, municipalityId, commentId);
	if (!comment || comment.editionId !== editionId) throw documentCommentNotFound();
	return comment;
}

/** Facilitators answer in public and say whether the comment was taken into account. */
export async function answerComment({
	db,
	actor,
	municipalityId,
	editionId,
	commentId,
	input,
	now = new Date()
}: Scope & { actor: Actor | null; editionId: string; commentId: string; input: { status: DocumentCommentStatus; answer: string }; now?: Date }) {
	const facilitator = requireRole(actor, municipalityId, answeringRoles);
	return db.transaction(async (tx) => {
		const before = await staffComment(tx, municipalityId, editionId, commentId);
		const answered = input.answer.length > 0 || input.status !== 'open';
		const after = await updateComment(tx, municipalityId, commentId, {
			status: input.status,
			answer: input.answer || null,
			answeredBy: answered ? facilitator.userId : null,
			answeredByName: answered ? facilitator.name : null,
			answeredAt: answered ? now : null
		});
		await recordChange(tx, { actor: facilitator, municipalityId, action: 'update', entityType: 'document_comment', entityId: commentId, before, after });
		return after;
	});
}

/** Hides a comment (reason given) or shows it again (reason null); the text stays for the audit trail. */
export async function setCommentHidden({
	db,
	actor,
	municipalityId,
	editionId,
	commentId,
	reason,
	now = new Date()
}: Scope & { actor: Actor | null; editionId: string; commentId: string; reason: string | null; now?: Date }) {
	const moderator = requireRole(actor, municipalityId, hidingRoles);
	return db.transaction(async (tx) => {
		const before = await staffComment(tx, municipalityId, editionId, commentId);
		const after = await updateComment(tx, municipalityId, commentId, {
			hiddenReason: reason,
			hiddenBy: reason ? moderator.userId : null,
			hiddenAt: reason ? now : null
		});
		await recordChange(tx, { actor: moderator, municipalityId, action: 'update', entityType: 'document_comment', entityId: commentId, before, after });
		return after;
	});
}

// ——— Reading ———

export type PublicDocumentComment = {
	id: string;
	anchor: string;
	authorName: string | null;
	body: string;
	language: string | null;
	status: DocumentCommentStatus;
	answer: string | null;
	answeredByName: string | null;
	answeredAt: Date | null;
	createdAt: Date;
	mayChange: boolean;
};

const publicComment =
	(actor: Actor | null, open: boolean) =>
	(row: Awaited<ReturnType<typeof selectVisibleComments>>[number]): PublicDocumentComment => ({
		id: row.id,
		anchor: row.anchor,
		authorName: row.authorName,
		body: row.body,
		language: row.language,
		status: row.status,
		answer: row.answer,
		answeredByName: row.answeredByName,
		answeredAt: row.answeredAt,
		createdAt: row.createdAt,
		mayChange: open && actor !== null && row.authorUserId === actor.userId && row.status === 'open' && row.answer === null
	});

/**
 * The comments beside a published version: grouped by anchor, hidden ones left out. Comments may be
 * written only on the latest version of a drafting edition; older versions show theirs read-only.
 */
export async function getVersionComments({
	db,
	actor,
	municipalityId,
	edition,
	version
}: Scope & { actor: Actor | null; edition: { id: string; stage: EditionStage }; version: { id: string; isLatest: boolean } }) {
	const open = edition.stage === commentingStage && version.isLatest;
	const rows = await selectVisibleComments(db, municipalityId, version.id);
	const byAnchor: Record<string, PublicDocumentComment[]> = {};
	for (const comment of rows.map(publicComment(actor, open))) (byAnchor[comment.anchor] ??= []).push(comment);
	return {
		byAnchor,
		total: rows.length,
		open,
		// Closed because the stage moved on (not because this is an older version): the page says so.
		closedByStage: edition.stage !== commentingStage,
		maySubmit: open && actor !== null
	};
}

export type VersionComments = Awaited<ReturnType<typeof getVersionComments>>;

/** Visible comments per anchor of a version, for pages that show counts only. */
export async function countVersionComments({ db, municipalityId, versionId }: Scope & { versionId: string }) {
	const rows = await selectVisibleCounts(db, municipalityId, versionId);
	return Object.fromEntries(rows.map((row) => [row.anchor, row.count])) as Record<string, number>;
}

/** The list view: the current version's comments grouped by what they are about, in document order. */
export async function listCommentsOfVersion({
	db,
	actor,
	municipalityId,
	edition,
	version,
	status
}: Scope & {
	actor: Actor | null;
	edition: { id: string; stage: EditionStage };
	version: { id: string; isLatest: boolean; snapshot: DocumentSnapshot };
	status: DocumentCommentStatus | null;
}) {
	const open = edition.stage === commentingStage && version.isLatest;
	const rows = await selectVisibleComments(db, municipalityId, version.id, status ?? undefined);
	const byAnchor = new Map<string, PublicDocumentComment[]>();
	for (const comment of rows.map(publicComment(actor, open))) byAnchor.set(comment.anchor, [...(byAnchor.get(comment.anchor) ?? []), comment]);
	const groups = commentTargetsOf(version.snapshot)
		.filter((target) => byAnchor.has(target.anchor))
		.map((target) => ({ target, comments: byAnchor.get(target.anchor)! }));
	return { groups, total: rows.length, closedByStage: edition.stage !== commentingStage };
}

export type StaffDocumentComment = DocumentCommentRow;

/** The back office's list of an edition's comments, filtered, a page at a time. */
export async function listEditionComments({
	db,
	actor,
	municipalityId,
	editionId,
	filter,
	page
}: Scope & { actor: Actor | null; editionId: string; filter: AdminCommentFilter; page: number }) {
	const staff = requireRole(actor, municipalityId, hidingRoles);
	const { rows, total } = await selectEditionComments(db, municipalityId, editionId, filter, {
		limit: ADMIN_COMMENTS_PAGE_SIZE,
		offset: (page - 1) * ADMIN_COMMENTS_PAGE_SIZE
	});
	const mayAnswer = holdsAnyRole(staff, municipalityId, answeringRoles);
	return { comments: rows, total, page, filter, pageCount: Math.max(1, Math.ceil(total / ADMIN_COMMENTS_PAGE_SIZE)), mayAnswer };
}

/** The edition an address names, for pages about its comments. */
export async function findCommentedEdition({ db, municipalityId, strategySlug, number }: Scope & { strategySlug: string; number: number }) {
	const head = await selectEditionHead(db, { municipalityId, strategySlug, number });
	if (!head) throw strategyNotFound({ slug: strategySlug });
	if (!head.edition) throw editionNotFound({ number });
	return { strategy: head.strategy, edition: head.edition };
}

/** The public list view: the edition's current version and its comments, filtered by status. */
export async function getCommentList({
	db,
	actor,
	municipalityId,
	strategySlug,
	number,
	status
}: Scope & { actor: Actor | null; strategySlug: string; number: number; status: DocumentCommentStatus | null }) {
	const { strategy, edition } = await findCommentedEdition({ db, municipalityId, strategySlug, number });
	const [latest] = await selectVersionList(db, municipalityId, edition.id);
	if (!latest) return { strategy, edition, version: null, list: null };
	const { snapshot, ...version } = (await selectVersion(db, municipalityId, edition.id, latest.number))!;
	const list = await listCommentsOfVersion({ db, actor, municipalityId, edition, version: { id: version.id, isLatest: true, snapshot }, status });
	return { strategy, edition, version: { id: version.id, number: version.number, title: version.title }, list };
}

/** A council paper lists at most this many comments; the rest are counted and left to the edition's page. */
export const COUNCIL_COMMENT_LIMIT = 2000;

export type CouncilComment = { versionNumber: number; target: CommentTarget | undefined; status: DocumentCommentStatus; body: string; answer: string | null };

/**
 * What was said about the drafts and how it was weighed, for the council submission of a version: the visible
 * comments on that version and the ones before it, in version and document order, with status and answer. The
 * authors' names stay out of a paper that is printed and published with the council's documents.
 */
export async function listCommentsForCouncil({ db, municipalityId, editionId, upToVersion }: { db: Executor; municipalityId: string; editionId: string; upToVersion: number }) {
	const { rows, total } = await selectCommentsUpToVersion(db, municipalityId, editionId, upToVersion, COUNCIL_COMMENT_LIMIT);
	const snapshots = await selectVersionSnapshots(db, municipalityId, [...new Set(rows.map((row) => row.versionId))]);
	// Each version's passages by anchor, with their place in the document.
	const passages = new Map(snapshots.map(({ id, snapshot }) => [id, new Map(commentTargetsOf(snapshot).map((target, place) => [target.anchor, { target, place }]))]));
	const comments: CouncilComment[] = rows
		.map((row, order) => ({ row, order, passage: passages.get(row.versionId)?.get(row.anchor) }))
		// Within a version in the order of the document, and in the order written at one passage.
		.sort((a, b) => a.row.versionNumber - b.row.versionNumber || (a.passage?.place ?? Infinity) - (b.passage?.place ?? Infinity) || a.order - b.order)
		.map(({ row, passage }) => ({ versionNumber: row.versionNumber, target: passage?.target, status: row.status, body: row.body, answer: row.answer }));
	return { comments, omitted: total - comments.length };
}

/** The back office's page: the edition with its comments; who may answer, who may only hide. */
export async function getEditionCommentsForStaff({
	db,
	actor,
	municipalityId,
	strategySlug,
	number,
	filter,
	page
}: Scope & { actor: Actor | null; strategySlug: string; number: number; filter: AdminCommentFilter; page: number }) {
	requireRole(actor, municipalityId, hidingRoles);
	const { strategy, edition } = await findCommentedEdition({ db, municipalityId, strategySlug, number });
	return { strategy, edition, ...(await listEditionComments({ db, actor, municipalityId, editionId: edition.id, filter, page })) };
}
