import { and, asc, desc, eq, inArray, max } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { municipalities } from '../tenancy/tenancy.schema';
import { editions, strategies, type EditionStage } from './document.schema';
import { documentDrafts, documentSections, documentVersions } from './document-version.schema';
import type { DocumentSnapshot } from './document.snapshot';

// Data access for the edition's document text and its published versions.

export type DocumentSection = typeof documentSections.$inferSelect;
export type DocumentVersion = typeof documentVersions.$inferSelect;

export async function selectIntroduction(db: Executor, municipalityId: string, editionId: string) {
	const [row] = await db
		.select({ introduction: documentDrafts.introduction })
		.from(documentDrafts)
		.where(and(eq(documentDrafts.municipalityId, municipalityId), eq(documentDrafts.editionId, editionId)))
		.limit(1);
	return row?.introduction ?? '';
}

export async function upsertIntroduction(db: Executor, municipalityId: string, editionId: string, introduction: string) {
	await db
		.insert(documentDrafts)
		.values({ municipalityId, editionId, introduction })
		.onConflictDoUpdate({ target: documentDrafts.editionId, set: { introduction, updatedAt: new Date() } });
}

export async function selectSections(db: Executor, municipalityId: string, editionId: string) {
	return db
		.select()
		.from(documentSections)
		.where(and(eq(documentSections.municipalityId, municipalityId), eq(documentSections.editionId, editionId)))
		.orderBy(asc(documentSections.position), asc(documentSections.createdAt))
		.limit(200);
}

export async function insertSection(
	db: Executor,
	values: { municipalityId: string; editionId: string; title: string; body: string; position: number }
) {
	const [row] = await db.insert(documentSections).values(values).returning();
	return row;
}

export async function updateSection(db: Executor, municipalityId: string, id: string, values: { title: string; body: string }) {
	const [row] = await db
		.update(documentSections)
		.set({ ...values, updatedAt: new Date() })
		.where(and(eq(documentSections.municipalityId, municipalityId), eq(documentSections.id, id)))
		.returning();
	return row;
}

export async function deleteSection(db: Executor, municipalityId: string, id: string) {
	const [row] = await db
		.delete(documentSections)
		.where(and(eq(documentSections.municipalityId, municipalityId), eq(documentSections.id, id)))
		.returning();
	return row;
}

export async function writeSectionPositions(db: Executor, municipalityId: string, ordered: { id: string; position: number }[]) {
	for (const [index, row] of ordered.entries()) {
		if (row.position === index) continue;
		await db
			.update(documentSections)
			.set({ position: index, updatedAt: new Date() })
			.where(and(eq(documentSections.municipalityId, municipalityId), eq(documentSections.id, row.id)));
	}
}

const versionListColumns = {
	id: documentVersions.id,
	number: documentVersions.number,
	title: documentVersions.title,
	changeSummary: documentVersions.changeSummary,
	publishedAt: documentVersions.publishedAt,
	publishedByName: documentVersions.publishedByName
};

/** The versions of an edition without their snapshots, newest first. */
export async function selectVersionList(db: Executor, municipalityId: string, editionId: string) {
	return db
		.select(versionListColumns)
		.from(documentVersions)
		.where(and(eq(documentVersions.municipalityId, municipalityId), eq(documentVersions.editionId, editionId)))
		.orderBy(desc(documentVersions.number))
		.limit(500);
}

export async function selectVersion(db: Executor, municipalityId: string, editionId: string, number: number) {
	const [row] = await db
		.select()
		.from(documentVersions)
		.where(
			and(eq(documentVersions.municipalityId, municipalityId), eq(documentVersions.editionId, editionId), eq(documentVersions.number, number))
		)
		.limit(1);
	return row;
}

/** The snapshots of a few versions at once (those a list of comments was written on). */
export async function selectVersionSnapshots(db: Executor, municipalityId: string, versionIds: string[]) {
	if (versionIds.length === 0) return [];
	return db
		.select({ id: documentVersions.id, snapshot: documentVersions.snapshot })
		.from(documentVersions)
		.where(and(eq(documentVersions.municipalityId, municipalityId), inArray(documentVersions.id, versionIds)));
}

export async function selectVersionSnapshot(db: Executor, municipalityId: string, versionId: string) {
	const [row] = await db
		.select({ snapshot: documentVersions.snapshot })
		.from(documentVersions)
		.where(and(eq(documentVersions.municipalityId, municipalityId), eq(documentVersions.id, versionId)))
		.limit(1);
	return row?.snapshot;
}

export async function selectLatestVersionNumber(db: Executor, municipalityId: string, editionId: string) {
	const [row] = await db
		.select({ value: max(documentVersions.number) })
		.from(documentVersions)
		.where(and(eq(documentVersions.municipalityId, municipalityId), eq(documentVersions.editionId, editionId)));
	return row?.value ?? 0;
}

export async function insertVersion(
	db: Executor,
	values: {
		municipalityId: string;
		editionId: string;
		number: number;
		title: string;
		changeSummary: string;
		publishedAt?: Date;
		publishedBy: string | null;
		publishedByName: string;
		snapshot: DocumentSnapshot;
	}
) {
	const [row] = await db.insert(documentVersions).values(values).returning();
	return row;
}

/** Editions in the given stages across the given municipalities, for the back office's way in. */
export async function selectEditionsInStages(db: Executor, municipalityIds: string[], stages: readonly EditionStage[]) {
	if (municipalityIds.length === 0) return [];
	return db
		.select({
			municipalitySlug: municipalities.slug,
			municipalityName: municipalities.name,
			strategySlug: strategies.slug,
			strategyTitle: strategies.title,
			number: editions.number
		})
		.from(editions)
		.innerJoin(strategies, and(eq(strategies.id, editions.strategyId), eq(strategies.municipalityId, editions.municipalityId)))
		.innerJoin(municipalities, eq(municipalities.id, editions.municipalityId))
		.where(and(inArray(editions.municipalityId, municipalityIds), inArray(editions.stage, [...stages])))
		.orderBy(asc(municipalities.name), asc(strategies.position), desc(editions.number))
		.limit(100);
}
