import { and, eq, inArray, or } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { editions, fields, goals, measures, strategies } from '../document/document.schema';
import { articles } from '../news/news.schema';
import { events } from '../participation/event.schema';
import { contentTranslations, easyReadTexts, type TranslatableKind, type TranslationLocale } from './content.schema';

export type ContentTranslation = typeof contentTranslations.$inferSelect;
export type EasyReadText = typeof easyReadTexts.$inferSelect;
export type TranslationRef = { kind: TranslatableKind; ids: string[]; fields?: readonly string[] };

/** Every translation of the content a page shows, in one query whatever the number of entities. */
export async function selectTranslationsOf(db: Executor, municipalityId: string | readonly string[], refs: TranslationRef[]) {
	const wanted = refs.filter((ref) => ref.ids.length > 0);
	if (wanted.length === 0) return [];
	return db
		.select({
			entityKind: contentTranslations.entityKind,
			entityId: contentTranslations.entityId,
			field: contentTranslations.field,
			locale: contentTranslations.locale,
			text: contentTranslations.text
		})
		.from(contentTranslations)
		.where(
			and(
				typeof municipalityId === 'string' ? eq(contentTranslations.municipalityId, municipalityId) : inArray(contentTranslations.municipalityId, [...municipalityId]),
				or(
					...wanted.map((ref) =>
						and(
							eq(contentTranslations.entityKind, ref.kind),
							inArray(contentTranslations.entityId, ref.ids),
							ref.fields ? inArray(contentTranslations.field, [...ref.fields]) : undefined
						)
					)
				)
			)
		);
}

export async function selectTranslationsOfEntity(db: Executor, municipalityId: string, kind: TranslatableKind, entityId: string) {
	return db
		.select()
		.from(contentTranslations)
		.where(and(eq(contentTranslations.municipalityId, municipalityId), eq(contentTranslations.entityKind, kind), eq(contentTranslations.entityId, entityId)))
		.limit(100);
}

export async function upsertTranslation(
	tx: Executor,
	values: { municipalityId: string; entityKind: TranslatableKind; entityId: string; field: string; locale: TranslationLocale; text: string; updatedByUserId: string | null }
) {
	const now = new Date();
	await tx
		.insert(contentTranslations)
		.values({ ...values, updatedAt: now })
		.onConflictDoUpdate({
			target: [contentTranslations.entityKind, contentTranslations.entityId, contentTranslations.field, contentTranslations.locale],
			set: { text: values.text, updatedAt: now, updatedByUserId: values.updatedByUserId }
		});
}

export async function deleteTranslation(tx: Executor, municipalityId: string, kind: TranslatableKind, entityId: string, field: string, locale: TranslationLocale) {
	await tx
		.delete(contentTranslations)
		.where(
			and(
				eq(contentTranslations.municipalityId, municipalityId),
				eq(contentTranslations.entityKind, kind),
				eq(contentTranslations.entityId, entityId),
				eq(contentTranslations.field, field),
				eq(contentTranslations.locale, locale)
			)
		);
}

/** Where a piece of translatable content sits, with its German texts; undefined when it is not the municipality's. */
export type ContentOriginal = {
	texts: Record<string, string>;
	article?: { id: string; slug: string };
	event?: { id: string };
	edition?: { strategySlug: string; strategyTitle: string; number: number };
};

const editionColumns = { strategySlug: strategies.slug, strategyTitle: strategies.title, number: editions.number };

export async function selectContentOriginal(db: Executor, municipalityId: string, kind: TranslatableKind, entityId: string): Promise<ContentOriginal | undefined> {
	switch (kind) {
		case 'article': {
			const [row] = await db
				.select({ id: articles.id, slug: articles.slug, title: articles.title, lead: articles.lead, body: articles.body })
				.from(articles)
				.where(and(eq(articles.municipalityId, municipalityId), eq(articles.id, entityId)))
				.limit(1);
			return row && { texts: { title: row.title, lead: row.lead, body: row.body }, article: { id: row.id, slug: row.slug } };
		}
		case 'event': {
			const [row] = await db
				.select({ id: events.id, title: events.title, description: events.description })
				.from(events)
				.where(and(eq(events.municipalityId, municipalityId), eq(events.id, entityId)))
				.limit(1);
			return row && { texts: { title: row.title, description: row.description }, event: { id: row.id } };
		}
		case 'edition': {
			const [row] = await db
				.select({ summary: editions.summary, ...editionColumns })
				.from(editions)
				.innerJoin(strategies, eq(strategies.id, editions.strategyId))
				.where(and(eq(editions.municipalityId, municipalityId), eq(editions.id, entityId)))
				.limit(1);
			return row && { texts: { summary: row.summary }, edition: { strategySlug: row.strategySlug, strategyTitle: row.strategyTitle, number: row.number } };
		}
		case 'goal': {
			const [row] = await db
				.select({ title: goals.title, description: goals.description, ...editionColumns })
				.from(goals)
				.innerJoin(fields, eq(fields.id, goals.fieldId))
				.innerJoin(editions, eq(editions.id, fields.editionId))
				.innerJoin(strategies, eq(strategies.id, editions.strategyId))
				.where(and(eq(goals.municipalityId, municipalityId), eq(goals.id, entityId)))
				.limit(1);
			return row && { texts: { title: row.title, description: row.description }, edition: { strategySlug: row.strategySlug, strategyTitle: row.strategyTitle, number: row.number } };
		}
		case 'measure': {
			const [row] = await db
				.select({ title: measures.title, description: measures.description, ...editionColumns })
				.from(measures)
				.innerJoin(goals, eq(goals.id, measures.goalId))
				.innerJoin(fields, eq(fields.id, goals.fieldId))
				.innerJoin(editions, eq(editions.id, fields.editionId))
				.innerJoin(strategies, eq(strategies.id, editions.strategyId))
				.where(and(eq(measures.municipalityId, municipalityId), eq(measures.id, entityId)))
				.limit(1);
			return row && { texts: { title: row.title, description: row.description }, edition: { strategySlug: row.strategySlug, strategyTitle: row.strategyTitle, number: row.number } };
		}
	}
}

export async function selectEasyReadText(db: Executor, municipalityId: string, editionId: string) {
	const [row] = await db
		.select()
		.from(easyReadTexts)
		.where(and(eq(easyReadTexts.municipalityId, municipalityId), eq(easyReadTexts.editionId, editionId)))
		.limit(1);
	return row;
}

export async function upsertEasyReadText(tx: Executor, values: { municipalityId: string; editionId: string; summary: string; invitation: string; updatedByUserId: string | null }) {
	const now = new Date();
	const [row] = await tx
		.insert(easyReadTexts)
		.values({ ...values, updatedAt: now })
		.onConflictDoUpdate({
			target: [easyReadTexts.editionId],
			set: { summary: values.summary, invitation: values.invitation, updatedAt: now, updatedByUserId: values.updatedByUserId }
		})
		.returning();
	return row;
}

/** An edition by its public address, with what its Leichte Sprache page names. */
export async function selectEditionByAddress(db: Executor, municipalityId: string, strategySlug: string, number: number) {
	const [row] = await db
		.select({ id: editions.id, periodStart: editions.periodStart, periodEnd: editions.periodEnd, stage: editions.stage, ...editionColumns })
		.from(editions)
		.innerJoin(strategies, eq(strategies.id, editions.strategyId))
		.where(and(eq(editions.municipalityId, municipalityId), eq(strategies.slug, strategySlug), eq(editions.number, number)))
		.limit(1);
	return row;
}
