import { index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id } from '../db/columns';
import { authUsers } from '../people/people.schema';
import { municipalities } from '../tenancy/tenancy.schema';
import { events } from './event.schema';

export const photoLicences = ['cc-by-4.0', 'cc-by-sa-4.0', 'cc0-1.0', 'all-rights-reserved'] as const;
export type PhotoLicence = (typeof photoLicences)[number];
export const photoLicenceEnum = pgEnum('photo_licence', photoLicences);

/**
 * A photo shown on an event's page. The stored files are re-encoded copies without any metadata;
 * `fileKey` is random and names both files, so their addresses never change and may be cached for good.
 */
export const eventPhotos = pgTable(
	'event_photos',
	{
		id: id(),
		municipalityId: uuid('municipality_id')
			.notNull()
			.references(() => municipalities.id, { onDelete: 'cascade' }),
		eventId: uuid('event_id')
			.notNull()
			.references(() => events.id, { onDelete: 'cascade' }),
		fileKey: text('file_key').notNull(),
		width: integer('width').notNull(),
		height: integer('height').notNull(),
		thumbWidth: integer('thumb_width').notNull(),
		thumbHeight: integer('thumb_height').notNull(),
		byteSize: integer('byte_size').notNull(),
		altText: text('alt_text').notNull(),
		caption: text('caption').notNull().default(''),
		credit: text('credit').notNull().default(''),
		licence: photoLicenceEnum('licence').notNull(),
		uploadedByUserId: text('uploaded_by').references(() => authUsers.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(table) => [
		index('event_photos_event_idx').on(table.municipalityId, table.eventId, table.createdAt),
		uniqueIndex('event_photos_file_key_idx').on(table.fileKey)
	]
);
