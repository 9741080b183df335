import { integer, pgTable, primaryKey, uuid } from 'drizzle-orm/pg-core';
import { editions, fields } from '../document/document.schema';
import { municipalities } from '../tenancy/tenancy.schema';

/**
 * How many visible ideas each field of action of an edition holds, kept by triggers on ideas (migration
 * 0041) in the same transaction as the ideas themselves. The trace page shows these numbers for every
 * field; counting an edition's ideas on each visit grew with the edition (its p50 at 50 connections went
 * from 326 ms with 1,000 ideas an edition to 4.1 s with 100,000).
 */
export const ideaFieldTallies = pgTable(
	'idea_field_tallies',
	{
		municipalityId: uuid('municipality_id')
			.notNull()
			.references(() => municipalities.id, { onDelete: 'cascade' }),
		editionId: uuid('edition_id')
			.notNull()
			.references(() => editions.id, { onDelete: 'cascade' }),
		fieldId: uuid('field_id')
			.notNull()
			.references(() => fields.id, { onDelete: 'cascade' }),
		visibleIdeas: integer('visible_ideas').notNull().default(0)
	},
	(table) => [primaryKey({ columns: [table.municipalityId, table.editionId, table.fieldId] })]
);
