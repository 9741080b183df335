import { sql, type SQL } from 'drizzle-orm';
import { customType, index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { id, timestamps } from '../db/columns';
import { editions, fields } from '../document/document.schema';
import { organisations } from '../people/organisation.schema';
import { events, workingGroups } from './event.schema';
import { authUsers } from '../people/people.schema';
import { districts, municipalities } from '../tenancy/tenancy.schema';
import { searchDocument } from '../shared/text-search';

export const ideaStatuses = ['new', 'considered', 'adopted', 'merged', 'not_pursued'] as const;
export type IdeaStatus = (typeof ideaStatuses)[number];
export const ideaStatusEnum = pgEnum('idea_status', ideaStatuses);

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

const municipalityId = () =>
	uuid('municipality_id')
		.notNull()
		.references(() => municipalities.id, { onDelete: 'cascade' });

export const ideas = pgTable(
	'ideas',
	{
		id: id(),
		municipalityId: municipalityId(),
		editionId: uuid('edition_id')
			.notNull()
			.references(() => editions.id, { onDelete: 'cascade' }),
		fieldId: uuid('field_id')
			.notNull()
			.references(() => fields.id, { onDelete: 'cascade' }),
		districtId: uuid('district_id').references(() => districts.id, { onDelete: 'set null' }),
		// Organisations, events and working groups belong to slices merged later; their foreign keys follow then.
		organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
		eventId: uuid('event_id').references(() => events.id, { onDelete: 'set null' }),
		workingGroupId: uuid('working_group_id').references(() => workingGroups.id, { onDelete: 'set null' }),
		// Transcribed ideas name where they were gathered instead of a person.
		sourceLabel: text('source_label'),
		// A deleted account leaves its ideas behind without an author ("former participant").
		authorUserId: text('author_user_id').references(() => authUsers.id, { onDelete: 'set null' }),
		title: text('title').notNull(),
		body: text('body').notNull(),
		// The language the text was written in, from the page it was written on (see languageOfWriting); empty
		// for texts written before it was recorded, whose script alone tells.
		language: text('language'),
		status: ideaStatusEnum('status').notNull().default('new'),
		statusExplanation: text('status_explanation').notNull().default(''),
		mergedIntoId: uuid('merged_into_id').references((): AnyPgColumn => ideas.id, { onDelete: 'set null' }),
		hiddenReason: text('hidden_reason'),
		// When the author was last told of a comment: at most one such mail an hour, however lively the thread.
		commentsNotifiedAt: timestamp('comments_notified_at', { withTimezone: true }),
		// Weighted like the other kinds' search expressions (the title counts more), and stored, so that the
		// search ranks its matches by reading the vector instead of computing it for each match again.
		searchVector: tsvector('search_vector').generatedAlwaysAs((): SQL => searchDocument(ideas.title, ideas.body)),
		...timestamps()
	},
	(table) => [
		// The list, newest first, and its count to the cap, read from the index alone. With the town's id
		// leading, PostgreSQL no longer intersects a town-wide bitmap of 100,000 ideas with the edition's
		// (10 ms for the capped count at a million ideas, 0.5 ms now; 72 ms → 1 ms filtered by status).
		index('ideas_edition_created_idx').on(table.municipalityId, table.editionId, table.createdAt, table.id),
		index('ideas_edition_status_created_idx').on(table.municipalityId, table.editionId, table.status, table.createdAt, table.id),
		// The list and the open-data API narrowed to a field of action or a district, in the same order: without
		// them PostgreSQL read the whole edition and sorted it for a page of one field.
		index('ideas_edition_field_created_idx').on(table.municipalityId, table.editionId, table.fieldId, table.createdAt, table.id),
		index('ideas_edition_district_created_idx').on(table.municipalityId, table.editionId, table.districtId, table.createdAt, table.id),
		// A town's ideas newest first across its editions: the search reads a common word's newest matches along it.
		index('ideas_town_created_idx').on(table.municipalityId, table.createdAt, table.id),
		index('ideas_author_idx').on(table.authorUserId),
		// The ideas list's choice of events, and an event's deletion (its ideas keep their text, lose the link).
		index('ideas_event_idx').on(table.eventId, table.editionId),
		// Only the ideas gathered at an event, in event order per edition: the ideas list's choice of events
		// steps through it one event at a time, however many events and ideas the town has.
		index('ideas_gathered_idx').on(table.municipalityId, table.editionId, table.eventId).where(sql`${table.eventId} is not null`),
		// With the town leading (btree_gin), the town and the word are intersected inside the index before any
		// row is read. GIN keeps each column's entries apart, so the lookup still takes longer as the town's ideas
		// and the word's uses grow (3 ms for a word in 83,000 of a million ideas, 8,000 of them the town's).
		index('ideas_town_search_idx').using('gin', table.municipalityId, table.searchVector)
		// A misspelt word is looked up among the words of the town's titles (idea-title-words.schema.ts), not in
		// the titles themselves.
	]
);

export const ideaComments = pgTable(
	'idea_comments',
	{
		id: id(),
		municipalityId: municipalityId(),
		ideaId: uuid('idea_id')
			.notNull()
			.references(() => ideas.id, { onDelete: 'cascade' }),
		// Replies hang under a top-level comment only: one level of threading.
		parentId: uuid('parent_id').references((): AnyPgColumn => ideaComments.id, { onDelete: 'cascade' }),
		authorUserId: text('author_user_id').references(() => authUsers.id, { onDelete: 'set null' }),
		body: text('body').notNull(),
		language: text('language'),
		hiddenReason: text('hidden_reason'),
		// When the comment's author was last told of a reply: at most one such mail an hour.
		repliesNotifiedAt: timestamp('replies_notified_at', { withTimezone: true }),
		...timestamps()
	},
	(table) => [
		index('idea_comments_idea_created_idx').on(table.ideaId, table.createdAt),
		index('idea_comments_municipality_idx').on(table.municipalityId)
	]
);

export const ideaSupports = pgTable(
	'idea_supports',
	{
		id: id(),
		municipalityId: municipalityId(),
		ideaId: uuid('idea_id')
			.notNull()
			.references(() => ideas.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => authUsers.id, { onDelete: 'cascade' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	// One support per person and idea, enforced by the database even under concurrent clicks.
	(table) => [uniqueIndex('idea_supports_idea_user_idx').on(table.ideaId, table.userId)]
);

export const ideaReports = pgTable(
	'idea_reports',
	{
		id: id(),
		municipalityId: municipalityId(),
		ideaId: uuid('idea_id')
			.notNull()
			.references(() => ideas.id, { onDelete: 'cascade' }),
		commentId: uuid('comment_id').references(() => ideaComments.id, { onDelete: 'cascade' }),
		reporterUserId: text('reporter_user_id').references(() => authUsers.id, { onDelete: 'set null' }),
		reason: text('reason').notNull(),
		resolvedAt: timestamp('resolved_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [index('idea_reports_open_idx').on(table.municipalityId, table.resolvedAt, table.createdAt)]
);
