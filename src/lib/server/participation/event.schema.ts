import { sql } from 'drizzle-orm';
import { boolean, doublePrecision, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, timestamps } from '../db/columns';
import { editions, fields } from '../document/document.schema';
import { authUsers } from '../people/people.schema';
import { districts, municipalities } from '../tenancy/tenancy.schema';
import { searchDocument } from '../shared/text-search';

export const eventTypes = ['workshop', 'working_group_meeting', 'information_event', 'closing_event', 'other'] as const;
export type EventType = (typeof eventTypes)[number];
export const eventTypeEnum = pgEnum('event_type', eventTypes);

export const eventStatuses = ['planned', 'cancelled'] as const;
export const eventStatusEnum = pgEnum('event_status', eventStatuses);

// Events of other organisers arrive as 'submitted' from the public and reach calendars only once published.
export const eventPublications = ['published', 'submitted', 'rejected'] as const;
export type EventPublication = (typeof eventPublications)[number];
export const eventPublicationEnum = pgEnum('event_publication', eventPublications);

// pending: a guest has not yet followed the confirmation link; confirmed holds a seat; waiting
// moves up in order of createdAt when a seat frees; walk-ins are recorded at the door and hold no seat.
export const registrationStatuses = ['pending', 'confirmed', 'waiting', 'cancelled'] as const;
export type RegistrationStatus = (typeof registrationStatuses)[number];
export const registrationStatusEnum = pgEnum('event_registration_status', registrationStatuses);

const municipalityId = () =>
	uuid('municipality_id')
		.notNull()
		.references(() => municipalities.id, { onDelete: 'cascade' });

export const workingGroups = pgTable(
	'working_groups',
	{
		id: id(),
		municipalityId: municipalityId(),
		editionId: uuid('edition_id')
			.notNull()
			.references(() => editions.id, { onDelete: 'cascade' }),
		fieldId: uuid('field_id').references(() => fields.id, { onDelete: 'set null' }),
		name: text('name').notNull(),
		description: text('description').notNull().default(''),
		...timestamps()
	},
	(table) => [index('working_groups_municipality_edition_idx').on(table.municipalityId, table.editionId)]
);

export const workingGroupMembers = pgTable(
	'working_group_members',
	{
		id: id(),
		municipalityId: municipalityId(),
		workingGroupId: uuid('working_group_id')
			.notNull()
			.references(() => workingGroups.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		email: text('email'),
		userId: text('user_id').references(() => authUsers.id, { onDelete: 'set null' }),
		role: text('role').notNull().default(''),
		...timestamps()
	},
	(table) => [index('working_group_members_group_idx').on(table.municipalityId, table.workingGroupId)]
);

export const events = pgTable(
	'events',
	{
		id: id(),
		municipalityId: municipalityId(),
		editionId: uuid('edition_id').references(() => editions.id, { onDelete: 'set null' }),
		workingGroupId: uuid('working_group_id').references(() => workingGroups.id, { onDelete: 'set null' }),
		type: eventTypeEnum('type').notNull(),
		status: eventStatusEnum('status').notNull().default('planned'),
		title: text('title').notNull(),
		description: text('description').notNull().default(''),
		startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
		endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
		place: text('place').notNull().default(''),
		address: text('address').notNull().default(''),
		// The venue's position (WGS 84) for the map, which loads only after consent.
		latitude: doublePrecision('latitude'),
		longitude: doublePrecision('longitude'),
		onlineUrl: text('online_url').notNull().default(''),
		capacity: integer('capacity'),
		registrationDeadline: timestamp('registration_deadline', { withTimezone: true }),
		minutes: text('minutes').notNull().default(''),
		minutesPublishedAt: timestamp('minutes_published_at', { withTimezone: true }),
		districtId: uuid('district_id').references(() => districts.id, { onDelete: 'set null' }),
		publication: eventPublicationEnum('publication').notNull().default('published'),
		// Empty for the municipality's own events; the name of another organiser otherwise.
		organiser: text('organiser').notNull().default(''),
		organiserEmail: text('organiser_email').notNull().default(''),
		...timestamps()
	},
	(table) => [
		index('events_municipality_starts_idx').on(table.municipalityId, table.startsAt),
		index('events_municipality_publication_idx').on(table.municipalityId, table.publication, table.createdAt),
		index('events_working_group_idx').on(table.workingGroupId),
		index('events_edition_idx').on(table.editionId),
		// Led by the town (btree_gin): a search looks its words up among one town's events, not every town's.
		index('events_town_search_idx').using('gin', table.municipalityId, searchDocument(table.title, table.description))
	]
);

export const eventFields = pgTable(
	'event_fields',
	{
		municipalityId: municipalityId(),
		eventId: uuid('event_id')
			.notNull()
			.references(() => events.id, { onDelete: 'cascade' }),
		fieldId: uuid('field_id')
			.notNull()
			.references(() => fields.id, { onDelete: 'cascade' })
	},
	(table) => [primaryKey({ columns: [table.eventId, table.fieldId] })]
);

export const eventRegistrations = pgTable(
	'event_registrations',
	{
		id: id(),
		municipalityId: municipalityId(),
		eventId: uuid('event_id')
			.notNull()
			.references(() => events.id, { onDelete: 'cascade' }),
		userId: text('user_id').references(() => authUsers.id, { onDelete: 'set null' }),
		name: text('name').notNull(),
		email: text('email'),
		status: registrationStatusEnum('status').notNull(),
		walkIn: boolean('walk_in').notNull().default(false),
		attended: boolean('attended'),
		// The language the person registered in, so that a later mail (moving up) speaks it too.
		locale: text('locale').notNull().default('de'),
		// sha256 of the token in the mailed confirm/cancel link; the token itself is never stored.
		tokenHash: text('token_hash'),
		tokenExpiresAt: timestamp('token_expires_at', { withTimezone: true }),
		...timestamps()
	},
	(table) => [
		index('event_registrations_event_status_idx').on(table.eventId, table.status, table.createdAt),
		index('event_registrations_municipality_idx').on(table.municipalityId),
		uniqueIndex('event_registrations_token_idx').on(table.tokenHash),
		uniqueIndex('event_registrations_active_email_idx')
			.on(table.eventId, sql`lower(${table.email})`)
			.where(sql`${table.status} <> 'cancelled' and ${table.email} is not null`)
	]
);
