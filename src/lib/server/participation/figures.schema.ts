import { date, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { id, timestamps } from '../db/columns';
import { editions } from '../document/document.schema';
import { authUsers } from '../people/people.schema';
import { municipalities } from '../tenancy/tenancy.schema';

/**
 * People who took part outside the system (paper lists, a stand at a street festival): entered by
 * staff with a label saying where the number comes from, and always shown apart from the computed figures.
 */
export const editionOfflineCounts = pgTable(
	'edition_offline_counts',
	{
		id: id(),
		municipalityId: uuid('municipality_id')
			.notNull()
			.references(() => municipalities.id, { onDelete: 'cascade' }),
		editionId: uuid('edition_id')
			.notNull()
			.references(() => editions.id, { onDelete: 'cascade' }),
		label: text('label').notNull(),
		people: integer('people').notNull(),
		note: text('note').notNull().default(''),
		countedOn: date('counted_on').notNull(),
		createdByUserId: text('created_by_user_id').references(() => authUsers.id, { onDelete: 'set null' }),
		...timestamps()
	},
	(table) => [index('edition_offline_counts_edition_idx').on(table.municipalityId, table.editionId, table.countedOn)]
);
