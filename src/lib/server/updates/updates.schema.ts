import { sql } from 'drizzle-orm';
import { index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id } from '../db/columns';
import { editionStageEnum, editions, strategies } from '../document/document.schema';
import { events } from '../participation/event.schema';
import { municipalities } from '../tenancy/tenancy.schema';

const ofStrategy = () => ({
	municipalityId: uuid('municipality_id')
		.notNull()
		.references(() => municipalities.id, { onDelete: 'cascade' }),
	strategyId: uuid('strategy_id')
		.notNull()
		.references(() => strategies.id, { onDelete: 'cascade' })
});

/**
 * An address that asked to hear by e-mail when a strategy moves on. It counts only once confirmed through
 * the mailed link. The token stands in every notice's unsubscribe link, so it is kept as it was sent;
 * it grants nothing but confirming and ending this one subscription.
 */
export const strategySubscriptions = pgTable(
	'strategy_subscriptions',
	{
		id: id(),
		...ofStrategy(),
		email: text('email').notNull(),
		locale: text('locale').notNull(),
		// The address the subscriber used; the notices link there unless ORIGIN names the public one.
		origin: text('origin').notNull(),
		token: text('token').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		confirmedAt: timestamp('confirmed_at', { withTimezone: true })
	},
	(table) => [
		uniqueIndex('strategy_subscriptions_strategy_email_idx').on(table.strategyId, table.email),
		uniqueIndex('strategy_subscriptions_token_idx').on(table.token),
		index('strategy_subscriptions_email_idx').on(table.email),
		index('strategy_subscriptions_confirmed_idx').on(table.strategyId, table.id).where(sql`confirmed_at is not null`)
	]
);

export const strategyNoticeKinds = ['stage', 'version', 'event', 'message'] as const;
export type StrategyNoticeKind = (typeof strategyNoticeKinds)[number];
export const strategyNoticeKindEnum = pgEnum('strategy_notice_kind', strategyNoticeKinds);

/**
 * One piece of news about a strategy, mailed to its confirmed subscribers in batches. `sentThrough` is the
 * last subscription mailed (they go out in id order), so a restart goes on where the last batch ended.
 */
export const strategyNotices = pgTable(
	'strategy_notices',
	{
		id: id(),
		...ofStrategy(),
		// Empty for a message the office writes to the strategy's subscribers.
		editionId: uuid('edition_id').references(() => editions.id, { onDelete: 'cascade' }),
		kind: strategyNoticeKindEnum('kind').notNull(),
		stage: editionStageEnum('stage'),
		versionNumber: integer('version_number'),
		// An event of the edition: a deleted event takes its notice along.
		eventId: uuid('event_id').references(() => events.id, { onDelete: 'cascade' }),
		// A message's own words, plain text.
		subject: text('subject'),
		body: text('body'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		sentThrough: uuid('sent_through'),
		recipients: integer('recipients').notNull().default(0),
		completedAt: timestamp('completed_at', { withTimezone: true })
	},
	(table) => [
		index('strategy_notices_pending_idx').on(table.createdAt).where(sql`completed_at is null`),
		index('strategy_notices_strategy_idx').on(table.municipalityId, table.strategyId, table.createdAt),
		index('strategy_notices_event_idx').on(table.eventId)
	]
);
