import { index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, timestamps } from '../db/columns';
import { authUsers } from '../people/people.schema';
import { municipalities } from '../tenancy/tenancy.schema';
import { searchDocument } from '../shared/text-search';

export const articleStatuses = ['draft', 'scheduled', 'published', 'archived'] as const;
export type ArticleStatus = (typeof articleStatuses)[number];
export const articleStatusEnum = pgEnum('article_status', articleStatuses);

/**
 * A news article. `publishedAt` is the date shown and sorted by; a scheduled article becomes public
 * once that instant has passed, without any job: every public query compares it with now().
 */
export const articles = pgTable(
	'articles',
	{
		id: id(),
		municipalityId: uuid('municipality_id')
			.notNull()
			.references(() => municipalities.id, { onDelete: 'cascade' }),
		slug: text('slug').notNull(),
		title: text('title').notNull(),
		lead: text('lead').notNull().default(''),
		body: text('body').notNull().default(''),
		place: text('place').notNull().default(''),
		status: articleStatusEnum('status').notNull().default('draft'),
		publishedAt: timestamp('published_at', { withTimezone: true }),
		authorName: text('author_name').notNull().default(''),
		revisionCount: integer('revision_count').notNull().default(0),
		...timestamps()
	},
	(table) => [
		uniqueIndex('articles_slug_idx').on(table.municipalityId, table.slug),
		index('articles_public_idx').on(table.municipalityId, table.status, table.publishedAt),
		// The public lists, newest first, page after page: status is two values there, so the index above
		// cannot hand out rows in this order, and a town's whole news was sorted for every page.
		index('articles_listed_idx').on(table.municipalityId, table.publishedAt.desc().nullsFirst(), table.id.desc().nullsFirst()),
		// Led by the town (btree_gin): a search looks its words up among one town's articles, not every town's.
		index('articles_town_search_idx').using('gin', table.municipalityId, searchDocument(table.title, table.lead, table.body))
	]
);

/** Every save keeps the full content as it was saved, with who saved it. */
export const articleRevisions = pgTable(
	'article_revisions',
	{
		id: id(),
		municipalityId: uuid('municipality_id')
			.notNull()
			.references(() => municipalities.id, { onDelete: 'cascade' }),
		articleId: uuid('article_id')
			.notNull()
			.references(() => articles.id, { onDelete: 'cascade' }),
		number: integer('number').notNull(),
		content: jsonb('content').notNull(),
		savedByUserId: text('saved_by').references(() => authUsers.id, { onDelete: 'set null' }),
		savedByName: text('saved_by_name').notNull(),
		savedAt: timestamp('saved_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [uniqueIndex('article_revisions_number_idx').on(table.articleId, table.number)]
);

/** A hashtag of a municipality: `key` is the lower-case address, `display` the first spelling. */
export const tags = pgTable(
	'tags',
	{
		id: id(),
		municipalityId: uuid('municipality_id')
			.notNull()
			.references(() => municipalities.id, { onDelete: 'cascade' }),
		key: text('key').notNull(),
		display: text('display').notNull()
	},
	(table) => [uniqueIndex('tags_key_idx').on(table.municipalityId, table.key)]
);

export const articleTags = pgTable(
	'article_tags',
	{
		municipalityId: uuid('municipality_id')
			.notNull()
			.references(() => municipalities.id, { onDelete: 'cascade' }),
		articleId: uuid('article_id')
			.notNull()
			.references(() => articles.id, { onDelete: 'cascade' }),
		tagId: uuid('tag_id')
			.notNull()
			.references(() => tags.id, { onDelete: 'cascade' })
	},
	(table) => [primaryKey({ columns: [table.articleId, table.tagId] }), index('article_tags_tag_idx').on(table.municipalityId, table.tagId)]
);
