import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/test-db';
import { indicatorMeasurements } from '../monitoring/measurement.schema';
import { getIndicatorPage, loadEditionMonitor } from '../monitoring/monitoring.service';
import { demoData } from './demo-data';
import { loadDemoMonitoring } from './demo-monitoring';
import { loadDemoOrganisations } from './demo-organisations';
import { loadDemoDisclosure } from './demo-s-suppress';

let test: TestDatabase;
const now = new Date('2026-11-26T12:00:00Z');

beforeAll(async () => {
	test = await createTestDatabase(demoData);
	await loadDemoOrganisations(test.db);
	await loadDemoMonitoring(test.db, now);
	await loadDemoDisclosure(test.db);
}, 120_000);
afterAll(() => test.drop());

it('the demo monitor withholds one confidential district value and one small count, and marks one series break', async () => {
	const scope = { db: test.db, municipalityId: test.ids.municipalityIds.get('muenster')!, strategySlug: 'migration-und-integration', number: 4, today: '2026-11-26' };
	const monitor = await loadEditionMonitor(scope);
	const pageOf = (name: string) => getIndicatorPage({ ...scope, indicatorId: monitor.indicators.find((i) => i.name === name)!.id });
	const visits = await pageOf('Besuche in Begegnungsorten');
	// The page's data table marks the break with a footnote; the value itself stays published.
	expect(visits.measurements.filter((row) => row.seriesBreak).map((row) => row.value === null)).toEqual([false]);
	expect(visits.measurements.filter((row) => row.suppression).map((row) => row.suppression)).toEqual(['flagged']);
	const forum = await pageOf('Teilnehmende am Jugendforum Vielfalt');
	// Districts report yearly and the city quarterly: no yearly total to subtract from, so no second cell is needed.
	expect(forum.measurements.filter((row) => row.suppression).map((row) => row.suppression)).toEqual(['small_count']);
	expect(forum.measurements.every((row) => row.value !== 3)).toBe(true);
	const broken = await test.db.select({ id: indicatorMeasurements.id }).from(indicatorMeasurements).where(eq(indicatorMeasurements.seriesBreak, true));
	expect(broken).toHaveLength(1);
});
