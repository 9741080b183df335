import { sql } from 'drizzle-orm';
import {
	boolean,
	check,
	date,
	doublePrecision,
	index,
	integer,
	pgEnum,
	pgTable,
	primaryKey,
	smallint,
	text,
	timestamp,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import { id, timestamps } from '../db/columns';
import { authUsers } from '../people/people.schema';
import { districts, municipalities } from '../tenancy/tenancy.schema';
import { indicatorSources, indicators } from './monitoring.schema';
import { measurementPeriodKinds, measurementQualifiers } from '../../measurement-values';

export { measurementFlags, measurementPeriodKinds, measurementQualifiers, TOTAL_MEMBER_KEY } from '../../measurement-values';
export type { MeasurementFlag, MeasurementPeriodKind, MeasurementQualifier } from '../../measurement-values';

export const measurementPeriodKindEnum = pgEnum('measurement_period_kind', measurementPeriodKinds);
export const measurementQualifierEnum = pgEnum('measurement_qualifier', measurementQualifiers);

const municipalityId = () =>
	uuid('municipality_id')
		.notNull()
		.references(() => municipalities.id, { onDelete: 'cascade' });

/** A breakdown axis of one municipality: district, age_group, sex, citizenship or its own. */
export const dimensions = pgTable(
	'dimensions',
	{
		id: id(),
		municipalityId: municipalityId(),
		key: text('key').notNull(),
		label: text('label').notNull(),
		position: integer('position').notNull().default(0),
		...timestamps()
	},
	(table) => [
		uniqueIndex('dimensions_key_idx').on(table.municipalityId, table.key),
		check('dimensions_key_format', sql`${table.key} ~ '^[a-z0-9][a-z0-9_]*$'`)
	]
);

/**
 * One value of a dimension. Every dimension has exactly one total member, keyed `total`, so "all
 * age groups" is stated, never left blank. Members of the `district` dimension point at a district.
 */
export const dimensionMembers = pgTable(
	'dimension_members',
	{
		id: id(),
		municipalityId: municipalityId(),
		dimensionId: uuid('dimension_id')
			.notNull()
			.references(() => dimensions.id, { onDelete: 'cascade' }),
		key: text('key').notNull(),
		label: text('label').notNull(),
		position: integer('position').notNull().default(0),
		isTotal: boolean('is_total').notNull().default(false),
		districtId: uuid('district_id').references(() => districts.id, { onDelete: 'restrict' }),
		...timestamps()
	},
	(table) => [
		uniqueIndex('dimension_members_key_idx').on(table.dimensionId, table.key),
		uniqueIndex('dimension_members_one_total_idx').on(table.dimensionId).where(sql`${table.isTotal}`),
		uniqueIndex('dimension_members_district_idx').on(table.dimensionId, table.districtId),
		index('dimension_members_district_lookup_idx').on(table.districtId),
		check('dimension_members_key_format', sql`${table.key} ~ '^[a-z0-9][a-z0-9_-]*$'`),
		check('dimension_members_total_key', sql`${table.isTotal} = (${table.key} = 'total')`),
		check('dimension_members_total_no_district', sql`not (${table.isTotal} and ${table.districtId} is not null)`)
	]
);

/** The dimensions an indicator's values are broken down by (its expected breakdowns). */
export const indicatorBreakdowns = pgTable(
	'indicator_breakdowns',
	{
		indicatorId: uuid('indicator_id')
			.notNull()
			.references(() => indicators.id, { onDelete: 'cascade' }),
		dimensionId: uuid('dimension_id')
			.notNull()
			.references(() => dimensions.id, { onDelete: 'restrict' }),
		municipalityId: municipalityId(),
		position: integer('position').notNull().default(0)
	},
	(table) => [primaryKey({ columns: [table.indicatorId, table.dimensionId] }), index('indicator_breakdowns_dimension_idx').on(table.dimensionId)]
);

/** One CSV import: who ran it, from which file, and how it ended. */
export const measurementImportBatches = pgTable(
	'measurement_import_batches',
	{
		id: id(),
		municipalityId: municipalityId(),
		startedBy: text('started_by').references(() => authUsers.id, { onDelete: 'set null' }),
		fileName: text('file_name').notNull().default(''),
		rowsImported: integer('rows_imported').notNull().default(0),
		rowsRejected: integer('rows_rejected').notNull().default(0),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [index('measurement_import_batches_municipality_idx').on(table.municipalityId, table.createdAt)]
);

/**
 * One value of one indicator for one period and one combination of dimension members.
 * `series_key` is the canonical, sorted `dimension=member,…` form of that combination ('' for an
 * indicator without breakdowns) and makes duplicates impossible; the combination itself is also
 * stored relationally in measurement_members. Flags are stored as entered, never inferred.
 */
export const indicatorMeasurements = pgTable(
	'indicator_measurements',
	{
		id: id(),
		municipalityId: municipalityId(),
		indicatorId: uuid('indicator_id')
			.notNull()
			.references(() => indicators.id, { onDelete: 'cascade' }),
		periodKind: measurementPeriodKindEnum('period_kind').notNull(),
		periodStart: date('period_start').notNull(),
		periodEnd: date('period_end').notNull(),
		/** The reference date older readers use: the last day of the period. */
		measuredOn: date('measured_on')
			.notNull()
			.generatedAlwaysAs(sql`period_end`),
		seriesKey: text('series_key').notNull(),
		/** How many members of the combination are not `total`: 0 is the overall value. */
		detailLevel: smallint('detail_level')
			.notNull()
			.generatedAlwaysAs(
				sql`(length(series_key) - length(replace(series_key, '=', ''))) - (length(series_key || ',') - length(replace(series_key || ',', '=total,', ''))) / 7`
			),
		value: doublePrecision('value'),
		qualifier: measurementQualifierEnum('qualifier'),
		unit: text('unit').notNull().default(''),
		estimate: boolean('estimate').notNull().default(false),
		provisional: boolean('provisional').notNull().default(false),
		seriesBreak: boolean('series_break').notNull().default(false),
		suppressed: boolean('suppressed').notNull().default(false),
		sourceId: uuid('source_id').references(() => indicatorSources.id, { onDelete: 'restrict' }),
		sourceNote: text('source_note').notNull().default(''),
		enteredBy: text('entered_by').references(() => authUsers.id, { onDelete: 'set null' }),
		importBatchId: uuid('import_batch_id').references(() => measurementImportBatches.id, { onDelete: 'set null' }),
		...timestamps()
	},
	(table) => [
		uniqueIndex('indicator_measurements_series_period_idx').on(table.indicatorId, table.seriesKey, table.periodStart, table.periodEnd),
		index('indicator_measurements_indicator_idx').on(table.indicatorId, table.measuredOn),
		// With the id, the index gives the API's page order (date, then id) itself, so a page stops at its limit on any
		// PostgreSQL; without it, version 15 sometimes read and sorted the indicator's whole history.
		index('indicator_measurements_municipality_idx').on(table.municipalityId, table.indicatorId, table.measuredOn, table.id),
		index('indicator_measurements_batch_idx').on(table.importBatchId),
		check('indicator_measurements_period_order', sql`${table.periodStart} <= ${table.periodEnd}`),
		check('indicator_measurements_value_or_suppressed', sql`${table.value} is not null or ${table.suppressed}`),
		check('indicator_measurements_qualifier_needs_value', sql`${table.qualifier} is null or ${table.value} is not null`),
		check(
			'indicator_measurements_series_key_format',
			sql`${table.seriesKey} ~ '^([a-z0-9][a-z0-9_]*=[a-z0-9][a-z0-9_-]*(,[a-z0-9][a-z0-9_]*=[a-z0-9][a-z0-9_-]*)*)?$'`
		)
	]
);

/** The members a measurement is broken down by, one per expected dimension of its indicator. */
export const measurementMembers = pgTable(
	'measurement_members',
	{
		measurementId: uuid('measurement_id')
			.notNull()
			.references(() => indicatorMeasurements.id, { onDelete: 'cascade' }),
		dimensionId: uuid('dimension_id')
			.notNull()
			.references(() => dimensions.id, { onDelete: 'restrict' }),
		memberId: uuid('member_id')
			.notNull()
			.references(() => dimensionMembers.id, { onDelete: 'restrict' }),
		municipalityId: municipalityId()
	},
	(table) => [primaryKey({ columns: [table.measurementId, table.dimensionId] }), index('measurement_members_member_idx').on(table.memberId)]
);
