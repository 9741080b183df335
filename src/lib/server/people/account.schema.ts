import { boolean, index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { id } from '../db/columns';
import { authUsers } from './people.schema';

// Accounts are install-wide (a resident may take part in several municipalities), so the tables of
// the account itself carry no municipality; everything a person does inside a municipality does.

/** Each time someone agrees to the privacy notice: which version, in which language, when. */
export const consents = pgTable(
	'account_consents',
	{
		id: id(),
		userId: text('user_id')
			.notNull()
			.references(() => authUsers.id, { onDelete: 'cascade' }),
		noticeVersion: text('notice_version').notNull(),
		locale: text('locale').notNull(),
		consentedAt: timestamp('consented_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [index('account_consents_user_idx').on(table.userId)]
);

export const accountProfiles = pgTable('account_profiles', {
	userId: text('user_id')
		.primaryKey()
		.references(() => authUsers.id, { onDelete: 'cascade' }),
	languages: text('languages').array().notNull().default([]),
	// A mail when someone comments on one's ideas; an account without a profile row gets them too.
	notifyOnComments: boolean('notify_on_comments').notNull().default(true),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
});

/** One-time links that prove an e-mail address; only the SHA-256 of the token is kept. */
export const emailVerificationTokens = pgTable(
	'account_email_verifications',
	{
		id: id(),
		userId: text('user_id')
			.notNull()
			.references(() => authUsers.id, { onDelete: 'cascade' }),
		tokenHash: text('token_hash').notNull().unique(),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [index('account_email_verifications_user_idx').on(table.userId)]
);
