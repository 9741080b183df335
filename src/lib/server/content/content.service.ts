// Content owns the translations of public texts (articles, edition summaries, events, goals, measures)
// and the Leichte Sprache variant of each edition; the originals stay German in their own domains.
import type { Database, Executor } from '../db/client';
import { recordChange } from '../audit/audit.service';
import { requireRole, type Actor } from '../people/actor';
import type { Role } from '../people/people.schema';
import { renderMarkdown } from '../participation/event.markdown';
import { contentKey, textKey, type TranslationView } from '$lib/content-text';
import type { Locale } from '$lib/paraglide/runtime';
import { translationFieldName, type EasyReadInput, type TranslationFormInput } from '$lib/validation/content';
import { contentNotFound } from './content.errors';
import {
	deleteTranslation,
	selectContentOriginal,
	selectEasyReadText,
	selectEditionByAddress,
	selectTranslationsOf,
	selectTranslationsOfEntity,
	upsertEasyReadText,
	upsertTranslation,
	type TranslationRef
} from './content.queries';
import { translatableFields, translationLocales, type TranslatableKind, type TranslationLocale } from './content.schema';

export { translatableFields, translatableKinds, translationLocales, type TranslatableKind, type TranslationLocale } from './content.schema';
export type { TranslationRef } from './content.queries';

/** Who translates: the people who write the original (the newsroom for articles, the process staff for the rest). */
export const translatorRoles: Record<TranslatableKind, readonly Role[]> = {
	article: ['admin', 'editor'],
	edition: ['admin', 'facilitator'],
	event: ['admin', 'facilitator'],
	goal: ['admin', 'facilitator'],
	measure: ['admin', 'facilitator']
};

/** Leichte Sprache texts belong to the edition and its invitation, which facilitators run. */
export const easyReadRoles: readonly Role[] = ['admin', 'facilitator', 'editor'];

/** Everything a page needs to show its content in the visitor's language: one query, however many entities. */
export async function loadTranslationView({
	db,
	municipalityId,
	locale,
	refs
}: {
	db: Executor;
	/** Several for a region's calendar, whose events belong to its towns. */
	municipalityId: string | readonly string[];
	locale: Locale;
	refs: TranslationRef[];
}): Promise<TranslationView> {
	const rows = await selectTranslationsOf(db, municipalityId, refs);
	const view: TranslationView = { locale, texts: {}, available: {} };
	for (const row of rows) {
		if (row.text.trim() === '') continue;
		if (row.locale === locale) view.texts[textKey(row.entityKind, row.entityId, row.field)] = row.text;
		const languages = (view.available[contentKey(row.entityKind, row.entityId)] ??= []);
		if (!languages.includes(row.locale)) languages.push(row.locale);
	}
	for (const languages of Object.values(view.available)) languages.sort((a, b) => translationLocales.indexOf(a as TranslationLocale) - translationLocales.indexOf(b as TranslationLocale));
	return view;
}

/** Markdown fields (article bodies, event descriptions) are shown rendered; the translation is rendered like its original. */
export function renderTranslatedMarkdown(view: TranslationView, kind: TranslatableKind, id: string, field: string): string | null {
	const text = view.texts[textKey(kind, id, field)];
	return text ? renderMarkdown(text) : null;
}

async function originalOrNotFound(db: Executor, municipalityId: string, kind: TranslatableKind, entityId: string) {
	const original = await selectContentOriginal(db, municipalityId, kind, entityId);
	if (!original) throw contentNotFound();
	return original;
}

/** The German texts beside every existing translation, for the translation form. */
export async function getTranslationEditor({ db, actor, municipalityId, kind, entityId }: { db: Executor; actor: Actor | null; municipalityId: string; kind: TranslatableKind; entityId: string }) {
	requireRole(actor, municipalityId, translatorRoles[kind]);
	const [original, rows] = await Promise.all([originalOrNotFound(db, municipalityId, kind, entityId), selectTranslationsOfEntity(db, municipalityId, kind, entityId)]);
	const values: Record<string, string> = {};
	for (const row of rows) values[translationFieldName(row.field, row.locale)] = row.text;
	return { kind, entityId, fields: translatableFields[kind], locales: translationLocales, original, values };
}

/**
 * Saves every language of one piece of content at once: a filled field is written, an emptied one
 * removed, an unchanged one left alone. One audit entry holds the texts before and after.
 */
export async function saveTranslations({
	db,
	actor,
	municipalityId,
	kind,
	entityId,
	input
}: {
	db: Database;
	actor: Actor | null;
	municipalityId: string;
	kind: TranslatableKind;
	entityId: string;
	input: TranslationFormInput;
}) {
	const staff = requireRole(actor, municipalityId, translatorRoles[kind]);
	return db.transaction(async (tx) => {
		await originalOrNotFound(tx, municipalityId, kind, entityId);
		const rows = await selectTranslationsOfEntity(tx, municipalityId, kind, entityId);
		const before: Record<string, string> = {};
		for (const row of rows) before[translationFieldName(row.field, row.locale)] = row.text;
		const after: Record<string, string> = {};
		let changed = 0;
		for (const field of translatableFields[kind]) {
			for (const locale of translationLocales) {
				const name = translationFieldName(field, locale);
				const text = (input[name] ?? '').trim();
				if (text) after[name] = text;
				if (text === (before[name] ?? '')) continue;
				changed++;
				if (text) await upsertTranslation(tx, { municipalityId, entityKind: kind, entityId, field, locale, text, updatedByUserId: staff.userId });
				else await deleteTranslation(tx, municipalityId, kind, entityId, field, locale);
			}
		}
		if (changed > 0) await recordChange(tx, { actor: staff, municipalityId, action: 'update', entityType: `${kind}_translation`, entityId, before, after });
		return { changed };
	});
}

type EditionAddress = { strategySlug: string; number: number };

async function editionOrNotFound(db: Executor, municipalityId: string, address: EditionAddress) {
	const edition = await selectEditionByAddress(db, municipalityId, address.strategySlug, address.number);
	if (!edition) throw contentNotFound();
	return edition;
}

/** The Leichte Sprache page of an edition; empty texts when none are written yet (the page says so). */
export async function getEasyReadPage({ db, municipalityId, address }: { db: Executor; municipalityId: string; address: EditionAddress }) {
	const edition = await editionOrNotFound(db, municipalityId, address);
	const row = await selectEasyReadText(db, municipalityId, edition.id);
	return { edition, summary: row?.summary ?? '', invitation: row?.invitation ?? '', updatedAt: row?.updatedAt ?? null };
}

export async function getEasyReadEditor({ db, actor, municipalityId, address }: { db: Executor; actor: Actor | null; municipalityId: string; address: EditionAddress }) {
	requireRole(actor, municipalityId, easyReadRoles);
	return getEasyReadPage({ db, municipalityId, address });
}

export async function saveEasyReadText({ db, actor, municipalityId, address, input }: { db: Database; actor: Actor | null; municipalityId: string; address: EditionAddress; input: EasyReadInput }) {
	const staff = requireRole(actor, municipalityId, easyReadRoles);
	return db.transaction(async (tx) => {
		const edition = await editionOrNotFound(tx, municipalityId, address);
		const before = await selectEasyReadText(tx, municipalityId, edition.id);
		const after = await upsertEasyReadText(tx, { municipalityId, editionId: edition.id, summary: input.summary, invitation: input.invitation, updatedByUserId: staff.userId });
		await recordChange(tx, { actor: staff, municipalityId, action: before ? 'update' : 'create', entityType: 'easy_read_text', entityId: after.id, before, after });
		return after;
	});
}
