import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/test-db';
import { compareEditions } from '../document/document-lineage.service';
import { getTraceOverview } from '../document/document-trace.service';
import { getPublishedDocument } from '../document/document-version.service';
import { demoData } from './demo-data';
import { loadDemoDocumentVersions } from './demo-document-versions';
import { loadDemoIdeas } from './demo-ideas';
import { loadDemoTrace } from './demo-trace';

let test: TestDatabase;

beforeAll(async () => {
	test = await createTestDatabase(demoData);
	await loadDemoIdeas(test.db);
	await loadDemoTrace(test.db);
	await loadDemoDocumentVersions(test.db);
}, 60_000);
afterAll(() => test.drop());

const scope = () => ({ db: test.db, municipalityId: test.ids.municipalityIds.get('muenster')!, strategySlug: 'migration-und-integration' });

it('the demo’s 3rd and 4th editions share lineages: new, dropped, continued, changed and moved goals', async () => {
	const { comparison } = await compareEditions({ ...scope(), from: 3, to: 4 });
	const goals = comparison.fields.flatMap((field) => field.goals);
	const statusOf = (title: string) => goals.find((goal) => goal.titleText === title);
	expect(statusOf('Berufliche Qualifikationen aus dem Ausland werden schneller anerkannt')?.status).toBe('continued');
	expect(statusOf('Mehr Menschen mit internationaler Geschichte engagieren sich in Gremien')?.status).toBe('changed');
	expect(statusOf('Bürgerdienste sind mehrsprachig zugänglich')?.movedFrom).toBe('Teilhabe');
	expect(statusOf('Beratung für Betroffene von Diskriminierung stärken')?.status).toBe('dropped');
	expect(statusOf('Junge Menschen gestalten die Integrationspolitik mit')?.status).toBe('new');
	expect(comparison.counts.measures.dropped).toBeGreaterThan(0);
});

it('the published versions carry the shared lineage, so anchors of both editions agree', async () => {
	const third = await getPublishedDocument({ ...scope(), number: 3, versionNumber: null });
	const fourth = await getPublishedDocument({ ...scope(), number: 4, versionNumber: null });
	const lineages = (fields: NonNullable<typeof third.version>['fields']) => new Set(fields.flatMap((field) => field.goals.map((goal) => goal.lineageId)));
	const shared = [...lineages(third.version!.fields)].filter((lineage) => lineages(fourth.version!.fields).has(lineage));
	expect(shared.length).toBe(3);
});

it('about forty ideas of the 4th edition are traced to its goals and measures', async () => {
	const overview = await getTraceOverview({ ...scope(), number: 4 });
	expect(overview.totals.takenUp).toBeGreaterThanOrEqual(35);
	expect(overview.totals.takenUp).toBeLessThanOrEqual(45);
	expect(overview.totals.measuresWithIdeas).toBeGreaterThan(0);
	expect(overview.fields.every((field) => field.takenUp > 0)).toBe(true);
});
