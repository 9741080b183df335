// The council's part of an edition: the version submitted to the council, the decision on it, and what
// the decision does to the edition (adopted text, stage, stage dates); the decision document on disk.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { calendarDayIn } from '../calendar-day';
import type { Database, Executor } from '../db/client';
import { takeAdoptionSnapshot } from '../monitoring/snapshot.service';
import { recordChange } from '../audit/audit.service';
import { requireRole, type Actor } from '../people/actor';
import { announceEditionStage } from '../updates/updates.service';
import type { CouncilDecisionInput, CouncilSubmissionInput } from '$lib/validation/document-decision';
import { lockEdition } from './document.admin.queries';
import { editionNotFound } from './document.errors';
import { selectEditionHead } from './document.queries';
import type { EditionStage } from './document.schema';
import type { DecisionResult } from './document-decision.schema';
import { documentVersionNotFound } from './document-version.errors';
import { getEditionForDrafting } from './document-version.service';
import { selectVersionList } from './document-version.queries';
import {
	councilNoVersion,
	councilNotDrafting,
	decisionBeforeVersion,
	decisionDocumentNotFound,
	decisionDocumentNotPdf,
	decisionDocumentTooLarge,
	decisionStageClosed
} from './document-decision.errors';
import {
	deleteStageDate,
	selectDecisionAndAdoptedVersion,
	selectDecision,
	selectDecisionDocument,
	selectDecisionOfEdition,
	selectDecisionsOfEditions,
	selectLatestVersionHead,
	selectStageDate,
	selectSubmission,
	selectVersionHeadById,
	selectVersionHeadByNumber,
	updateEditionStage,
	upsertDecision,
	upsertSubmission,
	writeStageDate,
	type CouncilDecision
} from './document-decision.queries';

/** Who takes an edition to the council and records its decision: the facilitators who run the process, and admins. */
export const councilRoles = ['admin', 'facilitator'] as const;

export const DECISION_DOCUMENT_MAX_BYTES = 20 * 1024 * 1024;

/** Where decision documents live: DATA_DIR/uploads/decisions in the app, a temporary directory in tests. */
export type DecisionStorage = { dir: string };

type Scope = { db: Database; actor: Actor | null; municipalityId: string };
type EditionScope = Scope & { editionId: string };

const documentPath = (storage: DecisionStorage, municipalityId: string, fileKey: string) => path.join(storage.dir, municipalityId, `${fileKey}.pdf`);

/** The stage an edition is in once a decision with this result is recorded. */
export function stageAfterDecision(result: DecisionResult): EditionStage {
	if (result === 'adopted' || result === 'adopted_with_changes') return 'adopted';
	if (result === 'referred_back') return 'drafting';
	return 'in_council';
}

/** A file is taken for a PDF only if it starts like one; the name and the browser's claim count for nothing. */
export function looksLikePdf(bytes: Uint8Array): boolean {
	const magic = [0x25, 0x50, 0x44, 0x46, 0x2d];
	return bytes.byteLength > magic.length && magic.every((byte, index) => bytes[index] === byte);
}

/** Everything the back-office council page shows. */
export async function getCouncilPage(scope: Scope & { strategySlug: string; number: number }) {
	const { db, municipalityId } = scope;
	const { strategy, edition } = await getEditionForDrafting(scope);
	const [versions, submission, decision] = await Promise.all([
		selectVersionList(db, municipalityId, edition.id),
		selectSubmission(db, municipalityId, edition.id),
		selectDecisionOfEdition(db, municipalityId, edition.id)
	]);
	const submittedVersion = submission ? versions.find((version) => version.id === submission.versionId) : undefined;
	return {
		strategy,
		edition,
		versions,
		submission: submission ? { submittedAt: submission.submittedAt, versionNumber: submittedVersion?.number ?? null } : null,
		decision: decision ? { ...decision.decision, versionNumber: decision.versionNumber } : null,
		maxMegabytes: DECISION_DOCUMENT_MAX_BYTES / 1024 / 1024,
		maySubmit: edition.stage === 'drafting' && versions.length > 0,
		mayDecide: edition.stage === 'in_council' || (decision !== undefined && edition.stage === stageAfterDecision(decision.decision.result))
	};
}

/** Takes a drafting edition to the council with one of its published versions. */
export async function submitToCouncil({ db, actor, municipalityId, editionId, input, today }: EditionScope & { input: CouncilSubmissionInput; today: string }) {
	const staff = requireRole(actor, municipalityId, councilRoles);
	return db.transaction(async (tx) => {
		const edition = await lockEdition(tx, municipalityId, editionId);
		if (!edition) throw editionNotFound();
		if (edition.stage !== 'drafting') throw councilNotDrafting();
		const version = await selectVersionHeadByNumber(tx, municipalityId, editionId, input.versionNumber);
		if (!version) throw documentVersionNotFound({ number: input.versionNumber });
		const submission = await upsertSubmission(tx, { municipalityId, editionId, versionId: version.id, submittedBy: staff.userId, submittedAt: new Date() });
		await updateEditionStage(tx, municipalityId, editionId, { stage: 'in_council' });
		await writeStageDate(tx, municipalityId, editionId, 'drafting', { endsOn: today });
		await writeStageDate(tx, municipalityId, editionId, 'in_council', { startsOn: today, endsOn: null });
		await announceEditionStage(tx, { municipalityId, editionId, stage: 'in_council' });
		await recordChange(tx, {
			actor: staff,
			municipalityId,
			action: 'update',
			entityType: 'council_submission',
			entityId: submission.id,
			before: { stage: edition.stage },
			after: { stage: 'in_council', versionId: version.id, versionNumber: version.number, submittedOn: today }
		});
		return submission;
	});
}

/** Takes back what an earlier decision did to the edition, so that its correction starts from the council stage. */
async function undoDecision(tx: Executor, municipalityId: string, editionId: string, previous: CouncilDecision) {
	const inCouncil = await selectStageDate(tx, municipalityId, editionId, 'in_council');
	if (previous.result === 'adopted' || previous.result === 'adopted_with_changes') await deleteStageDate(tx, municipalityId, editionId, 'adopted');
	if (previous.result === 'referred_back' && inCouncil) await writeStageDate(tx, municipalityId, editionId, 'drafting', { endsOn: inCouncil.startsOn });
	await writeStageDate(tx, municipalityId, editionId, 'in_council', { startsOn: inCouncil?.startsOn ?? previous.decidedOn, endsOn: null });
	await updateEditionStage(tx, municipalityId, editionId, { stage: 'in_council', adoptedVersionId: null });
}

async function applyDecision(tx: Executor, municipalityId: string, editionId: string, decision: { result: DecisionResult; decidedOn: string; versionId: string }) {
	const { result, decidedOn, versionId } = decision;
	await writeStageDate(tx, municipalityId, editionId, 'in_council', { endsOn: decidedOn });
	if (result === 'adopted' || result === 'adopted_with_changes') {
		await updateEditionStage(tx, municipalityId, editionId, { stage: 'adopted', adoptedVersionId: versionId });
		await writeStageDate(tx, municipalityId, editionId, 'adopted', { startsOn: decidedOn, endsOn: null });
	} else if (result === 'referred_back') {
		await updateEditionStage(tx, municipalityId, editionId, { stage: 'drafting', adoptedVersionId: null });
		await writeStageDate(tx, municipalityId, editionId, 'drafting', { endsOn: null });
	}
}

/**
 * Records the council's decision on the submitted version (or corrects the one recorded). Checks the
 * uploaded file before anything is written; the file is written first and removed again if the
 * decision cannot be stored, so that neither exists without the other.
 */
export async function recordDecision({
	db,
	actor,
	municipalityId,
	editionId,
	input,
	document,
	storage,
	timeZone = 'Europe/Berlin'
}: EditionScope & { input: CouncilDecisionInput; document: { bytes: Uint8Array; fileName: string } | null; storage: DecisionStorage; timeZone?: string }) {
	const staff = requireRole(actor, municipalityId, councilRoles);
	if (document) {
		if (document.bytes.byteLength > DECISION_DOCUMENT_MAX_BYTES) throw decisionDocumentTooLarge({ megabytes: DECISION_DOCUMENT_MAX_BYTES / 1024 / 1024 });
		if (!looksLikePdf(document.bytes)) throw decisionDocumentNotPdf();
	}
	const fileKey = document ? randomBytes(16).toString('hex') : null;
	if (document && fileKey) {
		await mkdir(path.join(storage.dir, municipalityId), { recursive: true });
		await writeFile(documentPath(storage, municipalityId, fileKey), document.bytes);
	}
	try {
		const { stored, replacedFileKey } = await db.transaction(async (tx) => {
			const edition = await lockEdition(tx, municipalityId, editionId);
			if (!edition) throw editionNotFound();
			const previous = await selectDecision(tx, municipalityId, editionId);
			const correcting = previous !== undefined && edition.stage === stageAfterDecision(previous.result);
			if (edition.stage !== 'in_council' && !correcting) throw decisionStageClosed();
			const submission = await selectSubmission(tx, municipalityId, editionId);
			// Editions that reached the council before submissions were recorded go with their latest version.
			const version = submission
				? await selectVersionHeadById(tx, municipalityId, submission.versionId)
				: previous
					? await selectVersionHeadById(tx, municipalityId, previous.versionId)
					: await selectLatestVersionHead(tx, municipalityId, editionId);
			if (!version) throw councilNoVersion();
			const publishedOn = calendarDayIn(timeZone, version.publishedAt);
			if (input.decidedOn < publishedOn) throw decisionBeforeVersion({ date: publishedOn });
			if (previous) await undoDecision(tx, municipalityId, editionId, previous);
			const stored = await upsertDecision(tx, {
				municipalityId,
				editionId,
				versionId: version.id,
				body: input.body,
				decidedOn: input.decidedOn,
				result: input.result,
				votesFor: input.votesFor,
				votesAgainst: input.votesAgainst,
				votesAbstained: input.votesAbstained,
				referenceNumber: input.referenceNumber,
				councilUrl: input.councilUrl,
				oparlPaperUrl: input.oparlPaperUrl,
				// A correction without a new file keeps the document recorded before.
				documentFileKey: fileKey ?? previous?.documentFileKey ?? null,
				documentFileName: document ? cleanFileName(document.fileName) : (previous?.documentFileName ?? ''),
				documentBytes: document ? document.bytes.byteLength : (previous?.documentBytes ?? null),
				recordedBy: staff.userId
			});
			await applyDecision(tx, municipalityId, editionId, { result: input.result, decidedOn: input.decidedOn, versionId: version.id });
			if (stageAfterDecision(input.result) !== edition.stage) await announceEditionStage(tx, { municipalityId, editionId, stage: stageAfterDecision(input.result) });
			// Adopting freezes the edition's indicator values as they stood (a corrected decision freezes them anew).
			if (input.result === 'adopted' || input.result === 'adopted_with_changes')
				await takeAdoptionSnapshot(tx, { municipalityId, editionId, decidedOn: input.decidedOn, takenBy: staff.userId });
			await recordChange(tx, {
				actor: staff,
				municipalityId,
				action: previous ? 'update' : 'create',
				entityType: 'council_decision',
				entityId: stored.id,
				before: previous ? { ...previous, stage: edition.stage } : { stage: edition.stage },
				after: { ...stored, stage: stageAfterDecision(input.result), versionNumber: version.number }
			});
			return { stored, replacedFileKey: fileKey && previous?.documentFileKey ? previous.documentFileKey : null };
		});
		if (replacedFileKey) await rm(documentPath(storage, municipalityId, replacedFileKey), { force: true });
		return stored;
	} catch (error) {
		if (fileKey) await rm(documentPath(storage, municipalityId, fileKey), { force: true });
		throw error;
	}
}

// The name is only shown and offered for saving; it never becomes part of a path.
function cleanFileName(name: string): string {
	const base = name.split(/[\\/]/).pop() ?? '';
	const cleaned = base.replace(/[^\p{L}\p{N} ._-]/gu, '').trim().slice(0, 120);
	return cleaned.toLowerCase().endsWith('.pdf') ? cleaned : `${cleaned || 'beschluss'}.pdf`;
}

// ——— Public reading ———

/** The decision on an edition and the number of its adopted text, as the public edition page shows them. */
export async function getEditionDecision({ db, municipalityId, editionId }: { db: Executor; municipalityId: string; editionId: string }) {
	const row = await selectDecisionAndAdoptedVersion(db, municipalityId, editionId);
	const adoptedVersionNumber = row?.adoptedVersionNumber ?? null;
	if (!row?.decision || row.versionNumber === null) return { decision: null, adoptedVersionNumber };
	const { documentFileKey, recordedBy: _recordedBy, ...decision } = row.decision;
	return { decision: { ...decision, hasDocument: documentFileKey !== null, versionNumber: row.versionNumber }, adoptedVersionNumber };
}

export type EditionDecision = Awaited<ReturnType<typeof getEditionDecision>>;

/** Decision date and adopted text of each edition, keyed by edition id, for the strategy page. */
export async function listDecisionsOfEditions({ db, municipalityId, editionIds }: { db: Executor; municipalityId: string; editionIds: string[] }) {
	const rows = await selectDecisionsOfEditions(db, municipalityId, editionIds);
	return new Map(rows.map((row) => [row.editionId, row]));
}

/** The decision document of an edition as bytes, with the name it is offered under. */
export async function readDecisionDocument({
	db,
	municipalityId,
	strategySlug,
	number,
	storage
}: { db: Executor; municipalityId: string; strategySlug: string; number: number; storage: DecisionStorage }) {
	const head = await selectEditionHead(db, { municipalityId, strategySlug, number });
	if (!head?.edition) throw decisionDocumentNotFound();
	const row = await selectDecisionDocument(db, municipalityId, head.edition.id);
	if (!row?.fileKey) throw decisionDocumentNotFound();
	try {
		return { bytes: await readFile(documentPath(storage, municipalityId, row.fileKey)), fileName: row.fileName, fileKey: row.fileKey };
	} catch {
		throw decisionDocumentNotFound();
	}
}
