import { sql } from 'drizzle-orm';
import { boolean, check, date, doublePrecision, index, integer, pgEnum, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id } from '../db/columns';
import { editions } from '../document/document.schema';
import { municipalities } from '../tenancy/tenancy.schema';
import { measurementPeriodKindEnum, measurementQualifierEnum } from './measurement.schema';
import { indicators } from './monitoring.schema';

export const snapshotKinds = ['annual_report', 'adoption'] as const;
export type SnapshotKind = (typeof snapshotKinds)[number];
export const indicatorSnapshotKindEnum = pgEnum('indicator_snapshot_kind', snapshotKinds);

const municipalityId = () =>
	uuid('municipality_id')
		.notNull()
		.references(() => municipalities.id, { onDelete: 'cascade' });

/**
 * The indicator values of an edition frozen when an annual report is published (one per year) or when
 * the council adopts the edition. Later corrections change the measurements, never a snapshot.
 */
export const indicatorSnapshots = pgTable(
	'indicator_snapshots',
	{
		id: id(),
		municipalityId: municipalityId(),
		editionId: uuid('edition_id')
			.notNull()
			.references(() => editions.id, { onDelete: 'cascade' }),
		kind: indicatorSnapshotKindEnum('kind').notNull(),
		year: integer('year').notNull(),
		/** The day it stands for: the decision date of an adoption, the publishing day of a report. */
		label: text('label').notNull().default(''),
		takenAt: timestamp('taken_at', { withTimezone: true }).notNull().defaultNow(),
		// Who took it, kept as the council decision keeps its recorder: a record, not a live reference.
		takenBy: text('taken_by'),
		valueCount: integer('value_count').notNull().default(0)
	},
	(table) => [
		index('indicator_snapshots_edition_idx').on(table.municipalityId, table.editionId, table.takenAt),
		uniqueIndex('indicator_snapshots_one_report_a_year_idx').on(table.editionId, table.year).where(sql`${table.kind} = 'annual_report'`)
	]
);

/** A copy of one measurement as it stood when the snapshot was taken. */
export const indicatorSnapshotValues = pgTable(
	'indicator_snapshot_values',
	{
		snapshotId: uuid('snapshot_id')
			.notNull()
			.references(() => indicatorSnapshots.id, { onDelete: 'cascade' }),
		// No reference: a frozen value outlives a measurement deleted later.
		measurementId: uuid('measurement_id').notNull(),
		municipalityId: municipalityId(),
		indicatorId: uuid('indicator_id')
			.notNull()
			.references(() => indicators.id, { onDelete: 'cascade' }),
		periodKind: measurementPeriodKindEnum('period_kind').notNull(),
		periodStart: date('period_start').notNull(),
		periodEnd: date('period_end').notNull(),
		seriesKey: text('series_key').notNull(),
		detailLevel: smallint('detail_level').notNull(),
		value: doublePrecision('value'),
		qualifier: measurementQualifierEnum('qualifier'),
		unit: text('unit').notNull().default(''),
		estimate: boolean('estimate').notNull(),
		provisional: boolean('provisional').notNull(),
		seriesBreak: boolean('series_break').notNull(),
		suppressed: boolean('suppressed').notNull()
	},
	(table) => [
		primaryKey({ columns: [table.snapshotId, table.measurementId] }),
		index('indicator_snapshot_values_cell_idx').on(table.snapshotId, table.indicatorId, table.periodEnd),
		check('indicator_snapshot_values_value_or_suppressed', sql`${table.value} is not null or ${table.suppressed}`)
	]
);
