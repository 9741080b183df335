import { index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id } from '../db/columns';
import { editions } from '../document/document.schema';
import { municipalities } from '../tenancy/tenancy.schema';
import { organisations } from './organisation.schema';
import { authUsers } from './people.schema';

export const invitationStatuses = ['invited', 'accepted', 'declined'] as const;
export type InvitationStatus = (typeof invitationStatuses)[number];
export const invitationStatusEnum = pgEnum('edition_invitation_status', invitationStatuses);

/**
 * An organisation invited to take part in an edition. The mailed link carries a token of which only
 * the hash is kept; it answers once, and a re-sent invitation replaces it.
 */
export const editionInvitations = pgTable(
	'edition_invitations',
	{
		id: id(),
		municipalityId: uuid('municipality_id')
			.notNull()
			.references(() => municipalities.id, { onDelete: 'cascade' }),
		editionId: uuid('edition_id')
			.notNull()
			.references(() => editions.id, { onDelete: 'cascade' }),
		organisationId: uuid('organisation_id')
			.notNull()
			.references(() => organisations.id, { onDelete: 'cascade' }),
		invitedByUserId: text('invited_by').references(() => authUsers.id, { onDelete: 'set null' }),
		invitedAt: timestamp('invited_at', { withTimezone: true }).notNull().defaultNow(),
		lastSentAt: timestamp('last_sent_at', { withTimezone: true }).notNull().defaultNow(),
		status: invitationStatusEnum('status').notNull().default('invited'),
		respondedAt: timestamp('responded_at', { withTimezone: true }),
		responseMessage: text('response_message').notNull().default(''),
		// Set when the person answering was signed in, so the answer appears in their data export.
		respondedByUserId: text('responded_by').references(() => authUsers.id, { onDelete: 'set null' }),
		tokenHash: text('token_hash').notNull(),
		locale: text('locale').notNull().default('de')
	},
	(table) => [
		uniqueIndex('edition_invitations_edition_organisation_idx').on(table.editionId, table.organisationId),
		uniqueIndex('edition_invitations_token_idx').on(table.tokenHash),
		index('edition_invitations_municipality_edition_idx').on(table.municipalityId, table.editionId, table.status),
		index('edition_invitations_responder_idx').on(table.respondedByUserId)
	]
);
