import { boolean, index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id } from '../db/columns';
import { municipalities } from '../tenancy/tenancy.schema';

// The four tables below are the ones better-auth reads and writes (user, session, account,
// verification); their column names are the library's.
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

export const authUsers = pgTable('auth_users', {
	id: text('id').primaryKey(),
	name: text('name').notNull(),
	email: text('email').notNull().unique(),
	emailVerified: boolean('email_verified').notNull().default(false),
	image: text('image'),
	// Install-wide administrators may create municipalities; everything else is per municipality.
	isPlatformAdmin: boolean('is_platform_admin').notNull().default(false),
	createdAt: createdAt(),
	updatedAt: updatedAt()
});

export const authSessions = pgTable(
	'auth_sessions',
	{
		id: text('id').primaryKey(),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		token: text('token').notNull().unique(),
		ipAddress: text('ip_address'),
		userAgent: text('user_agent'),
		userId: text('user_id')
			.notNull()
			.references(() => authUsers.id, { onDelete: 'cascade' }),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(table) => [index('auth_sessions_user_idx').on(table.userId)]
);

export const authCredentials = pgTable(
	'auth_credentials',
	{
		id: text('id').primaryKey(),
		accountId: text('account_id').notNull(),
		providerId: text('provider_id').notNull(),
		userId: text('user_id')
			.notNull()
			.references(() => authUsers.id, { onDelete: 'cascade' }),
		accessToken: text('access_token'),
		refreshToken: text('refresh_token'),
		idToken: text('id_token'),
		accessTokenExpiresAt: timestamp('access_token_expires_at', { withTimezone: true }),
		refreshTokenExpiresAt: timestamp('refresh_token_expires_at', { withTimezone: true }),
		scope: text('scope'),
		password: text('password'),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(table) => [index('auth_credentials_user_idx').on(table.userId)]
);

export const authVerifications = pgTable(
	'auth_verifications',
	{
		id: text('id').primaryKey(),
		identifier: text('identifier').notNull(),
		value: text('value').notNull(),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(table) => [index('auth_verifications_identifier_idx').on(table.identifier)]
);

export const roles = ['admin', 'facilitator', 'moderator', 'editor', 'member', 'participant'] as const;
export type Role = (typeof roles)[number];
export const roleEnum = pgEnum('role', roles);

export const roleAssignments = pgTable(
	'role_assignments',
	{
		id: id(),
		municipalityId: uuid('municipality_id')
			.notNull()
			.references(() => municipalities.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => authUsers.id, { onDelete: 'cascade' }),
		role: roleEnum('role').notNull(),
		createdAt: createdAt()
	},
	(table) => [
		uniqueIndex('role_assignments_unique_idx').on(table.municipalityId, table.userId, table.role),
		index('role_assignments_user_idx').on(table.userId)
	]
);
