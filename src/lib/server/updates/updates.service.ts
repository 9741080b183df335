// Updates own who asked to hear by e-mail when a strategy moves on (double opt-in, a way out in every mail) and
// the notices of that news: queued in the transaction that made it, mailed in batches after it committed.
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Locale } from '$lib/paraglide/runtime';
import type { Database, Executor } from '../db/client';
import type { EditionStage } from '../document/document.schema';
import type { Mailer } from '../mail/mail.service';
import { requireMunicipalityAdmin, type Actor } from '../people/actor';
import { recordChange } from '../audit/audit.service';
import type { StrategyMessageInput } from '$lib/validation/updates';
import { updatesLinkInvalid, updatesStrategyNotFound } from './updates.errors';
import { composeConfirmationMail, composeNoticeMail, type NoticeMailContent } from './updates.mail';
import {
	countConfirmedSubscriptions,
	countPendingNotices,
	deleteSubscriptionByToken,
	deleteSubscriptionsOfAddress,
	deleteUnconfirmedBefore,
	deleteUnstartedStageNotices,
	insertNotice,
	insertSubscription,
	lockNextPendingNotice,
	lockSubscriptionOfAddress,
	markNoticeCompleted,
	markSubscriptionConfirmed,
	recordNoticeProgress,
	renewUnconfirmedSubscription,
	selectEditionOfNotice,
	selectNoticeContext,
	selectNoticeEvent,
	selectRecentNotices,
	selectRecipients,
	selectStrategyOfMunicipality,
	selectSubscriptionByToken,
	selectSubscriptionsOfAddress,
	type Notice
} from './updates.queries';

export const UPDATE_NOTICE_CHANNEL = 'leitbild_strategy_notice';
/** How long a confirmation link works; unconfirmed addresses are deleted after it. */
export const CONFIRMATION_DAYS = 7;
const DAY = 86_400_000;

type MailSetup = { mailer: Mailer; origin: string; locale: Locale };

const newToken = () => randomBytes(32).toString('base64url');

/**
 * Asks the address to confirm. Whether it was already subscribed is not told (nor mailed again): the page
 * answers the same for every address, so it reveals nobody's subscriptions.
 */
export async function subscribeToStrategy({
	db,
	municipalityId,
	municipalityName,
	strategySlug,
	email,
	mail,
	now = new Date()
}: {
	db: Database;
	municipalityId: string;
	municipalityName: string;
	strategySlug: string;
	email: string;
	mail: MailSetup;
	now?: Date;
}): Promise<void> {
	const address = email.trim().toLowerCase();
	const confirmation = await db.transaction(async (tx) => {
		const strategy = await selectStrategyOfMunicipality(tx, municipalityId, strategySlug);
		if (!strategy) throw updatesStrategyNotFound({ slug: strategySlug });
		await deleteUnconfirmedBefore(tx, strategy.id, new Date(now.getTime() - CONFIRMATION_DAYS * DAY));
		const token = newToken();
		const existing = await lockSubscriptionOfAddress(tx, strategy.id, address);
		if (existing?.confirmedAt) return undefined;
		if (existing) await renewUnconfirmedSubscription(tx, existing.id, { locale: mail.locale, origin: mail.origin, token, createdAt: now });
		else if (!(await insertSubscription(tx, { municipalityId, strategyId: strategy.id, email: address, locale: mail.locale, origin: mail.origin, token, createdAt: now })))
			return undefined;
		return { token, strategyTitle: strategy.title };
	});
	if (!confirmation) return;
	await mail.mailer.send(
		composeConfirmationMail({ to: address, token: confirmation.token, origin: mail.origin, locale: mail.locale, strategyTitle: confirmation.strategyTitle, municipalityName })
	);
}

function isLinkUsable(subscription: { confirmedAt: Date | null; createdAt: Date }, now: Date) {
	return subscription.confirmedAt !== null || now.getTime() - subscription.createdAt.getTime() <= CONFIRMATION_DAYS * DAY;
}

/** What the page behind a mailed link shows: the subscription, confirmed or waiting for confirmation. */
export async function getSubscriptionByToken({ db, token, now = new Date() }: { db: Database; token: string; now?: Date }) {
	const row = await selectSubscriptionByToken(db, token);
	if (!row || !isLinkUsable(row.subscription, now)) throw updatesLinkInvalid();
	return {
		email: row.subscription.email,
		confirmed: row.subscription.confirmedAt !== null,
		strategyTitle: row.strategyTitle,
		strategyPath: `/${row.municipalitySlug}/strategies/${row.strategySlug}`,
		municipalityName: row.municipalityName
	};
}

/** Confirming twice is harmless: the second click finds it confirmed. */
export async function confirmSubscription({ db, token, now = new Date() }: { db: Database; token: string; now?: Date }) {
	await db.transaction(async (tx) => {
		const row = await selectSubscriptionByToken(tx, token);
		if (!row || !isLinkUsable(row.subscription, now)) throw updatesLinkInvalid();
		await markSubscriptionConfirmed(tx, row.subscription.id, now);
	});
}

/** Ends the subscription and forgets the address. */
export async function unsubscribe({ db, token }: { db: Database; token: string }) {
	if (!(await deleteSubscriptionByToken(db, token))) throw updatesLinkInvalid();
}

// ——— News, from the document domain's writes ———

/**
 * Inside the transaction that moved the edition to `stage`. An earlier stage notice of the edition that has
 * not begun to go out is dropped: subscribers hear where the edition stands, not each correction on the way.
 */
export async function announceEditionStage(tx: Executor, { municipalityId, editionId, stage }: { municipalityId: string; editionId: string; stage: EditionStage }) {
	const edition = await selectEditionOfNotice(tx, municipalityId, editionId);
	if (!edition) return;
	await deleteUnstartedStageNotices(tx, editionId);
	await insertNotice(tx, { municipalityId, strategyId: edition.strategyId, editionId, kind: 'stage', stage });
	await wakeDispatch(tx);
}

/** Inside the transaction that published a new version of the edition's draft. */
export async function announceDraftVersion(tx: Executor, { municipalityId, editionId, versionNumber }: { municipalityId: string; editionId: string; versionNumber: number }) {
	const edition = await selectEditionOfNotice(tx, municipalityId, editionId);
	if (!edition) return;
	await insertNotice(tx, { municipalityId, strategyId: edition.strategyId, editionId, kind: 'version', versionNumber });
	await wakeDispatch(tx);
}

/**
 * Inside the transaction that created a published event of the edition (a workshop, a working-group meeting):
 * an invitation to come, for whoever follows the strategy.
 */
export async function announceEditionEvent(tx: Executor, { municipalityId, editionId, eventId }: { municipalityId: string; editionId: string; eventId: string }) {
	const edition = await selectEditionOfNotice(tx, municipalityId, editionId);
	if (!edition) return;
	await insertNotice(tx, { municipalityId, strategyId: edition.strategyId, editionId, kind: 'event', eventId });
	await wakeDispatch(tx);
}

/** The office writes to everyone who follows the strategy: recorded in the audit log with its words. */
export async function sendMessageToSubscribers({
	db,
	actor,
	municipalityId,
	strategySlug,
	input
}: {
	db: Database;
	actor: Actor | null;
	municipalityId: string;
	strategySlug: string;
	input: StrategyMessageInput;
}) {
	const admin = requireMunicipalityAdmin(actor, municipalityId);
	await db.transaction(async (tx) => {
		const strategy = await selectStrategyOfMunicipality(tx, municipalityId, strategySlug);
		if (!strategy) throw updatesStrategyNotFound({ slug: strategySlug });
		const noticeId = await insertNotice(tx, { municipalityId, strategyId: strategy.id, kind: 'message', subject: input.subject, body: input.body });
		await recordChange(tx, { actor: admin, municipalityId, action: 'create', entityType: 'strategy_message', entityId: noticeId, after: { strategyId: strategy.id, ...input } });
		await wakeDispatch(tx);
	});
}

// PostgreSQL delivers it only when the transaction commits, to every server listening.
const wakeDispatch = (tx: Executor) => tx.execute(sql`select pg_notify(${UPDATE_NOTICE_CHANNEL}, '')`);

// ——— Sending ———

export type DispatchOptions = { db: Database; mailer: Mailer; publicOrigin?: string; batchSize?: number; now?: () => Date; onMailed?: () => void };

/** What the notice says, or nothing when its news is gone (an event cancelled or withdrawn before it went out). */
async function contentOf(tx: Executor, notice: Notice, now: Date): Promise<NoticeMailContent | undefined> {
	const context = await selectNoticeContext(tx, notice);
	if (!context) return undefined;
	const { editionNumber, periodStart, periodEnd, ...strategy } = context;
	if (notice.kind === 'message') return notice.subject && notice.body ? { ...strategy, kind: 'message', subject: notice.subject, body: notice.body } : undefined;
	if (editionNumber === null || periodStart === null || periodEnd === null) return undefined;
	const edition = { number: editionNumber, periodStart, periodEnd };
	if (notice.kind === 'stage' && notice.stage) return { ...strategy, edition, kind: 'stage', stage: notice.stage };
	if (notice.kind === 'version' && notice.versionNumber !== null) return { ...strategy, edition, kind: 'version', versionNumber: notice.versionNumber };
	if (notice.kind === 'event' && notice.eventId) {
		const event = await selectNoticeEvent(tx, notice.municipalityId, notice.eventId);
		if (!event || event.status !== 'planned' || event.publication !== 'published' || event.startsAt <= now) return undefined;
		return { ...strategy, edition, kind: 'event', event };
	}
	return undefined;
}

type BatchOutcome = 'mailed' | 'idle' | { failed: unknown };

/**
 * Mails one batch of the oldest pending notice. The notice's row stays locked while its batch goes out, so
 * two servers never mail the same batch. The progress of the mails that went out is kept when one fails,
 * so a mail server that gives up midway costs no subscriber a second copy.
 */
async function dispatchBatch({ db, mailer, publicOrigin, batchSize = 50, now = () => new Date(), onMailed }: DispatchOptions): Promise<BatchOutcome> {
	return db.transaction(async (tx): Promise<BatchOutcome> => {
		const notice = await lockNextPendingNotice(tx);
		if (!notice) return 'idle';
		const content = await contentOf(tx, notice, now());
		const recipients = content ? await selectRecipients(tx, notice, batchSize) : [];
		if (!content || recipients.length === 0) {
			await markNoticeCompleted(tx, notice.id, now());
			return 'mailed';
		}
		let mailed = 0;
		let failed: { failed: unknown } | undefined;
		for (const recipient of recipients) {
			const origin = publicOrigin ?? recipient.origin;
			try {
				await mailer.send(composeNoticeMail({ to: recipient.email, token: recipient.token, origin, locale: recipient.locale as Locale, content }));
			} catch (error) {
				failed = { failed: error };
				break;
			}
			mailed += 1;
			onMailed?.();
		}
		// Progress counts only once the transaction commits, so it is written once, for what went out.
		if (mailed > 0) await recordNoticeProgress(tx, notice.id, recipients[mailed - 1].id, mailed);
		return failed ?? 'mailed';
	});
}

/** Mails every pending notice. A mail that cannot be sent ends the run with its error; the next run goes on from there. */
export async function dispatchNotices(options: DispatchOptions): Promise<void> {
	for (;;) {
		const outcome = await dispatchBatch(options);
		if (outcome === 'idle') return;
		if (outcome !== 'mailed') throw new Error('A notice mail could not be sent', { cause: outcome.failed });
	}
}

/** The mail queue's length, for /metrics. */
export const countNoticesToSend = ({ db }: { db: Database }) => countPendingNotices(db);

// ——— The back office ———

export async function getUpdatesForAdmin({
	db,
	actor,
	municipalityId,
	strategyId
}: {
	db: Database;
	actor: Actor | null;
	municipalityId: string;
	strategyId: string;
}) {
	requireMunicipalityAdmin(actor, municipalityId);
	const [subscribers, notices] = await Promise.all([
		countConfirmedSubscriptions(db, municipalityId, strategyId),
		selectRecentNotices(db, municipalityId, strategyId, 10)
	]);
	return { subscribers, notices };
}

// ——— The account's own data ———

export const listSubscriptionsOfAddress = ({ db, email }: { db: Executor; email: string }) => selectSubscriptionsOfAddress(db, email.toLowerCase());

/** With the account, its address's subscriptions go too. */
export const forgetSubscriptionsOfAddress = (tx: Executor, email: string) => deleteSubscriptionsOfAddress(tx, email.toLowerCase());
