import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/test-db';
import { compareDocumentVersions, getPublishedDocument } from '../document/document-version.service';
import { demoData } from './demo-data';
import { loadDemoDocumentVersions } from './demo-document-versions';

let test: TestDatabase;

beforeAll(async () => {
	test = await createTestDatabase(demoData);
	await loadDemoDocumentVersions(test.db);
}, 60_000);
afterAll(() => test.drop());

const scope = () => ({ db: test.db, municipalityId: test.ids.municipalityIds.get('muenster')!, strategySlug: 'migration-und-integration' });

it('the demo’s 3rd edition has its text for the council, the 4th two drafts', async () => {
	const third = await getPublishedDocument({ ...scope(), number: 3, versionNumber: null });
	expect(third.versions.map((version) => version.title)).toEqual(['Entwurf für den Rat']);
	const fourth = await getPublishedDocument({ ...scope(), number: 4, versionNumber: null });
	expect(fourth.versions.map((version) => version.title)).toEqual(['Entwurf 2 — nach der Fachgruppenrunde', 'Entwurf 1']);
	expect(fourth.version?.sections.map((section) => section.title)).toEqual(['Wie es weitergeht', 'Dank']);
});

it('comparing the demo drafts shows a new goal, a changed goal, a moved goal and a renamed field', async () => {
	const { comparison } = await compareDocumentVersions({ ...scope(), number: 4, from: 1, to: 2 });
	const summary = Object.fromEntries(comparison.goalSummary.map((goal) => [goal.title, goal.changes]));
	expect(summary['Junge Menschen gestalten die Integrationspolitik mit']).toEqual(['new']);
	expect(summary['Berufliche Qualifikationen aus dem Ausland werden schneller anerkannt']).toEqual(['changed']);
	expect(Object.values(summary).some((changes) => changes.includes('moved'))).toBe(true);
	const education = comparison.fields.find((field) => field.title.some((part) => part.text.includes('Mehrsprachigkeit') && part.kind === 'inserted'));
	expect(education?.changes).toEqual(['changed']);
});
