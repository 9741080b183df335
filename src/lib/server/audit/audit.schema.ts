import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { id } from '../db/columns';
import { municipalities } from '../tenancy/tenancy.schema';

export const auditEvents = pgTable(
	'audit_events',
	{
		id: id(),
		// Empty only for install-wide actions that belong to no municipality.
		municipalityId: uuid('municipality_id').references(() => municipalities.id, { onDelete: 'cascade' }),
		actorUserId: text('actor_user_id'),
		actorLabel: text('actor_label').notNull(),
		action: text('action').notNull(),
		entityType: text('entity_type').notNull(),
		entityId: text('entity_id').notNull(),
		before: jsonb('before'),
		after: jsonb('after'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [
		// Ascending, read backwards for the newest first: "created_at desc" puts nulls first, which an index declared
		// "desc" (nulls last) does not match, so PostgreSQL sorted the whole log of the municipality for every page.
		index('audit_events_municipality_created_id_idx').on(table.municipalityId, table.createdAt, table.id),
		// The audit page's filters: one kind of entity, with or without an action; one action; one entity's history.
		index('audit_events_municipality_type_created_idx').on(table.municipalityId, table.entityType, table.createdAt, table.id),
		index('audit_events_municipality_type_action_created_idx').on(table.municipalityId, table.entityType, table.action, table.createdAt, table.id),
		index('audit_events_municipality_action_created_idx').on(table.municipalityId, table.action, table.createdAt, table.id),
		index('audit_events_municipality_entity_created_idx').on(table.municipalityId, table.entityId, table.createdAt, table.id),
		// The install's own log (no municipality): PostgreSQL takes "municipality_id is null" from the indexes above but
		// not as fixing their first column, so it read and sorted every install-wide event for a page of 50.
		index('audit_events_install_created_idx').on(table.createdAt, table.id).where(sql`${table.municipalityId} is null`),
		index('audit_events_install_type_created_idx').on(table.entityType, table.createdAt, table.id).where(sql`${table.municipalityId} is null`),
		index('audit_events_install_entity_created_idx').on(table.entityId, table.createdAt, table.id).where(sql`${table.municipalityId} is null`)
	]
);
