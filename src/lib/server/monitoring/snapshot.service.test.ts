// Snapshots and revisions: every write path that changes a stored value keeps the old state, a
// snapshot keeps what it froze, the indicator page and the comparison tell corrections, and
// neither ever shows a cell that disclosure control withholds.
import { Readable } from 'node:stream';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/test-db';
import { editions, measures } from '../document/document.schema';
import type { Actor } from '../people/actor';
import { selectRolesOfUser, selectUserByEmail } from '../people/people.queries';
import { isDomainError } from '../shared/errors';
import { districts } from '../tenancy/tenancy.schema';
import { measurementSchema } from '$lib/validation/monitoring';
import { updateCell } from './disclosure.queries';
import { importMeasurements } from './measurement-import';
import { measurementRevisions } from './measurement-revision.schema';
import { indicatorMeasurements } from './measurement.schema';
import { declareDistrictBreakdown, writeMeasurements } from './measurement.service';
import { addMeasurement } from './monitoring.admin';
import { indicators } from './monitoring.schema';
import { selectCityValuesUntil } from './report.queries';
import { indicatorSnapshotValues } from './snapshot.schema';
import { annualReportValues, getIndicatorPageWithRevisions, getSnapshotsPage, publishAnnualReport, takeAdoptionSnapshot } from './snapshot.service';

let test: TestDatabase;
let municipalityId = '';
let editionId = '';
let indicatorId = '';
const districtId = new Map<string, string>();
// The district slug of Süd depends on how the test data spells umlauts.
const slugOf = (area: string) => (districtId.has(area) ? area : [...districtId.keys()].find((slug) => slug.startsWith(area.slice(0, 2)))!);
const NOW = new Date('2026-03-02T10:00:00Z');
// 2025: total 100 = 40 + 33 + 24 + 3. Ost (3) is a small count; West is withheld to protect it.
const cells = { total: 100, nord: 40, sud: 33, west: 24, ost: 3 } as const;

async function actorOf(email: string): Promise<Actor> {
	const user = (await selectUserByEmail(test.db, email))!;
	return { userId: user.id, name: user.name, email: user.email, isPlatformAdmin: user.isPlatformAdmin, memberships: await selectRolesOfUser(test.db, user.id) };
}

const cellOf = async (area: keyof typeof cells) => {
	const seriesKey = `district=${area === 'total' ? 'total' : slugOf(area)}`;
	const [row] = await test.db
		.select()
		.from(indicatorMeasurements)
		.where(and(eq(indicatorMeasurements.indicatorId, indicatorId), eq(indicatorMeasurements.seriesKey, seriesKey), eq(indicatorMeasurements.periodStart, '2025-01-01')));
	return row;
};
const revisionsOf = (measurementId: string) => test.db.select().from(measurementRevisions).where(eq(measurementRevisions.measurementId, measurementId)).orderBy(measurementRevisions.changedAt);
const pageScope = () => ({ db: test.db, municipalityId, strategySlug: 'leitbild', number: 1, today: '2026-03-02' });

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
		],
		accounts: [
			{ email: 'moderation@a-stadt.example.org', name: 'Moderation A', password: 'moderation-a-stadt', roles: [{ municipality: 'a-stadt', role: 'facilitator' }] },
			{ email: 'teilnahme@a-stadt.example.org', name: 'Teilnahme A', password: 'teilnahme-a-stadt', roles: [{ municipality: 'a-stadt', role: 'participant' }] }
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
	for (const row of await test.db.select().from(districts).where(eq(districts.municipalityId, municipalityId))) districtId.set(row.slug, row.id);
	await writeMeasurements(
		test.db,
		municipalityId,
		(Object.keys(cells) as (keyof typeof cells)[]).map((area) => ({
			indicatorId,
			periodKind: 'year' as const,
			periodStart: '2025-01-01',
			periodEnd: '2025-12-31',
			value: cells[area],
			districtId: area === 'total' ? null : districtId.get(slugOf(area))!
		}))
	);
});
afterAll(() => test.drop());

describe('revisions', () => {
	it('a new value is no revision; only a change of value, qualifier or flags is', async () => {
		expect(await test.db.select().from(measurementRevisions)).toEqual([]);
		const nord = await cellOf('nord');
		await updateCell(test.db, municipalityId, nord.id, { sourceNote: 'nur eine Anmerkung' });
		expect(await revisionsOf(nord.id)).toEqual([]);
	});

	it('a value entered again in the back office keeps the old one as a revision by that person', async () => {
		const facilitator = await actorOf('moderation@a-stadt.example.org');
		const total = await cellOf('total');
		await addMeasurement({ db: test.db, actor: facilitator, municipalityId, editionId, indicatorId, input: measurementSchema.parse({ measuredOn: '2025-12-31', value: '101', districtId: '' }) });
		const [revision] = await revisionsOf(total.id);
		expect(revision).toMatchObject({ municipalityId, indicatorId, oldValue: 100, newValue: 101, changedBy: facilitator.userId, importBatchId: null, oldSuppressed: false, newSuppressed: false });
		expect(revision.changedAt).toBeInstanceOf(Date);
	});

	it('an import that replaces stored values keeps each old one as a revision of its batch, with qualifier and flags', async () => {
		const facilitator = await actorOf('moderation@a-stadt.example.org');
		const nord = await cellOf('nord');
		const report = await importMeasurements(test.db, Readable.from(['indicator,period,value,qualifier,dim_district,flags\nanerkennungen,2025,41,<,nord,provisional\nanerkennungen,2025,101,,total,\n']), {
			municipalityId,
			editionId,
			onExisting: 'replace',
			startedBy: facilitator.userId
		});
		expect(report).toMatchObject({ imported: 2, committed: true });
		const [revision] = await revisionsOf(nord.id);
		expect(revision).toMatchObject({ oldValue: 40, oldQualifier: null, oldProvisional: false, newValue: 41, newQualifier: '<', newProvisional: true, changedBy: facilitator.userId, importBatchId: report.batchId });
		// The total came in unchanged: still the one revision from the back office.
		expect(await revisionsOf((await cellOf('total')).id)).toHaveLength(1);
		await updateCell(test.db, municipalityId, nord.id, { value: 40 });
		await test.db.update(indicatorMeasurements).set({ qualifier: null, provisional: false }).where(eq(indicatorMeasurements.id, nord.id));
	});

	it('marking a cell confidential is a revision of its flags', async () => {
		const sud = await cellOf('sud');
		await updateCell(test.db, municipalityId, sud.id, { suppressed: true });
		await updateCell(test.db, municipalityId, sud.id, { suppressed: false });
		expect((await revisionsOf(sud.id)).map((r) => [r.oldSuppressed, r.newSuppressed])).toEqual([
			[false, true],
			[true, false]
		]);
	});
});

describe('snapshots', () => {
	let reportSnapshotId = '';

	it('only staff publish an annual report, once per year, for a year of the edition up to now', async () => {
		const participant = await actorOf('teilnahme@a-stadt.example.org');
		const facilitator = await actorOf('moderation@a-stadt.example.org');
		const codeOf = async (promise: Promise<unknown>) => promise.then(() => 'ok', (error) => (isDomainError(error) ? error.code : String(error)));
		expect(await codeOf(publishAnnualReport({ db: test.db, actor: participant, municipalityId, editionId, year: 2025, now: NOW }))).toBe('error_forbidden');
		expect(await codeOf(publishAnnualReport({ db: test.db, actor: facilitator, municipalityId, editionId, year: 2027, now: NOW }))).toBe('snapshot_year_not_open');
		const snapshot = await publishAnnualReport({ db: test.db, actor: facilitator, municipalityId, editionId, year: 2025, now: NOW });
		reportSnapshotId = snapshot.id;
		expect(snapshot).toMatchObject({ kind: 'annual_report', year: 2025, label: '2026-03-02', valueCount: 5, takenBy: facilitator.userId });
		expect(await codeOf(publishAnnualReport({ db: test.db, actor: facilitator, municipalityId, editionId, year: 2025, now: NOW }))).toBe('snapshot_report_already_published');
	});

	it('a correction after the snapshot changes the measurement, never the frozen value, and the published report keeps reading the frozen one', async () => {
		const total = await cellOf('total');
		await updateCell(test.db, municipalityId, total.id, { value: 110 });
		const frozen = await test.db.select().from(indicatorSnapshotValues).where(eq(indicatorSnapshotValues.snapshotId, reportSnapshotId));
		expect(frozen.find((row) => row.measurementId === total.id)).toMatchObject({ value: 101, detailLevel: 0 });
		expect(await annualReportValues(test.db, municipalityId, editionId, [indicatorId], 2025)).toEqual([{ indicatorId, measuredOn: '2025-12-31', value: 101 }]);
		expect(await selectCityValuesUntil(test.db, municipalityId, [indicatorId], '2025-12-31')).toEqual([{ indicatorId, measuredOn: '2025-12-31', value: 110 }]);
		// A year not yet published reads the live values.
		expect(await annualReportValues(test.db, municipalityId, editionId, [indicatorId], 2026)).toEqual([{ indicatorId, measuredOn: '2025-12-31', value: 110 }]);
	});

	it('the indicator page tells a published value revised after the newest snapshot, and keeps quiet about withheld cells', async () => {
		await updateCell(test.db, municipalityId, (await cellOf('ost')).id, { value: 4 });
		const page = await getIndicatorPageWithRevisions({ ...pageScope(), indicatorId });
		expect(page.revisions).toEqual([{ measurementId: (await cellOf('total')).id, measuredOn: '2025-12-31', districtName: null, changedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), oldValue: 101, newValue: 110 }]);
	});

	it('comparing two snapshots shows each value in both and the difference, and never a withheld cell', async () => {
		await test.db.transaction((tx) => takeAdoptionSnapshot(tx, { municipalityId, editionId, decidedOn: '2026-03-05', takenBy: null }));
		const page = await getSnapshotsPage({ db: test.db, municipalityId, strategySlug: 'leitbild', number: 1 });
		expect(page.snapshots.map((s) => s.kind)).toEqual(['adoption', 'annual_report']);
		const comparison = page.comparison!;
		expect(comparison.from.id).toBe(reportSnapshotId);
		const row = (label: string) => comparison.rows.find((r) => (r.series[0] ?? 'Gesamt') === label)!;
		expect(comparison.rows).toHaveLength(5);
		expect(row('Gesamt')).toMatchObject({ periodStart: '2025-01-01', from: { value: 101, withheld: false }, to: { value: 110, withheld: false }, difference: 9, changed: true });
		expect(row('Nord')).toMatchObject({ from: { value: 40 }, to: { value: 40 }, difference: 0, changed: false });
		// Ost changed from 3 to 4 and West protects it: neither value, nor the change, is shown.
		for (const hidden of ['Ost', 'West']) expect(row(hidden)).toMatchObject({ from: { value: null, withheld: true }, to: { value: null, withheld: true }, difference: null, changed: false });
		const changed = await getSnapshotsPage({ db: test.db, municipalityId, strategySlug: 'leitbild', number: 1, from: reportSnapshotId, to: page.snapshots[0].id, changedOnly: true });
		expect(changed.comparison!.rows.map((r) => r.series)).toEqual([[]]);
		const json = JSON.stringify(page.comparison!.rows.filter((r) => r.series[0] === 'Ost' || r.series[0] === 'West'));
		expect(json).not.toMatch(/"value":(3|4|24)\b/);
	});

	it('an unknown snapshot in the comparison is a 404', async () => {
		const error = await getSnapshotsPage({ db: test.db, municipalityId, strategySlug: 'leitbild', number: 1, from: '00000000-0000-4000-8000-000000000000' }).catch((e) => e);
		expect(isDomainError(error) && error.code).toBe('snapshot_not_found');
	});
});
