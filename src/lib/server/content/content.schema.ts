import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { inLanguage, translationDocument } from './translation-search';
import { id } from '../db/columns';
import { editions } from '../document/document.schema';
import { authUsers } from '../people/people.schema';
import { municipalities } from '../tenancy/tenancy.schema';

/** Kinds of content that may carry translations, and the fields of each that are translated. */
export const translatableFields = {
	article: ['title', 'lead', 'body'],
	edition: ['summary'],
	event: ['title', 'description'],
	goal: ['title', 'description'],
	measure: ['title', 'description']
} as const;
export type TranslatableKind = keyof typeof translatableFields;
export const translatableKinds = Object.keys(translatableFields) as TranslatableKind[];

/** German is the original; these are the languages a text may be translated into. */
export const translationLocales = ['en', 'tr', 'ar', 'uk', 'ru'] as const;
export type TranslationLocale = (typeof translationLocales)[number];

/**
 * One translated field of one piece of content. A generic table rather than columns per table: the
 * five kinds share one editing form and one bounded read per page, and a language can be added
 * without a migration of every content table. The entity id is not a foreign key (it points into five
 * tables): rows of deleted content stay behind unread, since pages ask only for the ids they show.
 */
export const contentTranslations = pgTable(
	'content_translations',
	{
		id: id(),
		municipalityId: uuid('municipality_id')
			.notNull()
			.references(() => municipalities.id, { onDelete: 'cascade' }),
		entityKind: text('entity_kind').$type<TranslatableKind>().notNull(),
		entityId: uuid('entity_id').notNull(),
		field: text('field').notNull(),
		locale: text('locale').$type<TranslationLocale>().notNull(),
		text: text('text').notNull(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
		updatedByUserId: text('updated_by').references(() => authUsers.id, { onDelete: 'set null' })
	},
	(table) => [
		uniqueIndex('content_translations_field_locale_idx').on(table.entityKind, table.entityId, table.field, table.locale),
		index('content_translations_page_idx').on(table.municipalityId, table.entityKind, table.entityId),
		// One word index per language, led by the town (btree_gin, created in 0042), for the search.
		...translationLocales.map((locale) =>
			index(`content_translations_search_${locale}_idx`).using('gin', table.municipalityId, translationDocument(locale, table.text)).where(inLanguage(locale, table.locale))
		)
	]
);

/**
 * The Leichte Sprache (easy-to-read German) variant of an edition: a summary of the edition and the
 * invitation to take part, written by staff as texts of their own rather than translations of a field.
 */
export const easyReadTexts = pgTable(
	'easy_read_texts',
	{
		id: id(),
		municipalityId: uuid('municipality_id')
			.notNull()
			.references(() => municipalities.id, { onDelete: 'cascade' }),
		editionId: uuid('edition_id')
			.notNull()
			.references(() => editions.id, { onDelete: 'cascade' }),
		summary: text('summary').notNull().default(''),
		invitation: text('invitation').notNull().default(''),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
		updatedByUserId: text('updated_by').references(() => authUsers.id, { onDelete: 'set null' })
	},
	(table) => [uniqueIndex('easy_read_texts_edition_idx').on(table.editionId), index('easy_read_texts_municipality_idx').on(table.municipalityId)]
);
