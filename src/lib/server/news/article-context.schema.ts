import { index, pgTable, primaryKey, timestamp, uuid } from 'drizzle-orm/pg-core';
import { editions } from '../document/document.schema';
import { events } from '../participation/event.schema';
import { contactPoints, municipalities } from '../tenancy/tenancy.schema';
import { articles } from './news.schema';

const municipalityId = () =>
	uuid('municipality_id')
		.notNull()
		.references(() => municipalities.id, { onDelete: 'cascade' });

/**
 * What an article belongs to: the strategy edition it reports on and the office readers should contact.
 * Kept beside the articles table so that saving the text and choosing its context stay separate forms.
 */
export const articleContexts = pgTable('article_contexts', {
	articleId: uuid('article_id')
		.primaryKey()
		.references(() => articles.id, { onDelete: 'cascade' }),
	municipalityId: municipalityId(),
	editionId: uuid('edition_id').references(() => editions.id, { onDelete: 'set null' }),
	contactPointId: uuid('contact_point_id').references(() => contactPoints.id, { onDelete: 'set null' }),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
});

/** Events an article reports on or announces; the event page lists the article in turn. */
export const articleEvents = pgTable(
	'article_events',
	{
		articleId: uuid('article_id')
			.notNull()
			.references(() => articles.id, { onDelete: 'cascade' }),
		eventId: uuid('event_id')
			.notNull()
			.references(() => events.id, { onDelete: 'cascade' }),
		municipalityId: municipalityId()
	},
	(table) => [primaryKey({ columns: [table.articleId, table.eventId] }), index('article_events_event_idx').on(table.municipalityId, table.eventId)]
);
