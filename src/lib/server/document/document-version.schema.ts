import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, timestamps } from '../db/columns';
import { municipalities } from '../tenancy/tenancy.schema';
import { editions } from './document.schema';
import type { DocumentSnapshot } from './document.snapshot';

const municipalityId = () =>
	uuid('municipality_id')
		.notNull()
		.references(() => municipalities.id, { onDelete: 'cascade' });

const editionId = () =>
	uuid('edition_id')
		.notNull()
		.references(() => editions.id, { onDelete: 'cascade' });

/** The working state of an edition's free text: its introduction (one row per edition). */
export const documentDrafts = pgTable(
	'document_drafts',
	{
		id: id(),
		municipalityId: municipalityId(),
		editionId: editionId(),
		introduction: text('introduction').notNull().default(''),
		...timestamps()
	},
	(table) => [uniqueIndex('document_drafts_edition_idx').on(table.editionId)]
);

/** Free sections of an edition's document (markdown), printed after the fields of action. */
export const documentSections = pgTable(
	'document_sections',
	{
		id: id(),
		municipalityId: municipalityId(),
		editionId: editionId(),
		// Anchors on the public page and the comparison of versions follow a section by this id.
		lineageId: uuid('lineage_id').notNull().defaultRandom(),
		title: text('title').notNull(),
		body: text('body').notNull().default(''),
		position: integer('position').notNull().default(0),
		...timestamps()
	},
	(table) => [index('document_sections_edition_position_idx').on(table.municipalityId, table.editionId, table.position)]
);

/**
 * A published version: an immutable snapshot of the whole document. A trigger (migration
 * d-versions-extras) refuses every UPDATE and every DELETE that does not come with its edition.
 * published_by has no foreign key on purpose: a key with ON DELETE SET NULL would have to update the row.
 */
export const documentVersions = pgTable(
	'document_versions',
	{
		id: id(),
		municipalityId: municipalityId(),
		editionId: editionId(),
		number: integer('number').notNull(),
		title: text('title').notNull(),
		changeSummary: text('change_summary').notNull().default(''),
		publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
		publishedBy: text('published_by'),
		publishedByName: text('published_by_name').notNull().default(''),
		snapshot: jsonb('snapshot').$type<DocumentSnapshot>().notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().default(sql`now()`)
	},
	(table) => [
		uniqueIndex('document_versions_edition_number_idx').on(table.editionId, table.number),
		index('document_versions_municipality_edition_idx').on(table.municipalityId, table.editionId, table.number)
	]
);
