// Every public output path of indicator values, on a demo-like district breakdown: none shows a
// withheld value, and none lets the subtraction from the published total recover one.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/test-db';
import { editions, measures } from '../document/document.schema';
import { serveEndpoint, type Endpoint } from '../api/api.http';
import { listMeasurementsEndpoint, measurementsCsvEndpoint } from '../api/api.service';
import { districts } from '../tenancy/tenancy.schema';
import { exportMeasurementsCsv } from './measurement-export';
import { declareDistrictBreakdown, writeMeasurements } from './measurement.service';
import { indicators } from './monitoring.schema';
import { getDistrictPage, getIndicatorPage, loadEditionMonitor } from './monitoring.service';
import { keepRecentDisclosures, loadDisclosure, setMinimumCount } from './disclosure.service';
import { PublicPageCache } from '../http/public-page-cache';
import { connectDatabase } from '../db/client';

let test: TestDatabase;
let municipalityId = '';
let editionId = '';
let indicatorId = '';
const slugOf = new Map<string, string>();

// Published as entered: 2025 total 100 = 40 + 33 + 24 + 3; 2024 total 90 = 45 (entered as confidential) + 25 + 12 + 8.
const table = {
	'2025': { total: 100, nord: 40, sued: 33, west: 24, ost: 3 },
	'2024': { total: 90, nord: 45, sued: 25, west: 12, ost: 8 }
} as const;
// What must never be published: the small count, the flagged cell and the cells withheld to protect them.
const secret = { '2025': ['ost', 'west'], '2024': ['nord', 'ost'] } as const;
type Year = keyof typeof table;
type Area = keyof (typeof table)['2025'];

const scope = () => ({ db: test.db, municipalityId, strategySlug: 'leitbild', number: 1, today: '2026-03-01' });

beforeAll(async () => {
	test = await createTestDatabase({
		municipalities: [
			{
				slug: 'a-stadt',
				name: 'A-Stadt',
				districts: ['Nord', 'Süd', 'West', 'Ost'],
				strategies: [
					{
						slug: 'leitbild',
						title: 'Leitbild',
						editions: [{ number: 1, periodStart: 2025, periodEnd: 2030, stage: 'implementing', fields: [{ title: 'Arbeit', goals: [{ title: 'Anerkennung', measures: [{ title: 'Lotsendienst' }] }] }] }]
					}
				]
			}
		]
	});
	municipalityId = test.ids.municipalityIds.get('a-stadt')!;
	[{ id: editionId }] = await test.db.select().from(editions).where(eq(editions.municipalityId, municipalityId));
	const [measure] = await test.db.select().from(measures).where(eq(measures.municipalityId, municipalityId));
	const [indicator] = await test.db
		.insert(indicators)
		.values({
			municipalityId,
			editionId,
			measureId: measure.id,
			code: 'anerkennungen',
			name: 'Anerkannte Abschlüsse',
			unit: 'Bescheide',
			direction: 'higher_is_better',
			baselineValue: 80,
			baselineDate: '2023-12-31',
			targetValue: 150,
			targetDate: '2030-12-31',
			frequency: 'yearly'
		})
		.returning();
	indicatorId = indicator.id;
	await declareDistrictBreakdown(test.db, municipalityId, indicatorId);
	const districtRows = await test.db.select().from(districts).where(eq(districts.municipalityId, municipalityId));
	const idOf = new Map(districtRows.map((d) => [d.slug, d.id]));
	for (const d of districtRows) slugOf.set(d.id, d.slug);
	await writeMeasurements(
		test.db,
		municipalityId,
		(Object.keys(table) as Year[]).flatMap((year) =>
			(Object.keys(table[year]) as Area[]).map((area) => ({
				indicatorId,
				periodKind: 'year' as const,
				periodStart: `${year}-01-01`,
				periodEnd: `${year}-12-31`,
				value: table[year][area],
				suppressed: year === '2024' && area === 'nord',
				districtId: area === 'total' ? null : idOf.get(area === 'sued' ? 'sud' : area) ?? idOf.get(area)
			}))
		)
	);
});
afterAll(() => test.drop());

type PublicCell = { year: Year; area: Area; value: number | null };

/** The attacker's view: published cells per year; withheld ones must be at least two, and not what total − published parts gives. */
function expectNothingRecoverable(cells: PublicCell[]) {
	for (const year of Object.keys(table) as Year[]) {
		const ofYear = cells.filter((cell) => cell.year === year);
		expect(ofYear).toHaveLength(5);
		for (const cell of ofYear) {
			if (cell.value !== null) expect(cell.value, `${year} ${cell.area}`).toBe(table[year][cell.area]);
		}
		const withheld = ofYear.filter((cell) => cell.value === null).map((cell) => cell.area).sort();
		expect(withheld, year).toEqual([...secret[year]].sort());
		const total = ofYear.find((cell) => cell.area === 'total')!.value!;
		const remainder = total - ofYear.filter((cell) => cell.area !== 'total' && cell.value !== null).reduce((sum, cell) => sum + cell.value!, 0);
		for (const area of withheld) expect(remainder).not.toBe(table[year][area]);
	}
}

const areaOf = (slug: string | null | undefined): Area => (!slug ? 'total' : slug === 'sud' ? 'sued' : (slug as Area));

async function call(endpoint: Endpoint, path: string) {
	const url = new URL(`/api/v1${path}`, 'http://leitbild.test');
	const response = await serveEndpoint(endpoint, { db: test.db, url, params: { municipality: 'a-stadt', id: indicatorId }, headers: new Headers(), address: '10.9.9.9', now: new Date('2026-03-01T10:00:00Z') });
	expect(response.status).toBe(200);
	return response.text();
}

describe('no public output reveals a withheld cell', () => {
	it('the indicator page shows withheld cells as withheld and the others as entered', async () => {
		const page = await getIndicatorPage({ ...scope(), indicatorId });
		expectNothingRecoverable(page.measurements.map((row) => ({ year: row.measuredOn.slice(0, 4) as Year, area: areaOf(row.districtSlug), value: row.value })));
		expect(page.measurements.filter((row) => row.value === null).every((row) => row.suppression !== null)).toBe(true);
	});

	it('the back office sees the stored values, marked as withheld', async () => {
		const page = await getIndicatorPage({ ...scope(), indicatorId, staff: true });
		const ost = page.measurements.find((row) => row.measuredOn === '2025-12-31' && row.districtSlug === 'ost')!;
		expect(ost).toMatchObject({ value: 3, suppression: 'small_count' });
	});

	it('the monitor shows the newest published city value; district pages only published district values', async () => {
		const monitor = await loadEditionMonitor(scope());
		expect(monitor.indicators[0].latest).toEqual({ value: 100, measuredOn: '2025-12-31' });
		// Ost has no published value at all; West's newest published one is from 2024.
		expect((await getDistrictPage({ ...scope(), districtSlug: 'ost' })).indicatorValues).toEqual([]);
		expect((await getDistrictPage({ ...scope(), districtSlug: 'west' })).indicatorValues.map((row) => [row.value, row.measuredOn])).toEqual([[12, '2024-12-31']]);
		expect((await getDistrictPage({ ...scope(), districtSlug: 'nord' })).indicatorValues.map((row) => [row.value, row.measuredOn])).toEqual([[40, '2025-12-31']]);
	});

	it('the API lists withheld cells with value null and suppressed true', async () => {
		const body = JSON.parse(await call(listMeasurementsEndpoint, `/municipalities/a-stadt/indicators/${indicatorId}/measurements?limit=100`)) as {
			data: { date: string; value: number | null; suppressed: boolean; district: { slug: string } | null }[];
		};
		expect(body.data.every((row) => (row.value === null) === row.suppressed)).toBe(true);
		expectNothingRecoverable(body.data.map((row) => ({ year: row.date.slice(0, 4) as Year, area: areaOf(row.district?.slug), value: row.value })));
	});

	it("the API's CSV leaves withheld values empty", async () => {
		const [header, ...lines] = (await call(measurementsCsvEndpoint, `/municipalities/a-stadt/indicators/${indicatorId}/measurements.csv`)).trimEnd().split('\r\n');
		expect(header).toBe('date,value,district,source_note,id,suppressed');
		expectNothingRecoverable(
			lines.map((line) => {
				const [date, value, district, , , suppressed] = line.split(',');
				expect(suppressed).toBe(value === '' ? 'true' : 'false');
				return { year: date.slice(0, 4) as Year, area: areaOf(district), value: value === '' ? null : Number(value) };
			})
		);
	});

	it('the public exchange export flags withheld cells as suppressed and leaves their value empty', async () => {
		let csv = '';
		for await (const chunk of exportMeasurementsCsv(test.db, { municipalityId, editionId })) csv += chunk;
		const [header, ...lines] = csv.trimEnd().split('\n');
		expect(header).toBe('indicator,period,value,qualifier,unit,dim_district,flags,source,note');
		expectNothingRecoverable(
			lines.map((line) => {
				const [, period, value, , , district, flags] = line.split(',');
				expect(flags.includes('suppressed')).toBe(value === '');
				return { year: period as Year, area: areaOf(district === 'total' ? null : district), value: value === '' ? null : Number(value) };
			})
		);
	});
});

describe('the minimum count is configurable', () => {
	it('a municipality minimum of 25 withholds the 24 of West as a small count; an indicator minimum overrides it', async () => {
		await setMinimumCount(test.db, municipalityId, null, 25);
		const cellsOf = async () => {
			const page = await getIndicatorPage({ ...scope(), indicatorId, staff: true });
			return new Map(page.measurements.map((row) => [`${row.measuredOn.slice(0, 4)} ${areaOf(row.districtSlug)}`, row.suppression]));
		};
		expect((await cellsOf()).get('2025 west')).toBe('small_count');
		await setMinimumCount(test.db, municipalityId, indicatorId, 3);
		expect((await cellsOf()).get('2025 ost')).toBe(null);
		const disclosure = await loadDisclosure(test.db, municipalityId, [{ id: indicatorId, unit: 'Bescheide' }]);
		expect(disclosure.latestInDistrict(indicatorId, 'ost')).toEqual({ value: 3, measuredOn: '2025-12-31' });
	});
});

describe('the server keeps the disclosures of newest periods until the next public change', () => {
	it('judges once through the server’s handle, again after a change, and never through another handle or by dates', async () => {
		const kept = keepRecentDisclosures(test.db);
		// A transaction is another handle too: it may see writes of its own that are not committed.
		const other = connectDatabase(test.url, { max: 2 });
		try {
			const unit = [{ id: indicatorId, unit: 'Bescheide' }];
			const first = await loadDisclosure(test.db, municipalityId, unit, { recentPeriods: 2 });
			expect(await loadDisclosure(test.db, municipalityId, unit, { recentPeriods: 2 })).toBe(first);
			expect(await loadDisclosure(test.db, municipalityId, unit, { recentPeriods: 1 })).not.toBe(first);
			expect(await loadDisclosure(test.db, municipalityId, unit, { onDates: ['2025-12-31'] })).not.toBe(first);
			expect(await loadDisclosure(other.db, municipalityId, unit, { recentPeriods: 2 })).not.toBe(first);
			kept.clear();
			const afterChange = await loadDisclosure(test.db, municipalityId, unit, { recentPeriods: 2 });
			expect(afterChange).not.toBe(first);
			expect(afterChange.latestCity(indicatorId)).toEqual(first.latestCity(indicatorId));
			kept.stop();
			expect(await loadDisclosure(test.db, municipalityId, unit, { recentPeriods: 2 })).not.toBe(afterChange);
		} finally {
			kept.stop();
			await other.close();
		}
	});

	it('the public page cache clears them with its pages', async () => {
		const kept = keepRecentDisclosures(test.db);
		try {
			const pages = new PublicPageCache();
			pages.alsoClear(kept.clear);
			const unit = [{ id: indicatorId, unit: 'Bescheide' }];
			const first = await loadDisclosure(test.db, municipalityId, unit, { recentPeriods: 2 });
			pages.clear();
			expect(await loadDisclosure(test.db, municipalityId, unit, { recentPeriods: 2 })).not.toBe(first);
		} finally {
			kept.stop();
		}
	});
});
