// Invitations own which organisations of the registry were asked to take part in an edition and what
// they answered. Staff invite and re-send; the organisation answers once through the mailed link.
import { isLocale } from '$lib/paraglide/runtime';
import { createHash, randomBytes } from 'node:crypto';
import { recordChange } from '../audit/audit.service';
import type { Database, Executor } from '../db/client';
import type { Mailer } from '../mail/mail.service';
import { backOfficeRoles, requireRole, type Actor } from './actor';
import type { InvitationAnswer, InvitationFilter } from '$lib/validation/invitation';
import {
	invitationAlreadyAnswered,
	invitationEditionNotFound,
	invitationLinkInvalid,
	invitationNoContactEmail,
	invitationNotFound,
	invitationOrganisationUnknown
} from './invitation.errors';
import { composeInvitationMail } from './invitation.mail';
import {
	countInvitationCandidates,
	countInvitationsByStatus,
	countInvitationsPerEdition,
	insertInvitations,
	lockInvitation,
	lockInvitationByTokenHash,
	selectEditionByPath,
	selectEditionsOfMunicipality,
	selectInvitationCandidates,
	selectInvitationByTokenHash,
	selectInvitationContext,
	selectInvitationsOfEdition,
	selectOrganisationsForInvitation,
	updateInvitation,
	type Invitation
} from './invitation.queries';
import { invitationStatuses } from './invitation.schema';
import { listDistrictsForOrganisations } from './organisation.service';

export type InvitationMailSetup = { mailer: Mailer; origin: string };
type Scope = { db: Database; actor: Actor | null; municipalityId: string };
type EditionPath = { strategySlug: string; number: number };

export const INVITATIONS_PAGE_SIZE = 50;
export const CANDIDATES_PAGE_SIZE = 50;

export const hashInvitationToken = (token: string) => createHash('sha256').update(token).digest('hex');
const newToken = () => randomBytes(32).toString('base64url');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function findEdition(db: Executor, municipalityId: string, path: EditionPath) {
	const edition = Number.isInteger(path.number) ? await selectEditionByPath(db, municipalityId, path.strategySlug, path.number) : undefined;
	if (!edition) throw invitationEditionNotFound();
	return edition;
}

async function sendInvitationMail(db: Executor, mail: InvitationMailSetup, invitation: Invitation, token: string) {
	const facts = await selectInvitationContext(db, invitation.id);
	if (!facts?.organisationEmail) return;
	await mail.mailer.send(composeInvitationMail({ ...facts, to: facts.organisationEmail }, mail.origin, token, invitation.locale));
}

/** The back-office page: the edition's invitations with their answers, and organisations still to invite. */
export async function getInvitationsForStaff({
	db,
	actor,
	municipalityId,
	filter,
	candidatePage = 1,
	...path
}: Scope & EditionPath & { filter: InvitationFilter; candidatePage?: number }) {
	requireRole(actor, municipalityId, backOfficeRoles);
	const edition = await findEdition(db, municipalityId, path);
	const candidateFilter = { q: filter.q, sector: filter.sector, districtId: filter.district };
	const [invitedTotal, candidateTotal, districts] = await Promise.all([
		countInvitationsByStatus(db, municipalityId, edition.id),
		countInvitationCandidates(db, municipalityId, edition.id, candidateFilter),
		listDistrictsForOrganisations({ db, actor, municipalityId })
	]);
	const counts = Object.fromEntries(invitationStatuses.map((status) => [status, invitedTotal.find((row) => row.status === status)?.total ?? 0]));
	const total = invitationStatuses.reduce((sum, status) => sum + counts[status], 0);
	const pageCount = Math.max(1, Math.ceil(total / INVITATIONS_PAGE_SIZE));
	const page = Math.min(filter.page, pageCount);
	const candidatePageCount = Math.max(1, Math.ceil(candidateTotal / CANDIDATES_PAGE_SIZE));
	const shownCandidatePage = Math.min(Math.max(1, candidatePage), candidatePageCount);
	const [invitations, candidates] = await Promise.all([
		selectInvitationsOfEdition(db, municipalityId, edition.id, { limit: INVITATIONS_PAGE_SIZE, offset: (page - 1) * INVITATIONS_PAGE_SIZE }),
		selectInvitationCandidates(db, municipalityId, edition.id, {
			...candidateFilter,
			limit: CANDIDATES_PAGE_SIZE,
			offset: (shownCandidatePage - 1) * CANDIDATES_PAGE_SIZE
		})
	]);
	return {
		edition,
		counts: { ...counts, total } as Record<(typeof invitationStatuses)[number] | 'total', number>,
		invitations,
		page,
		pageCount,
		candidates,
		candidateTotal,
		candidatePage: shownCandidatePage,
		candidatePageCount,
		districts
	};
}

/**
 * Invites the chosen organisations and mails each a link of its own. Organisations without a contact
 * address cannot be reached: they are not invited but named in the result, as are those invited before.
 */
export async function inviteOrganisations({
	db,
	actor,
	municipalityId,
	organisationIds,
	locale,
	mail,
	now = new Date(),
	...path
}: Scope & EditionPath & { organisationIds: string[]; locale: string; mail: InvitationMailSetup; now?: Date }) {
	const staff = requireRole(actor, municipalityId, backOfficeRoles);
	const unique = [...new Set(organisationIds)];
	const { created, withoutEmail, alreadyInvited } = await db.transaction(async (tx) => {
		const edition = await findEdition(tx, municipalityId, path);
		const found = await selectOrganisationsForInvitation(tx, municipalityId, unique);
		// An id from another municipality or a deleted organisation: the form was not ours to send.
		if (found.length !== unique.length) throw invitationOrganisationUnknown();
		const reachable = found.filter((organisation) => organisation.email.trim() !== '');
		const tokens = new Map(reachable.map((organisation) => [organisation.id, newToken()]));
		const rows = await insertInvitations(
			tx,
			reachable.map((organisation) => ({
				municipalityId,
				editionId: edition.id,
				organisationId: organisation.id,
				invitedByUserId: staff.userId,
				invitedAt: now,
				lastSentAt: now,
				tokenHash: hashInvitationToken(tokens.get(organisation.id)!),
				locale: isLocale(locale) ? locale : 'de'
			}))
		);
		for (const row of rows) {
			await recordChange(tx, {
				actor: staff,
				municipalityId,
				action: 'create',
				entityType: 'edition_invitation',
				entityId: row.id,
				after: { editionId: edition.id, organisationId: row.organisationId, status: row.status }
			});
		}
		const createdIds = new Set(rows.map((row) => row.organisationId));
		return {
			created: rows.map((row) => ({ row, token: tokens.get(row.organisationId)! })),
			withoutEmail: found.filter((organisation) => organisation.email.trim() === '').map((organisation) => organisation.name),
			alreadyInvited: reachable.filter((organisation) => !createdIds.has(organisation.id)).map((organisation) => organisation.name)
		};
	});
	// Mails go out once the invitations exist; a failed send leaves them to be re-sent from the list.
	for (const { row, token } of created) await sendInvitationMail(db, mail, row, token);
	const byName = (a: string, b: string) => a.localeCompare(b, 'de');
	return { invited: created.length, withoutEmail: withoutEmail.sort(byName), alreadyInvited: alreadyInvited.sort(byName) };
}

/** A new link for an unanswered invitation; the old link stops working. */
export async function resendInvitation({
	db,
	actor,
	municipalityId,
	invitationId,
	mail,
	now = new Date()
}: Scope & { invitationId: string; mail: InvitationMailSetup; now?: Date }) {
	const staff = requireRole(actor, municipalityId, backOfficeRoles);
	if (!UUID.test(invitationId)) throw invitationNotFound();
	const token = newToken();
	const updated = await db.transaction(async (tx) => {
		const before = await lockInvitation(tx, municipalityId, invitationId);
		if (!before) throw invitationNotFound();
		if (before.status !== 'invited') throw invitationAlreadyAnswered();
		const facts = await selectInvitationContext(tx, before.id);
		if (!facts?.organisationEmail.trim()) throw invitationNoContactEmail({ organisation: facts?.organisationName ?? '' });
		const after = await updateInvitation(tx, before.id, { tokenHash: hashInvitationToken(token), lastSentAt: now });
		await recordChange(tx, {
			actor: staff,
			municipalityId,
			action: 'update',
			entityType: 'edition_invitation',
			entityId: before.id,
			before: { lastSentAt: before.lastSentAt },
			after: { lastSentAt: after.lastSentAt, resent: true }
		});
		return after;
	});
	await sendInvitationMail(db, mail, updated, token);
}

/** What the answer page shows; an unknown token names no invitation. */
export async function getInvitationByToken({ db, token }: { db: Database; token: string }) {
	const invitation = await selectInvitationByTokenHash(db, hashInvitationToken(token));
	if (!invitation) throw invitationLinkInvalid();
	const context = await selectInvitationContext(db, invitation.id);
	if (!context) throw invitationLinkInvalid();
	return {
		status: invitation.status,
		respondedAt: invitation.respondedAt,
		responseMessage: invitation.responseMessage,
		// The organisation's contact address stays in the back office.
		organisationName: context.organisationName,
		strategyTitle: context.strategyTitle,
		strategySlug: context.strategySlug,
		editionNumber: context.editionNumber,
		periodStart: context.periodStart,
		periodEnd: context.periodEnd,
		municipalityName: context.municipalityName,
		municipalitySlug: context.municipalitySlug,
		timeZone: context.timeZone
	};
}

/** The organisation's answer: once only, so a forwarded link cannot turn an acceptance into a refusal. */
export async function answerInvitation({
	db,
	token,
	answer,
	actor,
	now = new Date()
}: {
	db: Database;
	token: string;
	answer: InvitationAnswer;
	actor: Actor | null;
	now?: Date;
}) {
	await db.transaction(async (tx) => {
		const invitation = await lockInvitationByTokenHash(tx, hashInvitationToken(token));
		if (!invitation) throw invitationLinkInvalid();
		if (invitation.status !== 'invited') throw invitationAlreadyAnswered();
		const after = await updateInvitation(tx, invitation.id, {
			status: answer.answer,
			respondedAt: now,
			responseMessage: answer.message,
			respondedByUserId: actor?.userId ?? null
		});
		await recordChange(tx, {
			actor: actor ?? { system: 'invitation link' },
			municipalityId: invitation.municipalityId,
			action: 'update',
			entityType: 'edition_invitation',
			entityId: invitation.id,
			before: { status: invitation.status },
			after: { status: after.status, respondedAt: after.respondedAt, responseMessage: after.responseMessage }
		});
	});
}

/** For the public list of organisations: per edition, how many organisations were invited and how many accepted. */
export async function summariseInvitations({ db, municipalityId }: { db: Executor; municipalityId: string }) {
	return countInvitationsPerEdition(db, municipalityId);
}

/** Editions staff may invite organisations to, for the link list in the organisation registry. */
export async function listEditionsForInvitations({ db, actor, municipalityId }: Scope) {
	requireRole(actor, municipalityId, backOfficeRoles);
	return selectEditionsOfMunicipality(db, municipalityId);
}
