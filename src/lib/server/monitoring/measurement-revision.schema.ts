import { boolean, doublePrecision, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { id } from '../db/columns';
import { municipalities } from '../tenancy/tenancy.schema';
import { indicatorMeasurements, measurementImportBatches, measurementQualifierEnum } from './measurement.schema';
import { indicators } from './monitoring.schema';

/**
 * One correction of a stored measurement: its value, qualifier and flags before and after, who made
 * it (a person or an import batch) and when. Written in the transaction that changes the measurement,
 * so a revision exists exactly when the change does.
 */
export const measurementRevisions = pgTable(
	'measurement_revisions',
	{
		id: id(),
		municipalityId: uuid('municipality_id')
			.notNull()
			.references(() => municipalities.id, { onDelete: 'cascade' }),
		measurementId: uuid('measurement_id')
			.notNull()
			.references(() => indicatorMeasurements.id, { onDelete: 'cascade' }),
		indicatorId: uuid('indicator_id')
			.notNull()
			.references(() => indicators.id, { onDelete: 'cascade' }),
		changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
		// A record of who made the correction; it outlives the account.
		changedBy: text('changed_by'),
		importBatchId: uuid('import_batch_id').references(() => measurementImportBatches.id, { onDelete: 'set null' }),
		oldValue: doublePrecision('old_value'),
		oldQualifier: measurementQualifierEnum('old_qualifier'),
		oldEstimate: boolean('old_estimate').notNull(),
		oldProvisional: boolean('old_provisional').notNull(),
		oldSeriesBreak: boolean('old_series_break').notNull(),
		oldSuppressed: boolean('old_suppressed').notNull(),
		newValue: doublePrecision('new_value'),
		newQualifier: measurementQualifierEnum('new_qualifier'),
		newEstimate: boolean('new_estimate').notNull(),
		newProvisional: boolean('new_provisional').notNull(),
		newSeriesBreak: boolean('new_series_break').notNull(),
		newSuppressed: boolean('new_suppressed').notNull()
	},
	(table) => [
		index('measurement_revisions_measurement_idx').on(table.measurementId, table.changedAt),
		index('measurement_revisions_indicator_idx').on(table.municipalityId, table.indicatorId, table.changedAt)
	]
);
