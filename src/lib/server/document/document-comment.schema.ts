import { sql } from 'drizzle-orm';
import { index, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { id, timestamps } from '../db/columns';
import { authUsers } from '../people/people.schema';
import { municipalities } from '../tenancy/tenancy.schema';
import { editions } from './document.schema';

// The same list as documentCommentStatuses in $lib/validation/document-comment (forms do not import database code).
export const documentCommentStatuses = ['open', 'taken_into_account', 'not_taken_into_account'] as const;
export type DocumentCommentStatus = (typeof documentCommentStatuses)[number];
export const documentCommentStatusEnum = pgEnum('document_comment_status', documentCommentStatuses);

/**
 * A comment on one paragraph, field, goal or measure of a published version, named by its anchor in
 * that version's snapshot. It stays with the version it was written on: a later version gets its own.
 */
export const documentComments = pgTable(
	'document_comments',
	{
		id: id(),
		municipalityId: uuid('municipality_id')
			.notNull()
			.references(() => municipalities.id, { onDelete: 'cascade' }),
		editionId: uuid('edition_id')
			.notNull()
			.references(() => editions.id, { onDelete: 'cascade' }),
		// No foreign key on purpose: a key on document_versions would change how the database refuses a
		// TRUNCATE of the immutable versions. A version goes only with its edition, and so do its comments.
		versionId: uuid('version_id').notNull(),
		anchor: text('anchor').notNull(),
		authorUserId: text('author_user_id').references(() => authUsers.id, { onDelete: 'set null' }),
		body: text('body').notNull(),
		// The language the comment was written in, as on ideas (languageOfWriting); empty for older comments.
		language: text('language'),
		status: documentCommentStatusEnum('status').notNull().default('open'),
		answer: text('answer'),
		answeredBy: text('answered_by').references(() => authUsers.id, { onDelete: 'set null' }),
		answeredByName: text('answered_by_name'),
		answeredAt: timestamp('answered_at', { withTimezone: true }),
		// Hidden comments keep their text for the audit trail; only the public stops seeing them.
		hiddenReason: text('hidden_reason'),
		hiddenBy: text('hidden_by').references(() => authUsers.id, { onDelete: 'set null' }),
		hiddenAt: timestamp('hidden_at', { withTimezone: true }),
		...timestamps()
	},
	(table) => [
		index('document_comments_version_anchor_idx').on(table.municipalityId, table.versionId, table.anchor, table.createdAt),
		index('document_comments_visible_count_idx')
			.on(table.municipalityId, table.versionId, table.anchor)
			.where(sql`${table.hiddenReason} is null`),
		index('document_comments_edition_idx').on(table.municipalityId, table.editionId, table.createdAt),
		index('document_comments_author_idx').on(table.authorUserId, table.createdAt)
	]
);
