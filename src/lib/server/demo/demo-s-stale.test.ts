import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/test-db';
import { loadEditionMonitor } from '../monitoring/monitoring.service';
import { getMonitorTodo } from '../monitoring/staleness.service';
import { demoData } from './demo-data';
import { loadDemoMonitoring } from './demo-monitoring';
import { loadDemoOrganisations } from './demo-organisations';
import { loadDemoReleaseCalendars } from './demo-s-stale';

let test: TestDatabase;
const now = new Date('2026-11-26T12:00:00Z');

beforeAll(async () => {
	test = await createTestDatabase(demoData);
	await loadDemoOrganisations(test.db);
	await loadDemoMonitoring(test.db, now);
	await loadDemoReleaseCalendars(test.db, now);
}, 120_000);
afterAll(() => test.drop());

it('the demo’s announced release shows on the to-do list, its indicators expect it, and the one stale indicator stays stale', async () => {
	const municipalityId = test.ids.municipalityIds.get('muenster')!;
	const monitor = await loadEditionMonitor({ db: test.db, municipalityId, strategySlug: 'migration-und-integration', number: 4, today: '2026-11-26' });
	const recognised = monitor.indicators.find((i) => i.name === 'Anerkannte ausländische Berufsabschlüsse')!;
	expect(recognised.staleness).toEqual({ stale: false, reason: null, expectedOn: '2026-12-05', frequency: 'quarterly' });
	expect(monitor.indicators.filter((i) => i.stale).map((i) => i.name)).toEqual(['Wartezeit auf einen Termin im Bürgerbüro']);

	const platform = { userId: 'demo-test', name: 'Plattform', email: 'plattform@example.org', isPlatformAdmin: true, memberships: [] };
	const todo = await getMonitorTodo({ db: test.db, actor: platform, municipalityId, today: '2026-11-26' });
	expect(todo.releases.map((source) => [source.publisher, source.nextReleaseOn])).toEqual([['Statistisches Landesamt (Demo)', '2026-12-05']]);
	expect(todo.staleByEdition.flatMap((edition) => edition.indicators.map((i) => i.name))).toContain('Wartezeit auf einen Termin im Bürgerbüro');
});
