import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/test-db';
import { getIndicatorPage, loadEditionMonitor } from '../monitoring/monitoring.service';
import { demoData } from './demo-data';
import { demoMonitoringIds } from './demo-monitoring-ids';
import { loadDemoMonitoring } from './demo-monitoring';
import { loadDemoOrganisations } from './demo-organisations';
import { comingWeeksFrom } from './demo-coming-days';
import { loadDemoProvenance } from './demo-s-prov';

let test: TestDatabase;
const now = new Date('2026-11-26T12:00:00Z');

beforeAll(async () => {
	test = await createTestDatabase(demoData);
	await loadDemoOrganisations(test.db);
	await loadDemoMonitoring(test.db, now);
	await loadDemoProvenance(test.db, comingWeeksFrom('2026-11-26'));
}, 120_000);
afterAll(() => test.drop());

it('every demo series in Münster names a source; the fixed indicator shows an import, another source and a facilitator’s entry', async () => {
	const municipalityId = test.ids.municipalityIds.get('muenster')!;
	const scope = { db: test.db, municipalityId, strategySlug: 'migration-und-integration', today: '2026-11-26' };
	const monitor = await loadEditionMonitor({ ...scope, number: 4 });
	expect(monitor.indicators.length).toBeGreaterThan(5);
	expect(monitor.indicators.filter((indicator) => indicator.sourceId === null)).toEqual([]);
	const page = await getIndicatorPage({ ...scope, number: 1, indicatorId: demoMonitoringIds.muenster.indicator });
	expect(page.provenance.series).toMatchObject({ key: 'statistik-muenster', licence: { url: 'https://www.govdata.de/dl-de/by-2-0' }, nextReleaseOn: '2027-03-15' });
	expect(page.provenance.otherSources.map((source) => [source.marker, source.key])).toEqual([['A', 'befragung-teilhabe']]);
	const origins = Object.values(page.provenance.values).map((value) => value.origin);
	expect(origins.filter((origin) => origin?.kind === 'manual')).toEqual([{ kind: 'manual', on: expect.any(String), role: 'facilitator' }]);
	expect(origins.filter((origin) => origin?.kind === 'import' && origin.fileName === 'integrationsstatistik-2008-2013.csv').length).toBe(origins.length - 1);
});
