import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, timestamps } from '../db/columns';
import { articles } from '../news/news.schema';
import { photoLicenceEnum } from '../participation/event-photo.schema';
import { authUsers } from '../people/people.schema';
import { municipalities } from '../tenancy/tenancy.schema';

/**
 * An image of a municipality's media library. The files are re-encoded copies without metadata, one
 * per width and format; `fileKey` is random and never reused, so their addresses may be cached for good.
 * `widths` lists the widths actually produced (never wider than the original).
 */
export const mediaAssets = pgTable(
	'media_assets',
	{
		id: id(),
		municipalityId: uuid('municipality_id')
			.notNull()
			.references(() => municipalities.id, { onDelete: 'cascade' }),
		fileKey: text('file_key').notNull(),
		width: integer('width').notNull(),
		height: integer('height').notNull(),
		widths: integer('widths').array().notNull(),
		byteSize: integer('byte_size').notNull(),
		title: text('title').notNull().default(''),
		altText: text('alt_text').notNull().default(''),
		decorative: boolean('decorative').notNull().default(false),
		caption: text('caption').notNull().default(''),
		credit: text('credit').notNull().default(''),
		licence: photoLicenceEnum('licence').notNull(),
		uploadedByUserId: text('uploaded_by').references(() => authUsers.id, { onDelete: 'set null' }),
		...timestamps()
	},
	(table) => [index('media_assets_list_idx').on(table.municipalityId, table.createdAt), uniqueIndex('media_assets_file_key_idx').on(table.fileKey)]
);

/**
 * The lead image of an article. A separate table, so an image in use cannot be deleted (restrict) and
 * the library counts its uses with one grouped query.
 */
export const articleLeadImages = pgTable(
	'article_lead_images',
	{
		articleId: uuid('article_id')
			.notNull()
			.references(() => articles.id, { onDelete: 'cascade' }),
		municipalityId: uuid('municipality_id')
			.notNull()
			.references(() => municipalities.id, { onDelete: 'cascade' }),
		mediaId: uuid('media_id')
			.notNull()
			.references(() => mediaAssets.id, { onDelete: 'restrict' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [primaryKey({ columns: [table.articleId] }), index('article_lead_images_media_idx').on(table.municipalityId, table.mediaId)]
);
