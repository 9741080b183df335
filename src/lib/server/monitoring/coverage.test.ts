// The coverage report on a real database: the latest period per indicator, the total, each expected
// breakdown's members counted, withheld cells counted as present and never shown.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/test-db';
import { editions, goals, measures } from '../document/document.schema';
import { districts } from '../tenancy/tenancy.schema';
import { getCoverageReport } from './coverage.service';
import { dimensionMembers, dimensions, indicatorBreakdowns } from './measurement.schema';
import { declareDistrictBreakdown, writeMeasurements } from './measurement.service';
import { indicators } from './monitoring.schema';

let test: TestDatabase;
let municipalityId = '';
const ids = { shares: '', ages: '', empty: '', plain: '' };

beforeAll(async () => {
	test = await createTestDatabase({
		municipalities: [
			{
				slug: 'c-stadt',
				name: 'C-Stadt',
				districts: ['Nord', 'Süd', 'West', 'Ost'],
				strategies: [
					{
						slug: 'leitbild',
						title: 'Leitbild',
						editions: [
							{
								number: 1,
								periodStart: 2025,
								periodEnd: 2030,
								stage: 'implementing',
								fields: [
									{ title: 'Arbeit', goals: [{ title: 'Anerkennung', measures: [{ title: 'Lotsendienst' }] }] },
									{ title: 'Bildung', goals: [{ title: 'Sprachförderung' }] }
								]
							}
						]
					}
				]
			},
			{ slug: 'd-stadt', name: 'D-Stadt' }
		]
	});
	municipalityId = test.ids.municipalityIds.get('c-stadt')!;
	const [{ id: editionId }] = await test.db.select().from(editions).where(eq(editions.municipalityId, municipalityId));
	const [measure] = await test.db.select().from(measures).where(eq(measures.municipalityId, municipalityId));
	const [languageGoal] = await test.db.select().from(goals).where(eq(goals.title, 'Sprachförderung'));
	const base = { municipalityId, editionId, direction: 'higher_is_better' as const, baselineValue: 10, baselineDate: '2023-12-31', targetValue: 20, targetDate: '2030-12-31', frequency: 'yearly' as const };
	const rows = await test.db
		.insert(indicators)
		.values([
			{ ...base, measureId: measure.id, code: 'quote', name: 'A Beschäftigungsquote', unit: '%' },
			{ ...base, measureId: measure.id, code: 'einfach', name: 'D Beratungen insgesamt', unit: '%' },
			{ ...base, goalId: languageGoal.id, code: 'kurse', name: 'B Sprachkursteilnahmen', unit: '%' },
			{ ...base, goalId: languageGoal.id, code: 'neu', name: 'C Noch ohne Werte', unit: '%' }
		])
		.returning();
	[ids.shares, ids.plain, ids.ages, ids.empty] = rows.map((row) => row.id);

	await declareDistrictBreakdown(test.db, municipalityId, ids.shares);
	await declareDistrictBreakdown(test.db, municipalityId, ids.ages);
	const [age] = await test.db.insert(dimensions).values({ municipalityId, key: 'age_group', label: 'Altersgruppe' }).returning();
	await test.db.insert(dimensionMembers).values([
		{ municipalityId, dimensionId: age.id, key: 'total', label: 'alle Altersgruppen', isTotal: true },
		{ municipalityId, dimensionId: age.id, key: 'u18', label: 'unter 18', position: 1 },
		{ municipalityId, dimensionId: age.id, key: '18-64', label: '18 bis 64', position: 2 },
		{ municipalityId, dimensionId: age.id, key: '65plus', label: '65 und älter', position: 3 }
	]);
	await test.db.insert(indicatorBreakdowns).values({ municipalityId, indicatorId: ids.ages, dimensionId: age.id, position: 1 });

	const districtRows = await test.db.select().from(districts).where(eq(districts.municipalityId, municipalityId));
	const district = (name: string) => districtRows.find((d) => d.name === name)!.id;
	const year = (y: number) => ({ periodKind: 'year' as const, periodStart: `${y}-01-01`, periodEnd: `${y}-12-31` });
	await writeMeasurements(test.db, municipalityId, [
		// 2024 complete, 2025 (the latest) without West and with Nord entered as confidential.
		...['Nord', 'Süd', 'West', 'Ost'].map((name, i) => ({ indicatorId: ids.shares, ...year(2024), value: 40 + i, districtId: district(name) })),
		{ indicatorId: ids.shares, ...year(2024), value: 41 },
		{ indicatorId: ids.shares, ...year(2025), value: 42 },
		{ indicatorId: ids.shares, ...year(2025), value: 47.5, suppressed: true, districtId: district('Nord') },
		{ indicatorId: ids.shares, ...year(2025), value: 38, districtId: district('Süd') },
		{ indicatorId: ids.shares, ...year(2025), value: 36, districtId: district('Ost') },
		// The latest period is a quarter: no total, two age groups, and a cross cell that counts for neither breakdown.
		{ indicatorId: ids.ages, ...year(2025), value: 12 },
		{ indicatorId: ids.ages, periodKind: 'quarter', periodStart: '2026-01-01', periodEnd: '2026-03-31', value: 5, members: { age_group: 'u18' } },
		{ indicatorId: ids.ages, periodKind: 'quarter', periodStart: '2026-01-01', periodEnd: '2026-03-31', value: 6, members: { age_group: '18-64' } },
		{ indicatorId: ids.ages, periodKind: 'quarter', periodStart: '2026-01-01', periodEnd: '2026-03-31', value: 7, members: { age_group: '65plus' }, districtId: district('West') },
		{ indicatorId: ids.plain, ...year(2025), value: 3 }
	]);
});
afterAll(() => test.drop());

const report = () => getCoverageReport({ db: test.db, municipalityId, strategySlug: 'leitbild', number: 1 });

describe('the coverage report of an edition', () => {
	it('groups indicators by field of action and counts those complete for their latest period', async () => {
		const { fields, indicatorCount, completeCount } = await report();
		expect(fields.map((field) => [field.title, field.indicators.map((i) => i.name)])).toEqual([
			['Arbeit', ['A Beschäftigungsquote', 'D Beratungen insgesamt']],
			['Bildung', ['B Sprachkursteilnahmen', 'C Noch ohne Werte']]
		]);
		expect(indicatorCount).toBe(4);
		expect(completeCount).toBe(1);
	});

	it('a district breakdown counts members with a value in the latest period; a confidential cell is present, withheld, and no value is given out', async () => {
		const { fields } = await report();
		const shares = fields[0].indicators[0].coverage;
		expect(shares).toEqual({
			period: { kind: 'year', start: '2025-01-01', end: '2025-12-31' },
			total: 'present',
			breakdowns: [{ dimensionId: expect.any(String), label: expect.any(String), expected: 4, present: 3, withheld: 1, missing: ['West'] }],
			complete: false
		});
		expect(JSON.stringify(await report())).not.toContain('47.5');
	});

	it('values broken down by two dimensions count for neither; a missing total and missing members are named', async () => {
		const { fields } = await report();
		const ages = fields[1].indicators[0].coverage;
		expect(ages.period).toEqual({ kind: 'quarter', start: '2026-01-01', end: '2026-03-31' });
		expect(ages.total).toBe('missing');
		expect(ages.breakdowns.map(({ label, expected, present, withheld, missing }) => ({ label, expected, present, withheld, missing }))).toEqual([
			{ label: expect.any(String), expected: 4, present: 0, withheld: 0, missing: ['Nord', 'Süd', 'West', 'Ost'] },
			{ label: 'Altersgruppe', expected: 3, present: 2, withheld: 0, missing: ['65 und älter'] }
		]);
	});

	it('an indicator without values has no period and no total; one without breakdowns is complete with its total', async () => {
		const { fields } = await report();
		expect(fields[1].indicators[1].coverage).toMatchObject({ period: null, total: null, complete: false });
		expect(fields[0].indicators[1].coverage).toEqual({ period: { kind: 'year', start: '2025-01-01', end: '2025-12-31' }, total: 'present', breakdowns: [], complete: true });
	});

	it('another municipality cannot reach the edition', async () => {
		await expect(getCoverageReport({ db: test.db, municipalityId: test.ids.municipalityIds.get('d-stadt')!, strategySlug: 'leitbild', number: 1 })).rejects.toThrow();
	});
});
