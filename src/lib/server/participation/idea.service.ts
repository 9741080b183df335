// Participation owns ideas with their comments, supports and reports: what people contribute to an
// edition, and what moderators and facilitators do with it. Staff writes are audited.
import { isLocale, localizeHref, type Locale } from '$lib/paraglide/runtime';
import type { IdeaFilter } from '$lib/validation/idea';
import { languageOfWriting } from '$lib/written-language';
import { recordChange } from '../audit/audit.service';
import type { Database, Executor } from '../db/client';
import { announcePublicChange } from '../http/public-change';
import type { Mailer } from '../mail/mail.service';
import { requireRole, requireSignedIn, type Actor } from '../people/actor';
import type { Role } from '../people/people.schema';
import { editionNotFound } from '../document/document.errors';
import {
	commentNotFound,
	ideaDistrictUnknown,
	ideaFieldUnknown,
	ideaGatheringUnknown,
	ideaHidden,
	ideaNotEditable,
	ideaNotFound,
	ideaOrganisationUnknown,
	ideasClosed,
	mergeTargetInvalid,
	replyTooDeep
} from './idea.errors';
import { composeCommentMail, composeStatusMail } from './idea.mail';
import {
	deleteSupport,
	insertComment,
	insertIdea,
	insertReport,
	insertSupport,
	resolveReports,
	selectAccountEmail,
	selectCommentNoticeRecipient,
	claimCommentNotice,
	claimReplyNotice,
	selectComment,
	selectComments,
	selectDistrictIds,
	selectEditionBySlugAndNumber,
	selectEditionStage,
	selectEventsWithIdeas,
	selectFieldsOfEdition,
	selectGatheringChoices,
	selectHasSupported,
	selectIdeaDetail,
	selectIdeaRow,
	selectIdeas,
	selectIdeaTitles,
	selectOpenReports,
	selectOrganisationsOfAccount,
	updateCommentHidden,
	updateIdea
} from './idea.queries';
import type { IdeaStatus } from './idea.schema';

export const MODERATOR_ROLES: readonly Role[] = ['admin', 'facilitator', 'moderator'];
export const FACILITATOR_ROLES: readonly Role[] = ['admin', 'facilitator'];
export const IDEAS_PAGE_SIZE = 20;
/** Beyond this many matching ideas the list says "more than" instead of counting them all. */
export const IDEAS_COUNT_CAP = 1000;

type Scope = { db: Database; municipalityId: string };
type IdeaInput = { title: string; body: string; fieldId: string; districtId: string | null; organisationId?: string | null };
type TranscribedIdeaInput = Omit<IdeaInput, 'organisationId'> & { sourceLabel: string; eventId?: string | null; workingGroupId?: string | null };

export async function getIdeasEdition({ db, municipalityId, strategySlug, number }: Scope & { strategySlug: string; number: number }) {
	const edition = await selectEditionBySlugAndNumber(db, municipalityId, strategySlug, number);
	if (!edition) throw editionNotFound({ number });
	return edition;
}

/** The choices an idea form offers: the edition's fields of action. */
export async function listIdeaFields({ db, municipalityId, editionId }: Scope & { editionId: string }) {
	return selectFieldsOfEdition(db, municipalityId, editionId);
}

export async function listIdeas({ db, municipalityId, editionId, filter }: Scope & { editionId: string; filter: IdeaFilter }) {
	const { rows, hasMore, total, totalIsCapped, order } = await selectIdeas(
		db,
		municipalityId,
		{ editionId, fieldId: filter.field, districtId: filter.district, status: filter.status, source: filter.source, eventId: filter.event, query: filter.q || undefined },
		{ limit: IDEAS_PAGE_SIZE, offset: (filter.page - 1) * IDEAS_PAGE_SIZE, countCap: IDEAS_COUNT_CAP }
	);
	// Hidden ideas stay in the list so that the moderation is visible, but without their text.
	const ideas = rows.map((row) => (row.hiddenReason ? { ...row, title: '', body: '' } : row));
	const pageCount = Math.max(1, Math.ceil(total / IDEAS_PAGE_SIZE));
	return {
		ideas,
		total,
		totalIsCapped,
		page: filter.page,
		/** Unknown past the cap, where the list offers the next page while there is one. */
		pageCount: totalIsCapped ? null : pageCount,
		hasNextPage: hasMore,
		/** Searched with more matches than are ranked, the newest come first. */
		order
	};
}

/** Events of the edition with ideas gathered there: the choices of the list's event filter. */
export async function listIdeaEvents({ db, municipalityId, editionId }: Scope & { editionId: string }) {
	return selectEventsWithIdeas(db, municipalityId, editionId);
}

/** One idea with its comments, as the public sees it: hidden content shows only the moderators' reason. */
export async function getIdea({ db, municipalityId, ideaId, actor }: Scope & { ideaId: string; actor: Actor | null }) {
	const idea = await selectIdeaDetail(db, municipalityId, ideaId);
	if (!idea) throw ideaNotFound();
	const [comments, supported, mergedInto] = await Promise.all([
		selectComments(db, municipalityId, ideaId),
		actor ? selectHasSupported(db, municipalityId, ideaId, actor.userId) : false,
		idea.mergedIntoId ? selectIdeaTitles(db, municipalityId, [idea.mergedIntoId]) : []
	]);
	const visible = <T extends { hiddenReason: string | null; body: string }>(item: T) =>
		item.hiddenReason ? { ...item, body: '' } : item;
	const threads = comments
		.filter((comment) => comment.parentId === null)
		.map((comment) => ({
			...visible(comment),
			replies: comments.filter((reply) => reply.parentId === comment.id).map(visible)
		}));
	const mayModerate = Boolean(actor && isStaff(actor, municipalityId, MODERATOR_ROLES));
	return {
		idea: idea.hiddenReason ? { ...idea, title: '', body: '' } : idea,
		comments: threads,
		supported,
		mergedInto: mergedInto[0] ?? null,
		mayEdit: Boolean(actor && idea.authorUserId === actor.userId && idea.status === 'new' && !idea.hiddenReason),
		mayModerate,
		maySetStatus: Boolean(actor && isStaff(actor, municipalityId, FACILITATOR_ROLES))
	};
}

function isStaff(actor: Actor, municipalityId: string, roles: readonly Role[]) {
	try {
		requireRole(actor, municipalityId, roles);
		return true;
	} catch {
		return false;
	}
}

async function checkIdeaInput(db: Executor, municipalityId: string, editionId: string, input: IdeaInput, authorUserId: string | null) {
	const fields = await selectFieldsOfEdition(db, municipalityId, editionId);
	if (!fields.some((field) => field.id === input.fieldId)) throw ideaFieldUnknown();
	if (input.districtId && !(await selectDistrictIds(db, municipalityId)).includes(input.districtId)) {
		throw ideaDistrictUnknown();
	}
	// Speaking for an organisation needs a membership in it; nobody submits in another's name.
	if (input.organisationId) {
		const own = authorUserId ? await selectOrganisationsOfAccount(db, municipalityId, authorUserId) : [];
		if (!own.some((organisation) => organisation.id === input.organisationId)) throw ideaOrganisationUnknown();
	}
}

async function checkGathering(db: Executor, municipalityId: string, editionId: string, input: TranscribedIdeaInput) {
	if (!input.eventId && !input.workingGroupId) return;
	const choices = await selectGatheringChoices(db, municipalityId, editionId);
	if (input.eventId && !choices.events.some((event) => event.id === input.eventId)) throw ideaGatheringUnknown();
	if (input.workingGroupId && !choices.workingGroups.some((group) => group.id === input.workingGroupId)) throw ideaGatheringUnknown();
}

/** What the idea forms offer beyond fields and districts: one's own organisations; for staff, where ideas were gathered. */
export async function listIdeaFormChoices({ db, municipalityId, editionId, actor }: Scope & { editionId: string; actor: Actor }) {
	const mayTranscribe = isStaff(actor, municipalityId, FACILITATOR_ROLES);
	const [organisations, gatherings] = await Promise.all([
		selectOrganisationsOfAccount(db, municipalityId, actor.userId),
		mayTranscribe ? selectGatheringChoices(db, municipalityId, editionId) : { events: [], workingGroups: [] }
	]);
	return { mayTranscribe, organisations, gatherings };
}

/** The language of the page a text was written on, which decides the language recorded with it (languageOfWriting). */
type WrittenIn = { writtenIn?: string };
const recordedLanguage = (text: string, writtenIn: string | undefined) => (writtenIn ? languageOfWriting(text, writtenIn) : null);

/** A signed-in person contributes an idea while the edition is collecting them. */
export async function submitIdea({ db, actor, municipalityId, editionId, input, writtenIn }: Scope & WrittenIn & { actor: Actor | null; editionId: string; input: IdeaInput }) {
	const author = requireSignedIn(actor);
	return db.transaction(async (tx) => {
		const stage = await selectEditionStage(tx, municipalityId, editionId);
		if (!stage) throw editionNotFound();
		if (stage !== 'participating') throw ideasClosed();
		await checkIdeaInput(tx, municipalityId, editionId, input, author.userId);
		const language = recordedLanguage(`${input.title}\n${input.body}`, writtenIn);
		const idea = await insertIdea(tx, { ...input, language, municipalityId, editionId, authorUserId: author.userId });
		await announcePublicChange(tx, municipalityId);
		return idea;
	});
}

/**
 * Facilitators type up ideas gathered at a workshop: attributed to where they were gathered, not to a
 * person. That may happen while the edition still collects ideas or shortly after, while drafting.
 */
export async function transcribeIdea({
	db,
	actor,
	municipalityId,
	editionId,
	input,
	writtenIn
}: Scope & WrittenIn & { actor: Actor | null; editionId: string; input: TranscribedIdeaInput }) {
	const facilitator = requireRole(actor, municipalityId, FACILITATOR_ROLES);
	return db.transaction(async (tx) => {
		const stage = await selectEditionStage(tx, municipalityId, editionId);
		if (!stage) throw editionNotFound();
		if (stage !== 'participating' && stage !== 'drafting') throw ideasClosed();
		await checkIdeaInput(tx, municipalityId, editionId, input, null);
		await checkGathering(tx, municipalityId, editionId, input);
		const language = recordedLanguage(`${input.title}\n${input.body}`, writtenIn);
		const idea = await insertIdea(tx, { ...input, language, municipalityId, editionId, authorUserId: null });
		await recordChange(tx, { actor: facilitator, municipalityId, action: 'create', entityType: 'idea', entityId: idea.id, after: idea });
		return idea;
	});
}

/** Authors may improve their own idea until facilitators have looked at it; nobody edits another's. */
export async function editIdea({ db, actor, municipalityId, ideaId, input, writtenIn }: Scope & WrittenIn & { actor: Actor | null; ideaId: string; input: IdeaInput }) {
	const author = requireSignedIn(actor);
	return db.transaction(async (tx) => {
		const idea = await selectIdeaRow(tx, municipalityId, ideaId);
		if (!idea) throw ideaNotFound();
		if (idea.authorUserId !== author.userId || idea.status !== 'new' || idea.hiddenReason) throw ideaNotEditable();
		await checkIdeaInput(tx, municipalityId, idea.editionId, input, author.userId);
		// The new text's language, as for a new idea; a caller that does not know the page keeps the old record.
		const language = writtenIn ? languageOfWriting(`${input.title}\n${input.body}`, writtenIn) : idea.language;
		const updated = await updateIdea(tx, municipalityId, ideaId, { ...input, language });
		await announcePublicChange(tx, municipalityId);
		return updated;
	});
}

/** Where the comment mail links to: the idea's address without a language prefix, and the site's origin. */
export type CommentNoticeSetup = { mailer: Mailer; origin: string; ideaPath: string };

export async function commentOnIdea({
	db,
	actor,
	municipalityId,
	ideaId,
	input,
	notify,
	writtenIn,
	now = new Date()
}: Scope & WrittenIn & { actor: Actor | null; ideaId: string; input: { body: string; parentId: string | null }; notify?: CommentNoticeSetup; now?: Date }) {
	const author = requireSignedIn(actor);
	const { comment, notices } = await db.transaction(async (tx) => {
		const idea = await selectIdeaRow(tx, municipalityId, ideaId);
		if (!idea) throw ideaNotFound();
		if (idea.hiddenReason) throw ideaHidden();
		const parent = input.parentId ? await selectComment(tx, municipalityId, input.parentId) : undefined;
		if (input.parentId) {
			if (!parent || parent.ideaId !== ideaId) throw commentNotFound();
			if (parent.parentId) throw replyTooDeep();
		}
		const comment = await insertComment(tx, { municipalityId, ideaId, parentId: input.parentId, authorUserId: author.userId, body: input.body, language: recordedLanguage(input.body, writtenIn) });
		await announcePublicChange(tx, municipalityId);
		const notices: CommentNotice[] = [];
		if (notify) {
			// Nobody is told of their own words; whoever opted out is not asked for a turn; the idea's author
			// hears of a reply in the thread as a comment on the idea, not twice.
			const ideaAuthor = idea.authorUserId && idea.authorUserId !== author.userId ? idea.authorUserId : null;
			const parentAuthor = parent?.authorUserId && parent.authorUserId !== author.userId && parent.authorUserId !== idea.authorUserId ? parent.authorUserId : null;
			const ideaRecipient = ideaAuthor ? await selectCommentNoticeRecipient(tx, ideaAuthor) : undefined;
			if (ideaRecipient && (await claimCommentNotice(tx, municipalityId, ideaId, now))) notices.push({ kind: 'comment', recipient: ideaRecipient, ideaTitle: idea.title });
			const parentRecipient = parentAuthor && parent ? await selectCommentNoticeRecipient(tx, parentAuthor) : undefined;
			if (parentRecipient && parent && (await claimReplyNotice(tx, municipalityId, parent.id, now))) notices.push({ kind: 'reply', recipient: parentRecipient, ideaTitle: idea.title });
		}
		return { comment, notices };
	});
	// After the commit: a mail must never tell of a comment that was rolled back.
	if (!notify) return comment;
	for (const notice of notices) {
		const locale = notice.recipient.locale && isLocale(notice.recipient.locale) ? notice.recipient.locale : 'de';
		await notify.mailer.send(
			composeCommentMail({
				kind: notice.kind,
				to: notice.recipient.email,
				name: notice.recipient.name,
				ideaTitle: notice.ideaTitle,
				commenterName: author.name,
				comment: input.body,
				link: new URL(localizeHref(notify.ideaPath, { locale }), notify.origin).toString(),
				accountLink: new URL(localizeHref('/account', { locale }), notify.origin).toString(),
				locale
			})
		);
	}
	return comment;
}

type CommentNotice = { kind: 'comment' | 'reply'; recipient: NonNullable<Awaited<ReturnType<typeof selectCommentNoticeRecipient>>>; ideaTitle: string };

/** Each person supports an idea at most once; a second click changes nothing. */
export async function supportIdea({ db, actor, municipalityId, ideaId }: Scope & { actor: Actor | null; ideaId: string }) {
	const supporter = requireSignedIn(actor);
	return db.transaction(async (tx) => {
		const idea = await selectIdeaRow(tx, municipalityId, ideaId);
		if (!idea) throw ideaNotFound();
		if (idea.hiddenReason) throw ideaHidden();
		const added = await insertSupport(tx, { municipalityId, ideaId, userId: supporter.userId });
		if (added) await announcePublicChange(tx, municipalityId);
		return added;
	});
}

export async function withdrawSupport({ db, actor, municipalityId, ideaId }: Scope & { actor: Actor | null; ideaId: string }) {
	const supporter = requireSignedIn(actor);
	await db.transaction(async (tx) => {
		await deleteSupport(tx, municipalityId, ideaId, supporter.userId);
		await announcePublicChange(tx, municipalityId);
	});
}

/** Anyone signed in may flag an idea or a comment; moderators see it in their queue. */
export async function reportContent({
	db,
	actor,
	municipalityId,
	ideaId,
	input
}: Scope & { actor: Actor | null; ideaId: string; input: { reason: string; commentId: string | null } }) {
	const reporter = requireSignedIn(actor);
	return db.transaction(async (tx) => {
		const idea = await selectIdeaRow(tx, municipalityId, ideaId);
		if (!idea) throw ideaNotFound();
		if (input.commentId) {
			const comment = await selectComment(tx, municipalityId, input.commentId);
			if (!comment || comment.ideaId !== ideaId) throw commentNotFound();
		}
		return insertReport(tx, { municipalityId, ideaId, commentId: input.commentId, reporterUserId: reporter.userId, reason: input.reason });
	});
}

export async function listOpenReports({ db, actor, municipalityId }: Scope & { actor: Actor | null }) {
	requireRole(actor, municipalityId, MODERATOR_ROLES);
	return selectOpenReports(db, municipalityId, 100);
}

/** Hides (reason given) or shows again (reason null) an idea or one comment; closes its open reports. */
export async function moderateContent({
	db,
	actor,
	municipalityId,
	ideaId,
	commentId,
	hiddenReason
}: Scope & { actor: Actor | null; ideaId: string; commentId: string | null; hiddenReason: string | null }) {
	const moderator = requireRole(actor, municipalityId, MODERATOR_ROLES);
	await db.transaction(async (tx) => {
		if (commentId) {
			const before = await selectComment(tx, municipalityId, commentId);
			if (!before || before.ideaId !== ideaId) throw commentNotFound();
			const after = await updateCommentHidden(tx, municipalityId, commentId, hiddenReason);
			await recordChange(tx, { actor: moderator, municipalityId, action: 'update', entityType: 'idea_comment', entityId: commentId, before, after });
		} else {
			const before = await selectIdeaRow(tx, municipalityId, ideaId);
			if (!before) throw ideaNotFound();
			const after = await updateIdea(tx, municipalityId, ideaId, { hiddenReason });
			await recordChange(tx, { actor: moderator, municipalityId, action: 'update', entityType: 'idea', entityId: ideaId, before: withoutSearch(before), after: withoutSearch(after) });
		}
		await resolveReports(tx, municipalityId, ideaId, commentId);
	});
}

const withoutSearch = <T extends { searchVector?: unknown }>(row: T) => {
	const copy = { ...row };
	delete copy.searchVector;
	return copy;
};

/** Facilitators decide what becomes of an idea and say why in public; the author hears of it by mail. */
export async function setIdeaStatus({
	db,
	actor,
	municipalityId,
	ideaId,
	input,
	mailer,
	ideaPath,
	origin,
	locale
}: Scope & {
	actor: Actor | null;
	ideaId: string;
	input: { status: IdeaStatus; explanation: string; mergedIntoId: string | null };
	mailer: Mailer;
	/** The idea's address without a language prefix; the mail links to it in the author's language. */
	ideaPath: string;
	origin: string;
	locale: Locale;
}) {
	const facilitator = requireRole(actor, municipalityId, FACILITATOR_ROLES);
	const { after, author } = await db.transaction(async (tx) => {
		const before = await selectIdeaRow(tx, municipalityId, ideaId);
		if (!before) throw ideaNotFound();
		let mergedIntoId: string | null = null;
		if (input.status === 'merged') {
			const [target] = input.mergedIntoId ? await selectIdeaTitles(tx, municipalityId, [input.mergedIntoId]) : [];
			if (!target || target.id === ideaId || target.editionId !== before.editionId) throw mergeTargetInvalid();
			mergedIntoId = target.id;
		}
		const after = await updateIdea(tx, municipalityId, ideaId, { status: input.status, statusExplanation: input.explanation, mergedIntoId });
		await recordChange(tx, { actor: facilitator, municipalityId, action: 'update', entityType: 'idea', entityId: ideaId, before: withoutSearch(before), after: withoutSearch(after) });
		const author = before.authorUserId ? await selectAccountEmail(tx, before.authorUserId) : undefined;
		return { after, author };
	});
	// Sent after the commit: a mail must never announce a decision that was rolled back.
	if (author) {
		const mailLocale = author.locale && isLocale(author.locale) ? author.locale : locale;
		await mailer.send(
			composeStatusMail({
				to: author.email,
				name: author.name,
				ideaTitle: after.title,
				status: after.status,
				explanation: after.statusExplanation,
				link: new URL(localizeHref(ideaPath, { locale: mailLocale }), origin).toString(),
				// The author's language, not the facilitator's.
				locale: mailLocale
			})
		);
	}
	return after;
}
