// The edition's document as a text: its introduction and free sections beside the outline, and the
// immutable numbered versions that facilitators publish from it; public reading and comparison of them.
import type { Database, Executor } from '../db/client';
import { recordChange } from '../audit/audit.service';
import { requireRole, type Actor } from '../people/actor';
import { announceDraftVersion } from '../updates/updates.service';
import type { Role } from '../people/people.schema';
import { renderMarkdown } from '../participation/event.markdown';
import type { DocumentSectionInput, IntroductionInput, PublishVersionInput } from '$lib/validation/document-version';
import type { MoveDirection } from '$lib/validation/document';
import { lockEdition } from './document.admin.queries';
import { compareSnapshots } from './document.diff';
import { editionNotFound, strategyNotFound } from './document.errors';
import { buildOutline } from './document.outline';
import { selectEditionByNumber, selectEditionHead, selectOutline, selectStrategyBySlug } from './document.queries';
import type { EditionStage } from './document.schema';
import { buildSnapshot, type DocumentSnapshot, type SnapshotParagraph } from './document.snapshot';
import { documentCompareInvalid, documentNotDrafting, documentSectionNotFound, documentVersionNotFound } from './document-version.errors';
import {
	deleteSection,
	insertSection,
	insertVersion,
	selectEditionsInStages,
	selectIntroduction,
	selectLatestVersionNumber,
	selectSections,
	selectVersion,
	selectVersionList,
	updateSection as writeSection,
	upsertIntroduction,
	writeSectionPositions
} from './document-version.queries';

export type { DocumentComparison, DiffPart, ItemChange } from './document.diff';
export type { DocumentSnapshot } from './document.snapshot';

/** Who drafts the document: the facilitators who run the process, and admins. */
export const draftingRoles: readonly Role[] = ['admin', 'facilitator'];

/**
 * Versions are published while the edition is open for drafting: a first draft may already go out
 * for discussion during participation. Once it is in council, the text is what the council reads.
 */
export const draftingStages: readonly EditionStage[] = ['participating', 'drafting'];

type Scope = { db: Database; actor: Actor | null; municipalityId: string };
type EditionScope = Scope & { editionId: string };

async function findEdition(db: Executor, municipalityId: string, strategySlug: string, number: number) {
	const strategy = await selectStrategyBySlug(db, municipalityId, strategySlug);
	if (!strategy) throw strategyNotFound({ slug: strategySlug });
	const edition = await selectEditionByNumber(db, municipalityId, strategy.id, number);
	if (!edition) throw editionNotFound({ number });
	return { strategy, edition };
}

/** The edition an address names, for staff who draft its document. */
export async function getEditionForDrafting({ db, actor, municipalityId, strategySlug, number }: Scope & { strategySlug: string; number: number }) {
	requireRole(actor, municipalityId, draftingRoles);
	return findEdition(db, municipalityId, strategySlug, number);
}

/**
 * The documents a facilitator can draft now, in the municipalities they facilitate without
 * administering (admins reach them through the strategies section).
 */
export async function listDocumentsToDraft({ db, actor }: { db: Database; actor: Actor | null }) {
	if (!actor) return [];
	const administered = new Set(actor.memberships.filter((m) => m.role === 'admin').map((m) => m.municipalityId));
	const facilitated = actor.memberships.filter((m) => m.role === 'facilitator' && !administered.has(m.municipalityId)).map((m) => m.municipalityId);
	return selectEditionsInStages(db, [...new Set(facilitated)], draftingStages);
}

/** Everything the drafting page shows: the working state of the document and the versions so far. */
export async function getDocumentForDrafting(scope: Scope & { strategySlug: string; number: number }) {
	const { db, municipalityId } = scope;
	const { strategy, edition } = await getEditionForDrafting(scope);
	const [outlineRows, introduction, sections, versions] = await Promise.all([
		selectOutline(db, municipalityId, edition.id),
		selectIntroduction(db, municipalityId, edition.id),
		selectSections(db, municipalityId, edition.id),
		selectVersionList(db, municipalityId, edition.id)
	]);
	return {
		strategy,
		edition,
		outline: buildOutline(outlineRows.fieldRows, outlineRows.goalRows, outlineRows.measureRows),
		introduction,
		sections,
		versions,
		mayPublish: draftingStages.includes(edition.stage)
	};
}

/** Checks the actor, then works with the edition locked: section positions and version numbers cannot race. */
async function inDocument<T>({ db, actor, municipalityId, editionId }: EditionScope, work: (tx: Executor, staff: Actor, stage: EditionStage) => Promise<T>) {
	const staff = requireRole(actor, municipalityId, draftingRoles);
	return db.transaction(async (tx) => {
		const edition = await lockEdition(tx, municipalityId, editionId);
		if (!edition) throw editionNotFound();
		return work(tx, staff, edition.stage);
	});
}

export async function saveIntroduction(scope: EditionScope & { input: IntroductionInput }) {
	const { municipalityId, editionId, input } = scope;
	return inDocument(scope, async (tx, staff) => {
		const before = await selectIntroduction(tx, municipalityId, editionId);
		if (before === input.introduction) return;
		await upsertIntroduction(tx, municipalityId, editionId, input.introduction);
		await recordChange(tx, {
			actor: staff,
			municipalityId,
			action: 'update',
			entityType: 'document_introduction',
			entityId: editionId,
			before: { introduction: before },
			after: { introduction: input.introduction }
		});
	});
}

async function sectionOf(tx: Executor, municipalityId: string, editionId: string, sectionId: string) {
	const sections = await selectSections(tx, municipalityId, editionId);
	const section = sections.find((candidate) => candidate.id === sectionId);
	if (!section) throw documentSectionNotFound();
	return { section, sections };
}

export async function addSection(scope: EditionScope & { input: DocumentSectionInput }) {
	const { municipalityId, editionId, input } = scope;
	return inDocument(scope, async (tx, staff) => {
		const siblings = await selectSections(tx, municipalityId, editionId);
		const created = await insertSection(tx, { ...input, municipalityId, editionId, position: siblings.length });
		await recordChange(tx, { actor: staff, municipalityId, action: 'create', entityType: 'document_section', entityId: created.id, after: created });
		return created;
	});
}

export async function updateSection(scope: EditionScope & { sectionId: string; input: DocumentSectionInput }) {
	const { municipalityId, editionId, sectionId, input } = scope;
	return inDocument(scope, async (tx, staff) => {
		const { section: before } = await sectionOf(tx, municipalityId, editionId, sectionId);
		const after = await writeSection(tx, municipalityId, sectionId, input);
		await recordChange(tx, { actor: staff, municipalityId, action: 'update', entityType: 'document_section', entityId: sectionId, before, after });
	});
}

export async function moveSection(scope: EditionScope & { sectionId: string; direction: MoveDirection }) {
	const { municipalityId, editionId, sectionId, direction } = scope;
	return inDocument(scope, async (tx, staff) => {
		const { sections } = await sectionOf(tx, municipalityId, editionId, sectionId);
		const index = sections.findIndex((section) => section.id === sectionId);
		const target = direction === 'up' ? index - 1 : index + 1;
		if (target < 0 || target >= sections.length) return;
		const reordered = [...sections];
		[reordered[index], reordered[target]] = [reordered[target], reordered[index]];
		await writeSectionPositions(tx, municipalityId, reordered);
		await recordChange(tx, {
			actor: staff,
			municipalityId,
			action: 'move',
			entityType: 'document_section',
			entityId: sectionId,
			before: { position: index },
			after: { position: target }
		});
	});
}

export async function removeSection(scope: EditionScope & { sectionId: string }) {
	const { municipalityId, editionId, sectionId } = scope;
	return inDocument(scope, async (tx, staff) => {
		await sectionOf(tx, municipalityId, editionId, sectionId);
		const before = await deleteSection(tx, municipalityId, sectionId);
		await writeSectionPositions(tx, municipalityId, await selectSections(tx, municipalityId, editionId));
		await recordChange(tx, { actor: staff, municipalityId, action: 'delete', entityType: 'document_section', entityId: sectionId, before });
	});
}

/** The whole working state of the document as a version would keep it. */
// One query after another: inside a transaction they share one connection, which runs one at a time anyway.
export async function snapshotOfDraft(db: Executor, municipalityId: string, editionId: string): Promise<DocumentSnapshot> {
	const outlineRows = await selectOutline(db, municipalityId, editionId);
	const introduction = await selectIntroduction(db, municipalityId, editionId);
	const sections = await selectSections(db, municipalityId, editionId);
	return buildSnapshot({
		introduction,
		outline: buildOutline(outlineRows.fieldRows, outlineRows.goalRows, outlineRows.measureRows),
		sections
	});
}

/** Publishes the working state as the next numbered version; from then on the database keeps it unchanged. */
export async function publishVersion(scope: EditionScope & { input: PublishVersionInput }) {
	const { municipalityId, editionId, input } = scope;
	return inDocument(scope, async (tx, staff, stage) => {
		if (!draftingStages.includes(stage)) throw documentNotDrafting();
		const number = (await selectLatestVersionNumber(tx, municipalityId, editionId)) + 1;
		const created = await insertVersion(tx, {
			municipalityId,
			editionId,
			number,
			title: input.title,
			changeSummary: input.changeSummary,
			publishedBy: staff.userId,
			publishedByName: staff.name,
			snapshot: await snapshotOfDraft(tx, municipalityId, editionId)
		});
		await recordChange(tx, {
			actor: staff,
			municipalityId,
			action: 'create',
			entityType: 'document_version',
			entityId: created.id,
			after: { editionId, number, title: created.title, changeSummary: created.changeSummary, publishedAt: created.publishedAt }
		});
		await announceDraftVersion(tx, { municipalityId, editionId, versionNumber: number });
		return created;
	});
}

// ——— Public reading ———

export type RenderedParagraph = { anchor: string; html: string };

const rendered = (paragraphs: SnapshotParagraph[]): RenderedParagraph[] =>
	paragraphs.map((paragraph) => ({ anchor: paragraph.anchor, html: renderMarkdown(paragraph.markdown) }));

async function publicEdition(db: Executor, municipalityId: string, strategySlug: string, number: number) {
	const head = await selectEditionHead(db, { municipalityId, strategySlug, number });
	if (!head) throw strategyNotFound({ slug: strategySlug });
	if (!head.edition) throw editionNotFound({ number });
	return { strategy: head.strategy, edition: head.edition };
}

async function versionOf(db: Executor, municipalityId: string, editionId: string, number: number) {
	const version = await selectVersion(db, municipalityId, editionId, number);
	if (!version) throw documentVersionNotFound({ number });
	return version;
}

/** A published version for reading (the latest unless a number is asked for), with the list of all versions. */
export async function getPublishedDocument({
	db,
	municipalityId,
	strategySlug,
	number,
	versionNumber
}: { db: Executor; municipalityId: string; strategySlug: string; number: number; versionNumber: number | null }) {
	const { strategy, edition } = await publicEdition(db, municipalityId, strategySlug, number);
	const versions = await selectVersionList(db, municipalityId, edition.id);
	const wanted = versionNumber ?? versions[0]?.number;
	if (wanted === undefined) return { strategy, edition, versions, version: null };
	const { snapshot, ...version } = await versionOf(db, municipalityId, edition.id, wanted);
	return {
		strategy,
		edition,
		versions,
		version: {
			...version,
			isLatest: version.number === versions[0]?.number,
			introduction: rendered(snapshot.introduction),
			fields: snapshot.fields,
			sections: snapshot.sections.map(({ paragraphs, ...section }) => ({ ...section, paragraphs: rendered(paragraphs) }))
		}
	};
}

/** Two published versions of an edition compared word by word, with a summary per goal. */
export async function compareDocumentVersions({
	db,
	municipalityId,
	strategySlug,
	number,
	from,
	to
}: { db: Executor; municipalityId: string; strategySlug: string; number: number; from: number; to: number }) {
	if (from === to) throw documentCompareInvalid();
	const { strategy, edition } = await publicEdition(db, municipalityId, strategySlug, number);
	const [versions, before, after] = await Promise.all([
		selectVersionList(db, municipalityId, edition.id),
		versionOf(db, municipalityId, edition.id, from),
		versionOf(db, municipalityId, edition.id, to)
	]);
	const { snapshot: snapshotBefore, ...versionBefore } = before;
	const { snapshot: snapshotAfter, ...versionAfter } = after;
	return { strategy, edition, versions, before: versionBefore, after: versionAfter, comparison: compareSnapshots(snapshotBefore, snapshotAfter) };
}

export type PublishedDocument = Awaited<ReturnType<typeof getPublishedDocument>>;
export type VersionComparison = Awaited<ReturnType<typeof compareDocumentVersions>>;
