import { index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, timestamps } from '../db/columns';
import { municipalities } from './tenancy.schema';

export const legalPageKinds = ['imprint', 'privacy', 'accessibility'] as const;
export type LegalPageKind = (typeof legalPageKinds)[number];
export const legalPageKindEnum = pgEnum('legal_page_kind', legalPageKinds);

export const legalPages = pgTable(
	'legal_pages',
	{
		id: id(),
		municipalityId: uuid('municipality_id')
			.notNull()
			.references(() => municipalities.id, { onDelete: 'cascade' }),
		kind: legalPageKindEnum('kind').notNull(),
		body: text('body').notNull().default(''),
		...timestamps()
	},
	(table) => [uniqueIndex('legal_pages_municipality_kind_idx').on(table.municipalityId, table.kind)]
);

export const accessibilityFeedback = pgTable(
	'accessibility_feedback',
	{
		id: id(),
		municipalityId: uuid('municipality_id')
			.notNull()
			.references(() => municipalities.id, { onDelete: 'cascade' }),
		name: text('name').notNull().default(''),
		email: text('email').notNull().default(''),
		message: text('message').notNull(),
		pagePath: text('page_path').notNull().default(''),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [index('accessibility_feedback_municipality_created_idx').on(table.municipalityId, table.createdAt)]
);
