// Measurements uploaded in the back office: the same streaming importer as `npm run import`, run by
// facilitators and admins of the municipality, audited in the import's own transaction.
import { createReadStream } from 'node:fs';
import { recordChange } from '../audit/audit.service';
import type { Database } from '../db/client';
import { requireRole, type Actor } from '../people/actor';
import { importMeasurements, type ImportReport } from './measurement-import';
import { selectIndicatorCodes } from './measurement.queries';

const STAFF = ['admin', 'facilitator'] as const;

/** Refuses before the upload is even read: only staff of the municipality import measurements. */
export function requireMeasurementImporter(actor: Actor | null, municipalityId: string): Actor {
	return requireRole(actor, municipalityId, STAFF);
}

/** What the upload page offers: the indicator codes a file may name. Staff only. */
export async function getMeasurementImportPage({ db, actor, municipalityId, editionId }: { db: Database; actor: Actor | null; municipalityId: string; editionId: string }) {
	requireMeasurementImporter(actor, municipalityId);
	return { codes: await selectIndicatorCodes(db, municipalityId, editionId) };
}

/**
 * Imports the uploaded file (already on disk) into the edition. All or nothing unless `partial`;
 * `german` reads semicolons and decimal commas as German spreadsheets write them.
 */
export async function importUploadedMeasurements({
	db,
	actor,
	municipalityId,
	editionId,
	file,
	partial,
	german
}: {
	db: Database;
	actor: Actor | null;
	municipalityId: string;
	editionId: string;
	file: { path: string; name: string };
	partial: boolean;
	german: boolean;
}): Promise<ImportReport> {
	const staff = requireMeasurementImporter(actor, municipalityId);
	return importMeasurements(db, createReadStream(file.path), {
		municipalityId,
		editionId,
		partial,
		german,
		fileName: file.name,
		startedBy: staff.userId,
		// A page shows the first hundred problems; the counts cover all of them.
		keepErrors: 100,
		beforeCommit: async (tx, report) => {
			if (!report.batchId) return;
			await recordChange(tx, {
				actor: staff,
				municipalityId,
				action: 'create',
				entityType: 'measurement_import',
				entityId: report.batchId,
				after: { editionId, fileName: file.name, partial, german, rowsRead: report.rowsRead, imported: report.imported, rejected: report.rejected }
			});
		}
	});
}
