import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../db/client';
import { editionStageDates, editions, type EditionStage } from './document.schema';
import { councilDecisions, councilSubmissions } from './document-decision.schema';
import { documentVersions } from './document-version.schema';

// Data access for the council submission and decision of an edition, and the stage moves they cause.

export type CouncilDecision = typeof councilDecisions.$inferSelect;
export type CouncilSubmission = typeof councilSubmissions.$inferSelect;

const versionHead = { id: documentVersions.id, number: documentVersions.number, title: documentVersions.title, publishedAt: documentVersions.publishedAt };

export async function selectVersionHeadByNumber(db: Executor, municipalityId: string, editionId: string, number: number) {
	const [row] = await db
		.select(versionHead)
		.from(documentVersions)
		.where(and(eq(documentVersions.municipalityId, municipalityId), eq(documentVersions.editionId, editionId), eq(documentVersions.number, number)))
		.limit(1);
	return row;
}

export async function selectVersionHeadById(db: Executor, municipalityId: string, versionId: string) {
	const [row] = await db
		.select(versionHead)
		.from(documentVersions)
		.where(and(eq(documentVersions.municipalityId, municipalityId), eq(documentVersions.id, versionId)))
		.limit(1);
	return row;
}

export async function selectLatestVersionHead(db: Executor, municipalityId: string, editionId: string) {
	const [row] = await db
		.select(versionHead)
		.from(documentVersions)
		.where(and(eq(documentVersions.municipalityId, municipalityId), eq(documentVersions.editionId, editionId)))
		.orderBy(desc(documentVersions.number))
		.limit(1);
	return row;
}

export async function selectSubmission(db: Executor, municipalityId: string, editionId: string) {
	const [row] = await db
		.select()
		.from(councilSubmissions)
		.where(and(eq(councilSubmissions.municipalityId, municipalityId), eq(councilSubmissions.editionId, editionId)))
		.limit(1);
	return row;
}

export async function upsertSubmission(db: Executor, values: { municipalityId: string; editionId: string; versionId: string; submittedBy: string | null; submittedAt: Date }) {
	const [row] = await db
		.insert(councilSubmissions)
		.values(values)
		.onConflictDoUpdate({
			target: [councilSubmissions.municipalityId, councilSubmissions.editionId],
			set: { versionId: values.versionId, submittedBy: values.submittedBy, submittedAt: values.submittedAt, updatedAt: new Date() }
		})
		.returning();
	return row;
}

export async function selectDecision(db: Executor, municipalityId: string, editionId: string) {
	const [row] = await db
		.select()
		.from(councilDecisions)
		.where(and(eq(councilDecisions.municipalityId, municipalityId), eq(councilDecisions.editionId, editionId)))
		.limit(1);
	return row;
}

export type DecisionValues = Omit<typeof councilDecisions.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;

export async function upsertDecision(db: Executor, values: DecisionValues) {
	const [row] = await db
		.insert(councilDecisions)
		.values(values)
		.onConflictDoUpdate({ target: [councilDecisions.municipalityId, councilDecisions.editionId], set: { ...values, updatedAt: new Date() } })
		.returning();
	return row;
}

export async function updateEditionStage(db: Executor, municipalityId: string, editionId: string, values: { stage: EditionStage; adoptedVersionId?: string | null }) {
	await db
		.update(editions)
		.set({ ...values, updatedAt: new Date() })
		.where(and(eq(editions.municipalityId, municipalityId), eq(editions.id, editionId)));
}

export async function selectStageDate(db: Executor, municipalityId: string, editionId: string, stage: EditionStage) {
	const [row] = await db
		.select()
		.from(editionStageDates)
		.where(and(eq(editionStageDates.municipalityId, municipalityId), eq(editionStageDates.editionId, editionId), eq(editionStageDates.stage, stage)))
		.limit(1);
	return row;
}

/** Sets when a stage began and ended; a stage without a row gets one. */
export async function writeStageDate(db: Executor, municipalityId: string, editionId: string, stage: EditionStage, dates: { startsOn?: string; endsOn: string | null }) {
	const existing = await selectStageDate(db, municipalityId, editionId, stage);
	if (existing) {
		await db
			.update(editionStageDates)
			.set({ startsOn: dates.startsOn ?? existing.startsOn, endsOn: dates.endsOn, updatedAt: new Date() })
			.where(eq(editionStageDates.id, existing.id));
	} else {
		await db.insert(editionStageDates).values({ municipalityId, editionId, stage, startsOn: dates.startsOn ?? dates.endsOn ?? '', endsOn: dates.endsOn });
	}
}

export async function deleteStageDate(db: Executor, municipalityId: string, editionId: string, stage: EditionStage) {
	await db
		.delete(editionStageDates)
		.where(and(eq(editionStageDates.municipalityId, municipalityId), eq(editionStageDates.editionId, editionId), eq(editionStageDates.stage, stage)));
}

/** The decisions and adopted versions of some editions, for the strategy page's list of editions. */
export async function selectDecisionsOfEditions(db: Executor, municipalityId: string, editionIds: string[]) {
	if (editionIds.length === 0) return [];
	return db
		.select({
			editionId: editions.id,
			decidedOn: councilDecisions.decidedOn,
			result: councilDecisions.result,
			adoptedVersionNumber: documentVersions.number
		})
		.from(editions)
		.leftJoin(councilDecisions, and(eq(councilDecisions.editionId, editions.id), eq(councilDecisions.municipalityId, municipalityId)))
		.leftJoin(documentVersions, and(eq(documentVersions.id, editions.adoptedVersionId), eq(documentVersions.municipalityId, municipalityId)))
		.where(and(eq(editions.municipalityId, municipalityId), inArray(editions.id, editionIds)))
		.orderBy(asc(editions.number))
		.limit(200);
}

/** The decision of one edition with the numbers of the version it decided on and of the adopted text. */
export async function selectDecisionOfEdition(db: Executor, municipalityId: string, editionId: string) {
	const [row] = await db
		.select({ decision: councilDecisions, versionNumber: documentVersions.number })
		.from(councilDecisions)
		.innerJoin(documentVersions, eq(documentVersions.id, councilDecisions.versionId))
		.where(and(eq(councilDecisions.municipalityId, municipalityId), eq(councilDecisions.editionId, editionId)))
		.limit(1);
	return row;
}

const decidedVersions = alias(documentVersions, 'decided_version');
const adoptedVersions = alias(documentVersions, 'adopted_version');

/**
 * What the public edition page shows of the council: the decision (if any) with the number of the version it
 * decided on, and the number of the adopted text, in one round trip.
 */
export async function selectDecisionAndAdoptedVersion(db: Executor, municipalityId: string, editionId: string) {
	const [row] = await db
		.select({ decision: councilDecisions, versionNumber: decidedVersions.number, adoptedVersionNumber: adoptedVersions.number })
		.from(editions)
		.leftJoin(councilDecisions, and(eq(councilDecisions.municipalityId, editions.municipalityId), eq(councilDecisions.editionId, editions.id)))
		.leftJoin(decidedVersions, and(eq(decidedVersions.municipalityId, editions.municipalityId), eq(decidedVersions.id, councilDecisions.versionId)))
		.leftJoin(adoptedVersions, and(eq(adoptedVersions.municipalityId, editions.municipalityId), eq(adoptedVersions.id, editions.adoptedVersionId)))
		.where(and(eq(editions.municipalityId, municipalityId), eq(editions.id, editionId)))
		.limit(1);
	return row;
}

export async function selectAdoptedVersionNumber(db: Executor, municipalityId: string, editionId: string): Promise<number | null> {
	const [row] = await db
		.select({ number: documentVersions.number })
		.from(editions)
		.innerJoin(documentVersions, eq(documentVersions.id, editions.adoptedVersionId))
		.where(and(eq(editions.municipalityId, municipalityId), eq(editions.id, editionId)))
		.limit(1);
	return row?.number ?? null;
}

/** Decision documents by file key, for serving them: only a recorded decision's file is ever served. */
export async function selectDecisionDocument(db: Executor, municipalityId: string, editionId: string) {
	const [row] = await db
		.select({ fileKey: councilDecisions.documentFileKey, fileName: councilDecisions.documentFileName, bytes: councilDecisions.documentBytes })
		.from(councilDecisions)
		.where(and(eq(councilDecisions.municipalityId, municipalityId), eq(councilDecisions.editionId, editionId)))
		.limit(1);
	return row?.fileKey ? row : undefined;
}


/** Names the adopted text of an edition without moving its stage (the demo's editions are past that). */
export async function writeAdoptedVersion(db: Executor, municipalityId: string, editionId: string, versionId: string) {
	await db
		.update(editions)
		.set({ adoptedVersionId: versionId, updatedAt: new Date() })
		.where(and(eq(editions.municipalityId, municipalityId), eq(editions.id, editionId)));
}
