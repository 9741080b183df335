import { sql } from 'drizzle-orm';
import { check, integer, pgTable, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, timestamps } from '../db/columns';
import { municipalities } from '../tenancy/tenancy.schema';
import { indicators } from './monitoring.schema';

/**
 * The minimum count below which a count is withheld from public output: one row per municipality
 * (indicator_id null) and optionally one per indicator, which wins. Without a row the minimum is
 * DEFAULT_MIN_COUNT (disclosure.ts).
 */
export const disclosureRules = pgTable(
	'disclosure_rules',
	{
		id: id(),
		municipalityId: uuid('municipality_id')
			.notNull()
			.references(() => municipalities.id, { onDelete: 'cascade' }),
		indicatorId: uuid('indicator_id').references(() => indicators.id, { onDelete: 'cascade' }),
		minCount: integer('min_count').notNull(),
		...timestamps()
	},
	(table) => [
		uniqueIndex('disclosure_rules_municipality_idx').on(table.municipalityId).where(sql`${table.indicatorId} is null`),
		uniqueIndex('disclosure_rules_indicator_idx').on(table.municipalityId, table.indicatorId).where(sql`${table.indicatorId} is not null`),
		check('disclosure_rules_min_count_range', sql`${table.minCount} between 1 and 1000`)
	]
);
