import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/test-db';
import { getDistrictPage, getMonitor } from '../monitoring/monitoring.service';
import { measureStatuses } from '../monitoring/monitoring.schema';
import { demoData } from './demo-data';
import { demoMonitoringIds } from './demo-monitoring-ids';
import { loadDemoMonitoring } from './demo-monitoring';
import { loadDemoOrganisations } from './demo-organisations';

let test: TestDatabase;
const now = new Date('2026-11-26T12:00:00Z');

beforeAll(async () => {
	test = await createTestDatabase(demoData);
	await loadDemoOrganisations(test.db);
	await loadDemoMonitoring(test.db, now);
}, 120_000);
afterAll(() => test.drop());

it('the demo 4th edition of Münster tracks every measure across all statuses and the six districts, with a dozen indicators', async () => {
	const monitor = await getMonitor({ db: test.db, municipalityId: test.ids.municipalityIds.get('muenster')!, strategySlug: 'migration-und-integration', number: 4, filter: {}, today: '2026-11-26' });
	const measures = monitor.fields.flatMap((field) => field.goals.flatMap((goal) => goal.measures));
	expect(measures.length).toBeGreaterThanOrEqual(28);
	for (const status of measureStatuses) expect(monitor.statusCounts[status]).toBeGreaterThan(0);
	expect(new Set(measures.flatMap((m) => m.districts.map((d) => d.slug))).size).toBe(6);
	expect(measures.every((m) => m.organisations.length > 0)).toBe(true);
	expect(monitor.indicators.length).toBeGreaterThanOrEqual(12);
	expect(monitor.indicators.every((i) => i.baselineDate.startsWith('2024') && i.targetDate.startsWith('2030'))).toBe(true);
	expect(monitor.indicators.filter((i) => i.stale).map((i) => i.name)).toEqual(['Wartezeit auf einen Termin im Bürgerbüro']);
	expect(monitor.indicators.find((i) => i.name === 'Besuche in Begegnungsorten')?.latest?.measuredOn).toBe('2026-09-30');
	const district = await getDistrictPage({ db: test.db, municipalityId: test.ids.municipalityIds.get('muenster')!, strategySlug: 'migration-und-integration', number: 4, districtSlug: 'hiltrup', today: '2026-11-26' });
	expect(district.indicatorValues.map((row) => row.indicator.name)).toContain('Besuche in Begegnungsorten');
	expect(district.localMeasures.length).toBeGreaterThan(0);
});

it('edition 1 of each demo municipality has a measure and an indicator under fixed ids', async () => {
	for (const [slug, strategySlug] of [['muenster', 'migration-und-integration'], ['greven', 'integrationskonzept']] as const) {
		const monitor = await getMonitor({ db: test.db, municipalityId: test.ids.municipalityIds.get(slug)!, strategySlug, number: 1, filter: {}, today: '2026-11-26' });
		const ids = monitor.fields.flatMap((field) => field.goals.flatMap((goal) => goal.measures.map((m) => m.id)));
		expect(ids).toContain(demoMonitoringIds[slug].measure);
		expect(monitor.indicators.map((i) => i.id)).toContain(demoMonitoringIds[slug].indicator);
	}
});
