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
	(table) => [index('audit_events_municipality_created_idx').on(table.municipalityId, table.createdAt.desc())]
);
