// Demo council decisions of Münster: the 3rd edition adopted in April 2019, the 4th on 26 February
// 2025, each on its latest published version. Bodies, numbers and links are fictional.
import type { Database } from '../db/client';
import { selectEditionByPath } from '../participation/event.queries';
import { selectLatestVersionHead, upsertDecision, upsertSubmission, writeAdoptedVersion } from '../document/document-decision.queries';

const strategy = 'migration-und-integration';

const decisions = [
	{
		edition: 3,
		submittedAt: new Date('2019-03-16T09:00:00Z'),
		decision: {
			body: 'Rat der Stadt Münster',
			decidedOn: '2019-04-10',
			result: 'adopted' as const,
			votesFor: 58,
			votesAgainst: 7,
			votesAbstained: 4,
			referenceNumber: 'V/0171/2019',
			councilUrl: 'https://ratsinfo.example.org/muenster/vorlage/V-0171-2019',
			oparlPaperUrl: ''
		}
	},
	{
		edition: 4,
		submittedAt: new Date('2025-01-27T09:00:00Z'),
		decision: {
			body: 'Rat der Stadt Münster',
			decidedOn: '2025-02-26',
			result: 'adopted' as const,
			votesFor: 61,
			votesAgainst: 9,
			votesAbstained: 2,
			referenceNumber: 'V/0042/2025',
			councilUrl: 'https://ratsinfo.example.org/muenster/vorlage/V-0042-2025',
			oparlPaperUrl: 'https://ratsinfo.example.org/oparl/v1/muenster/paper/V-0042-2025'
		}
	}
];

export async function loadDemoCouncil(db: Database): Promise<void> {
	await db.transaction(async (tx) => {
		for (const entry of decisions) {
			const edition = await selectEditionByPath(tx, 'muenster', strategy, entry.edition);
			if (!edition) continue;
			const version = await selectLatestVersionHead(tx, edition.municipalityId, edition.editionId);
			if (!version) continue;
			const scope = { municipalityId: edition.municipalityId, editionId: edition.editionId };
			await upsertSubmission(tx, { ...scope, versionId: version.id, submittedBy: null, submittedAt: entry.submittedAt });
			await upsertDecision(tx, { ...scope, ...entry.decision, versionId: version.id, documentFileKey: null, documentFileName: '', documentBytes: null, recordedBy: null });
			await writeAdoptedVersion(tx, edition.municipalityId, edition.editionId, version.id);
		}
	});
}
