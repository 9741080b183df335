import { and, asc, count, desc, eq, gt, isNotNull, isNull, lt, lte, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { editions, strategies, type EditionStage } from '../document/document.schema';
import { events } from '../participation/event.schema';
import { municipalities } from '../tenancy/tenancy.schema';
import { strategyNotices, strategySubscriptions, type StrategyNoticeKind } from './updates.schema';

export type Subscription = typeof strategySubscriptions.$inferSelect;
export type Notice = typeof strategyNotices.$inferSelect;

export async function selectStrategyOfMunicipality(db: Executor, municipalityId: string, slug: string) {
	const [row] = await db
		.select({ id: strategies.id, title: strategies.title, slug: strategies.slug })
		.from(strategies)
		.where(and(eq(strategies.municipalityId, municipalityId), eq(strategies.slug, slug)))
		.limit(1);
	return row;
}

export async function lockSubscriptionOfAddress(tx: Executor, strategyId: string, email: string) {
	const [row] = await tx
		.select()
		.from(strategySubscriptions)
		.where(and(eq(strategySubscriptions.strategyId, strategyId), eq(strategySubscriptions.email, email)))
		.for('update')
		.limit(1);
	return row as Subscription | undefined;
}

export async function insertSubscription(tx: Executor, values: typeof strategySubscriptions.$inferInsert) {
	// A second request for the same address at the same moment finds the first one's row instead.
	const [row] = await tx.insert(strategySubscriptions).values(values).onConflictDoNothing().returning();
	return row as Subscription | undefined;
}

export async function renewUnconfirmedSubscription(tx: Executor, id: string, values: { locale: string; origin: string; token: string; createdAt: Date }) {
	await tx
		.update(strategySubscriptions)
		.set(values)
		.where(and(eq(strategySubscriptions.id, id), isNull(strategySubscriptions.confirmedAt)));
}

/** The subscription behind a mailed link, with what its page names. */
export async function selectSubscriptionByToken(db: Executor, token: string) {
	const [row] = await db
		.select({
			subscription: strategySubscriptions,
			strategyTitle: strategies.title,
			strategySlug: strategies.slug,
			municipalityName: municipalities.name,
			municipalitySlug: municipalities.slug
		})
		.from(strategySubscriptions)
		.innerJoin(strategies, eq(strategies.id, strategySubscriptions.strategyId))
		.innerJoin(municipalities, eq(municipalities.id, strategySubscriptions.municipalityId))
		.where(eq(strategySubscriptions.token, token))
		.limit(1);
	return row;
}

export async function markSubscriptionConfirmed(tx: Executor, id: string, at: Date) {
	const [row] = await tx
		.update(strategySubscriptions)
		.set({ confirmedAt: at })
		.where(and(eq(strategySubscriptions.id, id), isNull(strategySubscriptions.confirmedAt)))
		.returning({ id: strategySubscriptions.id });
	return row !== undefined;
}

export async function deleteSubscriptionByToken(tx: Executor, token: string) {
	const [row] = await tx.delete(strategySubscriptions).where(eq(strategySubscriptions.token, token)).returning({ id: strategySubscriptions.id });
	return row !== undefined;
}

/** The strategy's requests nobody confirmed in time: they never counted and are not kept. */
export async function deleteUnconfirmedBefore(tx: Executor, strategyId: string, before: Date) {
	await tx
		.delete(strategySubscriptions)
		.where(and(eq(strategySubscriptions.strategyId, strategyId), isNull(strategySubscriptions.confirmedAt), lt(strategySubscriptions.createdAt, before)));
}

export async function deleteSubscriptionsOfAddress(tx: Executor, email: string) {
	await tx.delete(strategySubscriptions).where(eq(strategySubscriptions.email, email));
}

export async function selectSubscriptionsOfAddress(db: Executor, email: string) {
	return db
		.select({
			municipality: municipalities.name,
			strategy: strategies.title,
			locale: strategySubscriptions.locale,
			createdAt: strategySubscriptions.createdAt,
			confirmedAt: strategySubscriptions.confirmedAt
		})
		.from(strategySubscriptions)
		.innerJoin(strategies, eq(strategies.id, strategySubscriptions.strategyId))
		.innerJoin(municipalities, eq(municipalities.id, strategySubscriptions.municipalityId))
		.where(eq(strategySubscriptions.email, email))
		.orderBy(asc(strategySubscriptions.createdAt))
		.limit(1000);
}

export async function selectEditionOfNotice(tx: Executor, municipalityId: string, editionId: string) {
	const [row] = await tx
		.select({ id: editions.id, strategyId: editions.strategyId, stage: editions.stage })
		.from(editions)
		.where(and(eq(editions.municipalityId, municipalityId), eq(editions.id, editionId)))
		.limit(1);
	return row;
}

export async function insertNotice(
	tx: Executor,
	values: {
		municipalityId: string;
		strategyId: string;
		editionId?: string;
		kind: StrategyNoticeKind;
		stage?: EditionStage;
		versionNumber?: number;
		eventId?: string;
		subject?: string;
		body?: string;
	}
) {
	const [row] = await tx.insert(strategyNotices).values(values).returning({ id: strategyNotices.id });
	return row.id;
}

/** A stage notice not yet begun for this edition: a later change of stage replaces it rather than mailing twice. */
export async function deleteUnstartedStageNotices(tx: Executor, editionId: string) {
	await tx
		.delete(strategyNotices)
		.where(
			and(
				eq(strategyNotices.editionId, editionId),
				eq(strategyNotices.kind, 'stage'),
				isNull(strategyNotices.completedAt),
				isNull(strategyNotices.sentThrough)
			)
		);
}

/** The oldest notice still to send that no other server is sending now. */
export async function lockNextPendingNotice(tx: Executor) {
	const [row] = await tx
		.select()
		.from(strategyNotices)
		.where(isNull(strategyNotices.completedAt))
		.orderBy(asc(strategyNotices.createdAt))
		.for('update', { skipLocked: true })
		.limit(1);
	return row as Notice | undefined;
}

/** The strategy a notice is about, with its municipality and, for news of an edition, that edition. */
export async function selectNoticeContext(tx: Executor, notice: Notice) {
	const [row] = await tx
		.select({
			municipalityName: municipalities.name,
			municipalitySlug: municipalities.slug,
			timeZone: municipalities.timeZone,
			strategyTitle: strategies.title,
			strategySlug: strategies.slug,
			editionNumber: editions.number,
			periodStart: editions.periodStart,
			periodEnd: editions.periodEnd
		})
		.from(strategies)
		.innerJoin(municipalities, eq(municipalities.id, strategies.municipalityId))
		.leftJoin(editions, and(eq(editions.strategyId, strategies.id), notice.editionId ? eq(editions.id, notice.editionId) : sql`false`))
		.where(and(eq(strategies.municipalityId, notice.municipalityId), eq(strategies.id, notice.strategyId)))
		.limit(1);
	return row;
}

export async function selectNoticeEvent(tx: Executor, municipalityId: string, eventId: string) {
	const [row] = await tx
		.select({
			id: events.id,
			title: events.title,
			startsAt: events.startsAt,
			endsAt: events.endsAt,
			place: events.place,
			address: events.address,
			onlineUrl: events.onlineUrl,
			status: events.status,
			publication: events.publication
		})
		.from(events)
		.where(and(eq(events.municipalityId, municipalityId), eq(events.id, eventId)))
		.limit(1);
	return row;
}

/** The next confirmed subscribers of the notice's strategy, in id order after the last one mailed. */
export async function selectRecipients(tx: Executor, notice: Notice, limit: number) {
	return tx
		.select({ id: strategySubscriptions.id, email: strategySubscriptions.email, locale: strategySubscriptions.locale, origin: strategySubscriptions.origin, token: strategySubscriptions.token })
		.from(strategySubscriptions)
		.where(
			and(
				eq(strategySubscriptions.strategyId, notice.strategyId),
				isNotNull(strategySubscriptions.confirmedAt),
				// Whoever confirmed after the news hears the next one, not this one.
				lte(strategySubscriptions.confirmedAt, notice.createdAt),
				notice.sentThrough ? gt(strategySubscriptions.id, notice.sentThrough) : undefined
			)
		)
		.orderBy(asc(strategySubscriptions.id))
		.limit(limit);
}

export async function recordNoticeProgress(tx: Executor, noticeId: string, sentThrough: string, mailed: number) {
	await tx
		.update(strategyNotices)
		.set({ sentThrough, recipients: sql`${strategyNotices.recipients} + ${mailed}` })
		.where(eq(strategyNotices.id, noticeId));
}

export async function markNoticeCompleted(tx: Executor, noticeId: string, at: Date) {
	await tx.update(strategyNotices).set({ completedAt: at }).where(eq(strategyNotices.id, noticeId));
}

export async function countConfirmedSubscriptions(db: Executor, municipalityId: string, strategyId: string) {
	const [row] = await db
		.select({ confirmed: count() })
		.from(strategySubscriptions)
		.where(
			and(
				eq(strategySubscriptions.municipalityId, municipalityId),
				eq(strategySubscriptions.strategyId, strategyId),
				isNotNull(strategySubscriptions.confirmedAt)
			)
		);
	return row?.confirmed ?? 0;
}

export async function selectRecentNotices(db: Executor, municipalityId: string, strategyId: string, limit: number) {
	return db
		.select({
			id: strategyNotices.id,
			kind: strategyNotices.kind,
			stage: strategyNotices.stage,
			versionNumber: strategyNotices.versionNumber,
			eventTitle: events.title,
			subject: strategyNotices.subject,
			editionNumber: editions.number,
			createdAt: strategyNotices.createdAt,
			completedAt: strategyNotices.completedAt,
			recipients: strategyNotices.recipients
		})
		.from(strategyNotices)
		.leftJoin(editions, eq(editions.id, strategyNotices.editionId))
		.leftJoin(events, eq(events.id, strategyNotices.eventId))
		.where(and(eq(strategyNotices.municipalityId, municipalityId), eq(strategyNotices.strategyId, strategyId)))
		.orderBy(desc(strategyNotices.createdAt))
		.limit(limit);
}

/** Notices still to mail, through the partial index of pending notices. */
export async function countPendingNotices(db: Executor) {
	const [row] = await db.select({ pending: count() }).from(strategyNotices).where(isNull(strategyNotices.completedAt));
	return row?.pending ?? 0;
}
