// The indicator page of an indicator broken down by district and age group: the chart draws a bounded
// choice of series, its table names each series, and the district comparison stays as it was.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/test-db';
import { editions, measures } from '../document/document.schema';
import { districts } from '../tenancy/tenancy.schema';
import { CHART_SERIES_CAP } from './chart-series';
import { dimensionMembers, dimensions, indicatorBreakdowns } from './measurement.schema';
import { declareDistrictBreakdown, writeMeasurements } from './measurement.service';
import { indicators } from './monitoring.schema';
import { getIndicatorPage } from './monitoring.service';

let test: TestDatabase;
let municipalityId = '';
let indicatorId = '';
const ages = [
	{ key: 'u18', label: 'unter 18 Jahre' },
	{ key: '18-29', label: '18 bis 29 Jahre' },
	{ key: '30-49', label: '30 bis 49 Jahre' },
	{ key: '50-64', label: '50 bis 64 Jahre' },
	{ key: '65plus', label: '65 Jahre und älter' }
];
const districtNames = ['Nord', 'Ost', 'Süd', 'West', 'Mitte', 'Hafen'];
const overall = 'age_group=total,district=total';

const page = (series?: string[]) => getIndicatorPage({ db: test.db, municipalityId, strategySlug: 'leitbild', number: 1, today: '2026-03-01', indicatorId, series });

beforeAll(async () => {
	test = await createTestDatabase({
		municipalities: [
			{
				slug: 'a-stadt',
				name: 'A-Stadt',
				districts: districtNames,
				strategies: [
					{
						slug: 'leitbild',
						title: 'Leitbild',
						editions: [{ number: 1, periodStart: 2025, periodEnd: 2030, stage: 'implementing', fields: [{ title: 'Teilhabe', goals: [{ title: 'Beratung', measures: [{ title: 'Sprechstunde' }] }] }] }]
					}
				]
			}
		]
	});
	municipalityId = test.ids.municipalityIds.get('a-stadt')!;
	const [{ id: editionId }] = await test.db.select().from(editions).where(eq(editions.municipalityId, municipalityId));
	const [measure] = await test.db.select().from(measures).where(eq(measures.municipalityId, municipalityId));
	const [indicator] = await test.db
		.insert(indicators)
		.values({ municipalityId, editionId, measureId: measure.id, code: 'beratungen', name: 'Beratungen', unit: 'Personen', direction: 'higher_is_better', baselineValue: 1000, baselineDate: '2024-12-31', targetValue: 2000, targetDate: '2030-12-31', frequency: 'yearly' })
		.returning();
	indicatorId = indicator.id;
	await declareDistrictBreakdown(test.db, municipalityId, indicatorId);
	const [age] = await test.db.insert(dimensions).values({ municipalityId, key: 'age_group', label: 'Altersgruppe', position: 1 }).returning();
	await test.db.insert(dimensionMembers).values([
		{ municipalityId, dimensionId: age.id, key: 'total', label: 'Alle Altersgruppen', position: 0, isTotal: true },
		...ages.map((a, index) => ({ municipalityId, dimensionId: age.id, key: a.key, label: a.label, position: index + 1 }))
	]);
	await test.db.insert(indicatorBreakdowns).values({ municipalityId, indicatorId, dimensionId: age.id, position: 1 });
	const districtRows = await test.db.select().from(districts).where(eq(districts.municipalityId, municipalityId));
	// Large counts everywhere, so no cell falls under the minimum count: this is about the series, not suppression.
	await writeMeasurements(
		test.db,
		municipalityId,
		['2025', '2026'].flatMap((year) =>
			[null, ...districtRows].flatMap((district, d) =>
				['total', ...ages.map((a) => a.key)].map((ageKey, a) => ({
					indicatorId,
					periodKind: 'year' as const,
					periodStart: `${year}-01-01`,
					periodEnd: `${year}-12-31`,
					value: 100 * (d + 1) + 10 * a + Number(year) - 2000,
					districtId: district?.id ?? null,
					members: { age_group: ageKey }
				}))
			)
		)
	);
});
afterAll(() => test.drop());

describe('a chart of 42 breakdown combinations', () => {
	it('lists every series, shows eight with the whole city first, and its table holds only those', async () => {
		const result = await page();
		expect(result.series.total).toBe(42);
		expect(result.series.shown).toBe(CHART_SERIES_CAP);
		expect(result.series.options[0]).toMatchObject({ key: overall, name: null, shown: true });
		expect(result.series.options.filter((option) => option.shown)).toHaveLength(CHART_SERIES_CAP);
		expect(new Set(result.measurements.map((row) => row.seriesKey)).size).toBe(CHART_SERIES_CAP);
		expect(result.measurements).toHaveLength(CHART_SERIES_CAP * 2);
	});

	it('the reader’s choice is drawn and named by district and age group', async () => {
		const result = await page(['age_group=65plus,district=hafen', 'age_group=u18,district=total']);
		expect(result.series.shown).toBe(3);
		expect([...new Set(result.measurements.map((row) => row.seriesName))].sort()).toEqual(['Hafen, 65 Jahre und älter', 'unter 18 Jahre', null].sort());
		expect(result.measurements.find((row) => row.seriesKey === 'age_group=65plus,district=hafen' && row.measuredOn === '2026-12-31')?.value).toBe(700 + 50 + 26);
	});

	it('asking for all 42 by address still draws eight', async () => {
		const all = (await page()).series.options.map((option) => option.key);
		const result = await page(all);
		expect(result.series.shown).toBe(CHART_SERIES_CAP);
		expect(new Set(result.measurements.map((row) => row.seriesKey)).size).toBe(CHART_SERIES_CAP);
	});

	it('the district comparison compares every district with the city, whichever series the chart shows', async () => {
		const result = await page(['age_group=u18,district=total']);
		expect(result.districtComparison?.city).toBe(126);
		expect(result.districtComparison?.districts.map((d) => d.name).sort()).toEqual([...districtNames].sort());
	});

	it('staff see the whole city and each district, uncapped, as before', async () => {
		const result = await getIndicatorPage({ db: test.db, municipalityId, strategySlug: 'leitbild', number: 1, today: '2026-03-01', indicatorId, staff: true });
		expect(new Set(result.measurements.map((row) => row.seriesKey)).size).toBe(7);
	});
});
