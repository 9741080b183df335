import { sql } from 'drizzle-orm';
import { check, doublePrecision, index, integer, pgTable, primaryKey, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from '../db/columns';
import { municipalities } from '../tenancy/tenancy.schema';
import { indicators } from './monitoring.schema';

/**
 * Interim targets of an indicator's target path: one value per calendar year, due on 31 December.
 * Baseline and final target stay on the indicator; these are the milestones in between.
 */
export const indicatorInterimTargets = pgTable(
	'indicator_interim_targets',
	{
		municipalityId: uuid('municipality_id')
			.notNull()
			.references(() => municipalities.id, { onDelete: 'cascade' }),
		indicatorId: uuid('indicator_id')
			.notNull()
			.references(() => indicators.id, { onDelete: 'cascade' }),
		year: integer('year').notNull(),
		value: doublePrecision('value').notNull(),
		...timestamps()
	},
	(table) => [
		primaryKey({ columns: [table.indicatorId, table.year] }),
		index('indicator_interim_targets_municipality_idx').on(table.municipalityId, table.indicatorId),
		check('indicator_interim_targets_year_range', sql`${table.year} between 1900 and 2200`)
	]
);
