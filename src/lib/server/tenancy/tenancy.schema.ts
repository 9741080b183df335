import { boolean, doublePrecision, index, integer, jsonb, pgTable, text, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { id, timestamps } from '../db/columns';

export const regions = pgTable('regions', {
	id: id(),
	slug: text('slug').notNull().unique(),
	name: text('name').notNull(),
	...timestamps()
});

export const municipalities = pgTable(
	'municipalities',
	{
		id: id(),
		slug: text('slug').notNull().unique(),
		name: text('name').notNull(),
		regionId: uuid('region_id').references(() => regions.id, { onDelete: 'set null' }),
		timeZone: text('time_zone').notNull().default('Europe/Berlin'),
		description: text('description').notNull().default(''),
		contactPointId: uuid('contact_point_id').references((): AnyPgColumn => contactPoints.id, {
			onDelete: 'set null'
		}),
		isDemo: boolean('is_demo').notNull().default(false),
		// ISO weekday (1 Monday … 7 Sunday) the calendar starts on; null follows the reader's locale.
		firstWeekday: integer('first_weekday'),
		...timestamps()
	},
	(table) => [index('municipalities_region_idx').on(table.regionId)]
);

export const contactPoints = pgTable(
	'contact_points',
	{
		id: id(),
		municipalityId: uuid('municipality_id')
			.notNull()
			.references((): AnyPgColumn => municipalities.id, { onDelete: 'cascade' }),
		office: text('office').notNull(),
		street: text('street').notNull().default(''),
		postalCode: text('postal_code').notNull().default(''),
		city: text('city').notNull().default(''),
		phone: text('phone').notNull().default(''),
		fax: text('fax').notNull().default(''),
		email: text('email').notNull().default(''),
		web: text('web').notNull().default(''),
		openingHours: text('opening_hours').notNull().default(''),
		// The office's position (WGS 84) for its map, which loads only after consent.
		latitude: doublePrecision('latitude'),
		longitude: doublePrecision('longitude'),
		...timestamps()
	},
	(table) => [index('contact_points_municipality_idx').on(table.municipalityId)]
);

export const districts = pgTable(
	'districts',
	{
		id: id(),
		municipalityId: uuid('municipality_id')
			.notNull()
			.references(() => municipalities.id, { onDelete: 'cascade' }),
		slug: text('slug').notNull(),
		name: text('name').notNull(),
		position: integer('position').notNull().default(0),
		shape: jsonb('shape'),
		...timestamps()
	},
	(table) => [uniqueIndex('districts_municipality_slug_idx').on(table.municipalityId, table.slug)]
);
