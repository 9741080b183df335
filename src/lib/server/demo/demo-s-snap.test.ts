import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/test-db';
import { loadEditionMonitor } from '../monitoring/monitoring.service';
import { getIndicatorPageWithRevisions, getSnapshotsPage } from '../monitoring/snapshot.service';
import { demoData } from './demo-data';
import { loadDemoMonitoring } from './demo-monitoring';
import { loadDemoOrganisations } from './demo-organisations';
import { loadDemoDisclosure } from './demo-s-suppress';
import { loadDemoSnapshots } from './demo-s-snap';

let test: TestDatabase;
const now = new Date('2026-11-26T12:00:00Z');

beforeAll(async () => {
	test = await createTestDatabase(demoData);
	await loadDemoOrganisations(test.db);
	await loadDemoMonitoring(test.db, now);
	await loadDemoDisclosure(test.db);
	await loadDemoSnapshots(test.db, now);
}, 120_000);
afterAll(() => test.drop());

it('the demo freezes the values at adoption and in the 2025 report; one 2025 value revised since is told, one earlier correction tells the two apart', async () => {
	const scope = { db: test.db, municipalityId: test.ids.municipalityIds.get('muenster')!, strategySlug: 'migration-und-integration', number: 4, today: '2026-11-26' };
	const page = await getSnapshotsPage(scope);
	expect(page.snapshots.map((snapshot) => [snapshot.kind, snapshot.label])).toEqual([
		['annual_report', '2026-03-16'],
		['adoption', '2025-02-26']
	]);
	expect(page.comparison!.changedCount).toBe(1);
	const [changed] = (await getSnapshotsPage({ ...scope, changedOnly: true })).comparison!.rows;
	expect(changed).toMatchObject({ indicatorName: 'Wartezeit auf einen Termin im Bürgerbüro', difference: 2 });

	const monitor = await loadEditionMonitor(scope);
	const revised = await Promise.all(monitor.indicators.map((indicator) => getIndicatorPageWithRevisions({ ...scope, indicatorId: indicator.id })));
	const told = revised.filter((indicatorPage) => indicatorPage.revisions.length > 0);
	expect(told.map((indicatorPage) => indicatorPage.indicator.name)).toEqual(['Auszubildende mit internationaler Geschichte in der Stadtverwaltung']);
	const [note] = told[0].revisions;
	expect(note.measuredOn.startsWith('2025')).toBe(true);
	expect(Math.round((note.newValue - note.oldValue) * 10) / 10).toBe(0.6);
});
