import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id } from '../db/columns';
import { ideas } from '../participation/idea.schema';
import { authUsers } from '../people/people.schema';
import { municipalities } from '../tenancy/tenancy.schema';
import { editions, goals, measures } from './document.schema';

/** An idea that fed into a goal or a measure of its own edition: the trace from participation to the document. */
export const ideaTraces = pgTable(
	'idea_traces',
	{
		id: id(),
		municipalityId: uuid('municipality_id')
			.notNull()
			.references(() => municipalities.id, { onDelete: 'cascade' }),
		editionId: uuid('edition_id')
			.notNull()
			.references(() => editions.id, { onDelete: 'cascade' }),
		ideaId: uuid('idea_id')
			.notNull()
			.references(() => ideas.id, { onDelete: 'cascade' }),
		goalId: uuid('goal_id').references(() => goals.id, { onDelete: 'cascade' }),
		measureId: uuid('measure_id').references(() => measures.id, { onDelete: 'cascade' }),
		note: text('note').notNull().default(''),
		// Kept with a name so that the trace still says who made it after the account is gone.
		createdBy: text('created_by').references(() => authUsers.id, { onDelete: 'set null' }),
		createdByName: text('created_by_name').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [
		check('idea_traces_one_target', sql`(${table.goalId} is null) <> (${table.measureId} is null)`),
		uniqueIndex('idea_traces_idea_goal_idx').on(table.ideaId, table.goalId),
		uniqueIndex('idea_traces_idea_measure_idx').on(table.ideaId, table.measureId),
		index('idea_traces_edition_idx').on(table.municipalityId, table.editionId),
		index('idea_traces_goal_idx').on(table.goalId),
		index('idea_traces_measure_idx').on(table.measureId)
	]
);
