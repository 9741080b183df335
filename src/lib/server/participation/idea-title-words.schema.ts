import { index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { municipalities } from '../tenancy/tenancy.schema';

/**
 * The words of a town's idea titles, each with how many ideas' titles hold it, kept by triggers on ideas
 * (migration 0046) in the same transaction as the ideas. The ideas list looks a misspelt word up here and then
 * searches the ideas for the words it resembles: compared with every title of the town instead, a word like
 * "Zuwanderung" had 2,018 of 100,000 titles to check, and their number grows with the town's ideas, while a
 * town's vocabulary hardly does. A word whose count fell to 0 stays (its row is reused) and is not looked up.
 */
export const ideaTitleWords = pgTable(
	'idea_title_words',
	{
		municipalityId: uuid('municipality_id')
			.notNull()
			.references(() => municipalities.id, { onDelete: 'cascade' }),
		/** Lower case, as the `simple` text search configuration splits a title. */
		word: text('word').notNull(),
		ideas: integer('ideas').notNull().default(0)
	},
	(table) => [
		primaryKey({ columns: [table.municipalityId, table.word] }),
		index('idea_title_words_trgm_idx').using('gin', table.municipalityId, table.word.op('gin_trgm_ops'))
	]
);
