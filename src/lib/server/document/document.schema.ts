import { boolean, date, index, integer, pgEnum, pgTable, text, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { id, timestamps } from '../db/columns';
import { contactPoints, municipalities } from '../tenancy/tenancy.schema';
import { documentVersions } from './document-version.schema';
import { searchDocument } from '../shared/text-search';

export const editionStages = [
	'preparing',
	'participating',
	'drafting',
	'in_council',
	'adopted',
	'implementing',
	'reviewing',
	'superseded'
] as const;
export type EditionStage = (typeof editionStages)[number];

export const editionStageEnum = pgEnum('edition_stage', editionStages);

const municipalityId = () =>
	uuid('municipality_id')
		.notNull()
		.references(() => municipalities.id, { onDelete: 'cascade' });

export const strategies = pgTable(
	'strategies',
	{
		id: id(),
		municipalityId: municipalityId(),
		slug: text('slug').notNull(),
		title: text('title').notNull(),
		summary: text('summary').notNull().default(''),
		position: integer('position').notNull().default(0),
		...timestamps()
	},
	(table) => [uniqueIndex('strategies_municipality_slug_idx').on(table.municipalityId, table.slug)]
);

export const editions = pgTable(
	'editions',
	{
		id: id(),
		municipalityId: municipalityId(),
		strategyId: uuid('strategy_id')
			.notNull()
			.references(() => strategies.id, { onDelete: 'cascade' }),
		number: integer('number').notNull(),
		periodStart: integer('period_start').notNull(),
		periodEnd: integer('period_end').notNull(),
		stage: editionStageEnum('stage').notNull().default('preparing'),
		summary: text('summary').notNull().default(''),
		contactPointId: uuid('contact_point_id').references(() => contactPoints.id, { onDelete: 'set null' }),
		// The published version the council adopted: the edition's adopted text (set by the council decision).
		adoptedVersionId: uuid('adopted_version_id').references((): AnyPgColumn => documentVersions.id),
		...timestamps()
	},
	(table) => [
		uniqueIndex('editions_strategy_number_idx').on(table.strategyId, table.number),
		index('editions_municipality_idx').on(table.municipalityId)
	]
);

/** The date each stage of an edition began (and, once over, ended): the public timeline. */
export const editionStageDates = pgTable(
	'edition_stage_dates',
	{
		id: id(),
		municipalityId: municipalityId(),
		editionId: uuid('edition_id')
			.notNull()
			.references(() => editions.id, { onDelete: 'cascade' }),
		stage: editionStageEnum('stage').notNull(),
		startsOn: date('starts_on').notNull(),
		endsOn: date('ends_on'),
		...timestamps()
	},
	(table) => [uniqueIndex('edition_stage_dates_edition_stage_idx').on(table.editionId, table.stage)]
);

export const fields = pgTable(
	'fields',
	{
		id: id(),
		municipalityId: municipalityId(),
		editionId: uuid('edition_id')
			.notNull()
			.references(() => editions.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		description: text('description').notNull().default(''),
		isFocus: boolean('is_focus').notNull().default(false),
		position: integer('position').notNull().default(0),
		// Links the same field across editions so that editions can be compared and carried over.
		lineageId: uuid('lineage_id'),
		...timestamps()
	},
	(table) => [index('fields_edition_position_idx').on(table.editionId, table.position)]
);

export const goals = pgTable(
	'goals',
	{
		id: id(),
		municipalityId: municipalityId(),
		fieldId: uuid('field_id')
			.notNull()
			.references(() => fields.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		description: text('description').notNull().default(''),
		position: integer('position').notNull().default(0),
		// Follows the goal through versions and editions; anchors and version comparison rely on it.
		lineageId: uuid('lineage_id').notNull().defaultRandom(),
		...timestamps()
	},
	(table) => [
		index('goals_field_position_idx').on(table.fieldId, table.position),
		index('goals_search_idx').using('gin', searchDocument(table.title, table.description))
	]
);

export const measures = pgTable(
	'measures',
	{
		id: id(),
		municipalityId: municipalityId(),
		goalId: uuid('goal_id')
			.notNull()
			.references(() => goals.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		description: text('description').notNull().default(''),
		position: integer('position').notNull().default(0),
		// Follows the measure through versions and editions; anchors and version comparison rely on it.
		lineageId: uuid('lineage_id').notNull().defaultRandom(),
		...timestamps()
	},
	(table) => [
		index('measures_goal_position_idx').on(table.goalId, table.position),
		index('measures_search_idx').using('gin', searchDocument(table.title, table.description))
	]
);
