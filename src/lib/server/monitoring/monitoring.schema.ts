import { sql } from 'drizzle-orm';
import {
	boolean,
	check,
	date,
	doublePrecision,
	index,
	integer,
	numeric,
	pgEnum,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import { id, timestamps } from '../db/columns';
import { editions, goals, measures } from '../document/document.schema';
import { mediaAssets } from '../media/media.schema';
import { organisations } from '../people/organisation.schema';
import { districts, municipalities } from '../tenancy/tenancy.schema';

import {
	indicatorDirections,
	indicatorFrequencies,
	measureStatuses,
	type IndicatorDirection,
	type IndicatorFrequency,
	type MeasureStatus
} from '../../monitoring-values';

export { indicatorDirections, indicatorFrequencies, measureStatuses, statusesNeedingReason } from '../../monitoring-values';
export type { IndicatorDirection, IndicatorFrequency, MeasureStatus };

export const measureStatusEnum = pgEnum('measure_status', measureStatuses);
export const indicatorDirectionEnum = pgEnum('indicator_direction', indicatorDirections);
export const indicatorFrequencyEnum = pgEnum('indicator_frequency', indicatorFrequencies);

const municipalityId = () =>
	uuid('municipality_id')
		.notNull()
		.references(() => municipalities.id, { onDelete: 'cascade' });

/**
 * How a measure is carried out. Kept beside the document's measures table (which belongs to the
 * document domain) and keyed by the measure, so the outline and its implementation evolve apart.
 */
export const measureTracking = pgTable(
	'measure_tracking',
	{
		measureId: uuid('measure_id')
			.primaryKey()
			.references(() => measures.id, { onDelete: 'cascade' }),
		municipalityId: municipalityId(),
		editionId: uuid('edition_id')
			.notNull()
			.references(() => editions.id, { onDelete: 'cascade' }),
		status: measureStatusEnum('status').notNull().default('planned'),
		statusReason: text('status_reason').notNull().default(''),
		plannedStart: date('planned_start'),
		plannedEnd: date('planned_end'),
		actualStart: date('actual_start'),
		actualEnd: date('actual_end'),
		responsibleOffice: text('responsible_office').notNull().default(''),
		cityWide: boolean('city_wide').notNull().default(false),
		budgetEuros: numeric('budget_euros', { precision: 14, scale: 2, mode: 'number' }),
		progress: integer('progress').notNull().default(0),
		weight: integer('weight').notNull().default(1),
		...timestamps()
	},
	(table) => [
		index('measure_tracking_edition_idx').on(table.municipalityId, table.editionId),
		check('measure_tracking_progress_range', sql`${table.progress} between 0 and 100`),
		check('measure_tracking_weight_range', sql`${table.weight} between 0 and 100`),
		check('measure_tracking_budget_positive', sql`${table.budgetEuros} is null or ${table.budgetEuros} >= 0`),
		check(
			'measure_tracking_reason_required',
			sql`${table.status} not in ('delayed', 'dropped') or length(btrim(${table.statusReason})) > 0`
		)
	]
);

/** Partner organisations of a measure; their members own the measure and may report on it. */
export const measureOrganisations = pgTable(
	'measure_organisations',
	{
		measureId: uuid('measure_id')
			.notNull()
			.references(() => measures.id, { onDelete: 'cascade' }),
		organisationId: uuid('organisation_id')
			.notNull()
			.references(() => organisations.id, { onDelete: 'cascade' }),
		municipalityId: municipalityId()
	},
	(table) => [
		primaryKey({ columns: [table.measureId, table.organisationId] }),
		index('measure_organisations_organisation_idx').on(table.organisationId)
	]
);

export const measureDistricts = pgTable(
	'measure_districts',
	{
		measureId: uuid('measure_id')
			.notNull()
			.references(() => measures.id, { onDelete: 'cascade' }),
		districtId: uuid('district_id')
			.notNull()
			.references(() => districts.id, { onDelete: 'cascade' }),
		municipalityId: municipalityId()
	},
	(table) => [
		primaryKey({ columns: [table.measureId, table.districtId] }),
		index('measure_districts_district_idx').on(table.districtId)
	]
);

export const measureProgressUpdates = pgTable(
	'measure_progress_updates',
	{
		id: id(),
		municipalityId: municipalityId(),
		measureId: uuid('measure_id')
			.notNull()
			.references(() => measures.id, { onDelete: 'cascade' }),
		writtenOn: date('written_on').notNull(),
		body: text('body').notNull(),
		authorLabel: text('author_label').notNull().default(''),
		/** An optional photo from the media library, with its alt text, credit and licence. */
		mediaId: uuid('media_id').references(() => mediaAssets.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [
		index('measure_progress_updates_measure_idx').on(table.measureId, table.writtenOn),
		// Removing an image from the library finds the updates showing it.
		index('measure_progress_updates_media_idx').on(table.mediaId)
	]
);

/**
 * Who publishes a series and how: referenced by an indicator (the series' source) and by each
 * measurement (the value's source, which may differ, e.g. a one-off survey).
 */
export const indicatorSources = pgTable(
	'indicator_sources',
	{
		id: id(),
		municipalityId: municipalityId(),
		key: text('key').notNull(),
		publisher: text('publisher').notNull(),
		dataset: text('dataset').notNull().default(''),
		method: text('method').notNull().default(''),
		licence: text('licence').notNull().default(''),
		url: text('url').notNull().default(''),
		frequency: indicatorFrequencyEnum('frequency'),
		lastReleaseOn: date('last_release_on'),
		nextReleaseOn: date('next_release_on'),
		...timestamps()
	},
	// Stable keys travel through CSV files, so they are restricted to one safe alphabet.
	(table) => [
		uniqueIndex('indicator_sources_key_idx').on(table.municipalityId, table.key),
		check('indicator_sources_key_format', sql`${table.key} ~ '^[a-z0-9][a-z0-9_-]*$'`)
	]
);

/** A measurable quantity of one goal or one measure (exactly one of the two). */
export const indicators = pgTable(
	'indicators',
	{
		id: id(),
		municipalityId: municipalityId(),
		editionId: uuid('edition_id')
			.notNull()
			.references(() => editions.id, { onDelete: 'cascade' }),
		goalId: uuid('goal_id').references(() => goals.id, { onDelete: 'cascade' }),
		measureId: uuid('measure_id').references(() => measures.id, { onDelete: 'cascade' }),
		/** Stable key of the indicator within its edition, used by the CSV exchange. */
		code: text('code').notNull(),
		name: text('name').notNull(),
		definition: text('definition').notNull().default(''),
		unit: text('unit').notNull().default(''),
		source: text('source').notNull().default(''),
		direction: indicatorDirectionEnum('direction').notNull(),
		baselineValue: doublePrecision('baseline_value').notNull(),
		baselineDate: date('baseline_date').notNull(),
		targetValue: doublePrecision('target_value').notNull(),
		targetDate: date('target_date').notNull(),
		frequency: indicatorFrequencyEnum('frequency').notNull(),
		sourceId: uuid('source_id').references(() => indicatorSources.id, { onDelete: 'set null' }),
		...timestamps()
	},
	(table) => [
		// Also the API's indicator list: it pages by (name, id) in code point order, as its cursors compare them.
		index('indicators_edition_idx').on(table.municipalityId, table.editionId, sql`${table.name} collate "C"`, table.id),
		uniqueIndex('indicators_code_idx').on(table.editionId, table.code),
		// The same indicator in other municipalities (exchange-compare.ts) is found by its code alone.
		index('indicators_code_lookup_idx').on(table.code),
		check('indicators_code_format', sql`${table.code} ~ '^[a-z0-9][a-z0-9_.-]*$'`),
		index('indicators_goal_idx').on(table.goalId),
		index('indicators_measure_idx').on(table.measureId),
		check('indicators_one_subject', sql`num_nonnulls(${table.goalId}, ${table.measureId}) = 1`),
		check('indicators_target_after_baseline', sql`${table.targetDate} > ${table.baselineDate}`)
	]
);
