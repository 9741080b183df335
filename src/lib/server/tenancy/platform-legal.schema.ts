import { pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { id, timestamps } from '../db/columns';
import { legalPageKindEnum } from './legal.schema';

// The install's own imprint and accessibility statement: they belong to whoever runs the platform,
// not to any municipality, so these rows carry no municipality_id. The privacy notice is /privacy.
export const platformLegalPageKinds = ['imprint', 'accessibility'] as const;
export type PlatformLegalPageKind = (typeof platformLegalPageKinds)[number];

export const platformLegalPages = pgTable(
	'platform_legal_pages',
	{
		id: id(),
		kind: legalPageKindEnum('kind').notNull(),
		body: text('body').notNull().default(''),
		...timestamps()
	},
	(table) => [uniqueIndex('platform_legal_pages_kind_idx').on(table.kind)]
);
