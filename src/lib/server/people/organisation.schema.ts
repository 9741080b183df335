import { sql } from 'drizzle-orm';
import { index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, timestamps } from '../db/columns';
import { districts, municipalities } from '../tenancy/tenancy.schema';
import { authUsers } from './people.schema';
import { searchDocument } from '../shared/text-search';

export const organisationSectors = [
	'administration',
	'migrant_self_organisation',
	'association',
	'university',
	'welfare',
	'business',
	'politics',
	'other'
] as const;
export type OrganisationSector = (typeof organisationSectors)[number];
export const organisationSectorEnum = pgEnum('organisation_sector', organisationSectors);

export const organisationRoles = ['contact', 'board', 'member'] as const;
export type OrganisationRole = (typeof organisationRoles)[number];
export const organisationRoleEnum = pgEnum('organisation_role', organisationRoles);

const municipalityId = () =>
	uuid('municipality_id')
		.notNull()
		.references(() => municipalities.id, { onDelete: 'cascade' });

export const organisations = pgTable(
	'organisations',
	{
		id: id(),
		municipalityId: municipalityId(),
		// Addresses in the back office use the slug; it is fixed when the organisation is created.
		slug: text('slug').notNull(),
		name: text('name').notNull(),
		sector: organisationSectorEnum('sector').notNull(),
		districtId: uuid('district_id').references(() => districts.id, { onDelete: 'set null' }),
		contactPerson: text('contact_person').notNull().default(''),
		email: text('email').notNull().default(''),
		phone: text('phone').notNull().default(''),
		web: text('web').notNull().default(''),
		description: text('description').notNull().default(''),
		// Consent to appear in the public list; the date it was given is kept as proof.
		listedPubliclySince: timestamp('listed_publicly_since', { withTimezone: true }),
		...timestamps()
	},
	(table) => [
		// The CSV import finds memberships by organisation name, so a name is unique per municipality.
		uniqueIndex('organisations_municipality_slug_idx').on(table.municipalityId, table.slug),
		uniqueIndex('organisations_municipality_name_idx').on(table.municipalityId, sql`lower(${table.name})`),
		index('organisations_municipality_sector_idx').on(table.municipalityId, table.sector),
		index('organisations_listed_idx').on(table.municipalityId).where(sql`${table.listedPubliclySince} is not null`),
		// The search's word index of the organisations listed publicly, led by the town (btree_gin, created in 0042).
		index('organisations_town_search_idx')
			.using('gin', table.municipalityId, searchDocument(table.name, table.description))
			.where(sql`${table.listedPubliclySince} is not null`)
	]
);

/** A person taking part; many never have an account (signed up on a paper list at a workshop). */
export const people = pgTable(
	'people',
	{
		id: id(),
		municipalityId: municipalityId(),
		name: text('name').notNull(),
		email: text('email'),
		userId: text('user_id').references(() => authUsers.id, { onDelete: 'set null' }),
		...timestamps()
	},
	(table) => [
		index('people_municipality_name_idx').on(table.municipalityId, table.name),
		uniqueIndex('people_municipality_email_idx').on(table.municipalityId, table.email),
		uniqueIndex('people_municipality_user_idx').on(table.municipalityId, table.userId)
	]
);

export const organisationMemberships = pgTable(
	'organisation_memberships',
	{
		id: id(),
		municipalityId: municipalityId(),
		organisationId: uuid('organisation_id')
			.notNull()
			.references(() => organisations.id, { onDelete: 'cascade' }),
		personId: uuid('person_id')
			.notNull()
			.references(() => people.id, { onDelete: 'cascade' }),
		role: organisationRoleEnum('role').notNull().default('member'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [
		uniqueIndex('organisation_memberships_unique_idx').on(table.organisationId, table.personId),
		index('organisation_memberships_person_idx').on(table.personId)
	]
);
