import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/test-db';
import { getStrategyBySlug } from '../document/document.service';
import { getEditionDecision, listDecisionsOfEditions } from '../document/document-decision.service';
import { demoData } from './demo-data';
import { loadDemoCouncil } from './demo-council';
import { loadDemoDocumentVersions } from './demo-document-versions';

let test: TestDatabase;

beforeAll(async () => {
	test = await createTestDatabase(demoData);
	await loadDemoDocumentVersions(test.db);
	await loadDemoCouncil(test.db);
}, 60_000);
afterAll(() => test.drop());

it('the demo’s 3rd and 4th editions carry their council decisions and adopted texts', async () => {
	const municipalityId = test.ids.municipalityIds.get('muenster')!;
	const strategy = await getStrategyBySlug({ db: test.db, municipalityId, slug: 'migration-und-integration' });
	const decisions = await listDecisionsOfEditions({ db: test.db, municipalityId, editionIds: strategy.editions.map((edition) => edition.id) });
	const byNumber = Object.fromEntries(strategy.editions.map((edition) => [edition.number, decisions.get(edition.id)]));
	expect(byNumber[3]).toMatchObject({ decidedOn: '2019-04-10', result: 'adopted', adoptedVersionNumber: 1 });
	expect(byNumber[4]).toMatchObject({ decidedOn: '2025-02-26', result: 'adopted', adoptedVersionNumber: 2 });
	expect(byNumber[2]).toMatchObject({ decidedOn: null, adoptedVersionNumber: null });
	const fourth = strategy.editions.find((edition) => edition.number === 4)!;
	const shown = await getEditionDecision({ db: test.db, municipalityId, editionId: fourth.id });
	expect(shown.decision).toMatchObject({ body: 'Rat der Stadt Münster', votesFor: 61, referenceNumber: 'V/0042/2025', versionNumber: 2, hasDocument: false });
});
