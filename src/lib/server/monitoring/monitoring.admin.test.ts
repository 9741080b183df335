import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../audit/audit.schema';
import { createTestDatabase, type TestDatabase } from '../db/test-db';
import { editions, measures } from '../document/document.schema';
import type { Actor } from '../people/actor';
import { organisationMemberships, organisations, people } from '../people/organisation.schema';
import { selectRolesOfUser, selectUserByEmail } from '../people/people.queries';
import { districts } from '../tenancy/tenancy.schema';
import { indicatorSchema, measurementSchema, measureStatusSchema, measureTrackingSchema, monitorFilterSchema, progressUpdateSchema } from '$lib/validation/monitoring';
import { addMeasurement, addProgressUpdate, createIndicator, getMeasureForStaff, saveMeasureTracking, updateMeasureStatus } from './monitoring.admin';
import { measureProgressUpdates, measureTracking } from './monitoring.schema';
import { indicatorMeasurements } from './measurement.schema';
import { mediaAssets } from '../media/media.schema';
import { mediaMetadataSchema } from '$lib/validation/media';
import { getDistrictPage, getIndicatorPage, getMeasurePage, getMonitor } from './monitoring.service';
import { codeOf } from '../shared/error-code.testing';

let test: TestDatabase;
const today = '2026-03-01';
const ref = { strategySlug: 'leitbild', number: 1 };
const ids = { editionA: '', editionB: '', measures: [] as string[], measureB: '', orgOwner: '', orgOther: '', nord: '', sued: '', districtB: '' };

beforeAll(async () => {
	test = await createTestDatabase({
		municipalities: [
			{
				slug: 'a-stadt',
				name: 'A-Stadt',
				districts: ['Nord', 'Süd'],
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
									{
										title: 'Arbeit',
										goals: [{ title: 'Schneller anerkannt', measures: [{ title: 'Lotsendienst' }, { title: 'Sprechstunde' }, { title: 'Beratung' }] }]
									}
								]
							}
						]
					}
				]
			},
			{
				slug: 'b-dorf',
				name: 'B-Dorf',
				districts: ['Mitte'],
				strategies: [{ slug: 'leitbild', title: 'Leitbild', editions: [{ number: 1, periodStart: 2025, periodEnd: 2030, stage: 'implementing', fields: [{ title: 'Bildung', goals: [{ title: 'Kitas', measures: [{ title: 'Fortbildung' }] }] }] }] }]
			}
		],
		accounts: [
			{ email: 'moderation-a@example.org', name: 'Moderation A', password: 'passwort-moderation', roles: [{ municipality: 'a-stadt', role: 'facilitator' }] },
			{ email: 'traeger@example.org', name: 'Trägerin', password: 'passwort-traeger', roles: [{ municipality: 'a-stadt', role: 'participant' }] },
			{ email: 'anderer-verein@example.org', name: 'Anderer Verein', password: 'passwort-anderer', roles: [{ municipality: 'a-stadt', role: 'participant' }] },
			{ email: 'moderation-b@example.org', name: 'Moderation B', password: 'passwort-moderation', roles: [{ municipality: 'b-dorf', role: 'facilitator' }] }
		]
	});
	const a = municipalityId('a-stadt');
	const b = municipalityId('b-dorf');
	ids.editionA = (await test.db.select().from(editions).where(eq(editions.municipalityId, a)))[0].id;
	ids.editionB = (await test.db.select().from(editions).where(eq(editions.municipalityId, b)))[0].id;
	ids.measures = (await test.db.select().from(measures).where(eq(measures.municipalityId, a)).orderBy(measures.position, measures.title)).map((m) => m.id);
	ids.measureB = (await test.db.select().from(measures).where(eq(measures.municipalityId, b)))[0].id;
	const districtRows = await test.db.select().from(districts);
	ids.nord = districtRows.find((d) => d.slug === 'nord')!.id;
	ids.sued = districtRows.find((d) => d.slug === 'sued' || d.name === 'Süd')!.id;
	ids.districtB = districtRows.find((d) => d.municipalityId === b)!.id;
	const [owner, other] = await test.db
		.insert(organisations)
		.values([
			{ municipalityId: a, slug: 'lotsen-verein', name: 'Lotsenverein', sector: 'association' },
			{ municipalityId: a, slug: 'anderer-verein', name: 'Anderer Verein', sector: 'association' }
		])
		.returning();
	ids.orgOwner = owner.id;
	ids.orgOther = other.id;
	const [ownerPerson, otherPerson] = await test.db
		.insert(people)
		.values([
			{ municipalityId: a, name: 'Trägerin', email: 'traeger@example.org', userId: test.ids.accountIds.get('traeger@example.org')! },
			{ municipalityId: a, name: 'Anderer Verein', email: 'anderer-verein@example.org', userId: test.ids.accountIds.get('anderer-verein@example.org')! }
		])
		.returning();
	await test.db.insert(organisationMemberships).values([
		{ municipalityId: a, organisationId: owner.id, personId: ownerPerson.id },
		{ municipalityId: a, organisationId: other.id, personId: otherPerson.id }
	]);
});
afterAll(() => test.drop());

const municipalityId = (slug: string) => test.ids.municipalityIds.get(slug)!;

async function actorOf(email: string): Promise<Actor> {
	const user = (await selectUserByEmail(test.db, email))!;
	return { userId: user.id, name: user.name, email: user.email, isPlatformAdmin: user.isPlatformAdmin, memberships: await selectRolesOfUser(test.db, user.id) };
}

const tracking = (overrides: Record<string, unknown> = {}) =>
	measureTrackingSchema.parse({ status: 'in_progress', progress: '40', weight: '1', responsibleOffice: 'Amt für Integration', ...overrides });

const scopeA = () => ({ db: test.db, municipalityId: municipalityId('a-stadt'), editionId: ids.editionA });
const trackingRows = () => test.db.select().from(measureTracking);

describe('facilitators keep the tracking of measures', () => {
	it('a facilitator saves status, owners and districts of a measure, and it is audited', async () => {
		const actor = await actorOf('moderation-a@example.org');
		await saveMeasureTracking({
			...scopeA(),
			actor,
			measureId: ids.measures[0],
			input: tracking({ organisationIds: [ids.orgOwner], districtIds: [ids.nord], budgetEuros: '12500,50', plannedStart: '2025-04-01', plannedEnd: '2027-12-31' })
		});
		const page = await getMeasureForStaff({ db: test.db, actor, municipalityId: municipalityId('a-stadt'), ...ref, measureId: ids.measures[0], today });
		expect(page.form).toMatchObject({ status: 'in_progress', progress: '40', budgetEuros: '12500.5', organisationIds: [ids.orgOwner], districtIds: [ids.nord] });
		const audit = await test.db.select().from(auditEvents).where(eq(auditEvents.entityId, ids.measures[0]));
		expect(audit.map((a) => `${a.entityType}:${a.action}`)).toEqual(['measure_tracking:create']);
	});

	it('delayed and dropped need a reason: the form refuses without one, and the database too', async () => {
		for (const status of ['delayed', 'dropped']) {
			const parsed = measureTrackingSchema.safeParse({ status, statusReason: '  ', progress: '10', weight: '1' });
			expect(parsed.success).toBe(false);
			expect(parsed.error?.issues.map((i) => [i.path.join('.'), i.message])).toContainEqual(['statusReason', 'validation_monitoring_reason_required']);
			expect(measureStatusSchema.safeParse({ status, progress: '10' }).success).toBe(false);
		}
		const before = await trackingRows();
		await expect(
			test.db.insert(measureTracking).values({ measureId: ids.measures[2], municipalityId: municipalityId('a-stadt'), editionId: ids.editionA, status: 'dropped', statusReason: ' ' })
		).rejects.toThrow();
		expect(await trackingRows()).toEqual(before);
		expect(measureStatusSchema.safeParse({ status: 'delayed', statusReason: 'Die Räume fehlen noch.', progress: '10' }).success).toBe(true);
	});

	it('progress outside 0–100 is refused by the form and by the database', async () => {
		expect(measureStatusSchema.safeParse({ status: 'in_progress', progress: '101' }).success).toBe(false);
		expect(measureStatusSchema.safeParse({ status: 'in_progress', progress: '-1' }).success).toBe(false);
		await expect(
			test.db.insert(measureTracking).values({ measureId: ids.measures[2], municipalityId: municipalityId('a-stadt'), editionId: ids.editionA, progress: 150 })
		).rejects.toThrow();
	});

	it('an organisation of another municipality cannot become a partner, and nothing is written', async () => {
		const actor = await actorOf('moderation-a@example.org');
		const [foreign] = await test.db.insert(organisations).values({ municipalityId: municipalityId('b-dorf'), slug: 'fremd', name: 'Fremder Verein', sector: 'other' }).returning();
		const before = await trackingRows();
		expect(await codeOf(saveMeasureTracking({ ...scopeA(), actor, measureId: ids.measures[1], input: tracking({ organisationIds: [foreign.id] }) }))).toBe('monitoring_organisation_unknown');
		expect(await codeOf(saveMeasureTracking({ ...scopeA(), actor, measureId: ids.measures[1], input: tracking({ districtIds: [ids.districtB] }) }))).toBe('monitoring_district_unknown');
		expect(await trackingRows()).toEqual(before);
	});

	it('a participant may not keep tracking, and a facilitator of another municipality cannot reach this one’s measures', async () => {
		expect(await codeOf(saveMeasureTracking({ ...scopeA(), actor: await actorOf('traeger@example.org'), measureId: ids.measures[1], input: tracking() }))).toBe('error_forbidden');
		const other = await actorOf('moderation-b@example.org');
		expect(await codeOf(saveMeasureTracking({ ...scopeA(), actor: other, measureId: ids.measures[1], input: tracking() }))).toBe('error_forbidden');
		// Through their own municipality, another municipality's measure does not exist.
		expect(
			await codeOf(saveMeasureTracking({ db: test.db, actor: other, municipalityId: municipalityId('b-dorf'), editionId: ids.editionB, measureId: ids.measures[1], input: tracking() }))
		).toBe('monitoring_measure_not_found');
	});
});

describe('owners report on their own measures', () => {
	it('a member of a partner organisation changes status and progress and posts an update, both audited', async () => {
		const owner = await actorOf('traeger@example.org');
		await updateMeasureStatus({ ...scopeA(), actor: owner, measureId: ids.measures[0], input: measureStatusSchema.parse({ status: 'delayed', statusReason: 'Die Räume sind erst im Herbst frei.', progress: '55' }) });
		await addProgressUpdate({ ...scopeA(), actor: owner, measureId: ids.measures[0], input: progressUpdateSchema.parse({ writtenOn: '2026-02-15', body: 'Zwölf neue Lotsinnen sind geschult.' }) });
		const page = await getMeasurePage({ db: test.db, municipalityId: municipalityId('a-stadt'), ...ref, measureId: ids.measures[0], actor: owner, today });
		expect(page.measure.tracking).toMatchObject({ status: 'delayed', progress: 55, responsibleOffice: 'Amt für Integration' });
		expect(page.updates.map((u) => u.body)).toEqual(['Zwölf neue Lotsinnen sind geschult.']);
		expect(page.mayReport).toBe(true);
		const audit = await test.db.select().from(auditEvents).where(eq(auditEvents.actorUserId, owner.userId));
		expect(audit.map((a) => a.entityType).sort()).toEqual(['measure_progress_update', 'measure_status']);
	});

	it('a member of another organisation is refused and nothing is written', async () => {
		const outsider = await actorOf('anderer-verein@example.org');
		const before = { tracking: await trackingRows(), updates: await test.db.select().from(measureProgressUpdates) };
		expect(await codeOf(updateMeasureStatus({ ...scopeA(), actor: outsider, measureId: ids.measures[0], input: measureStatusSchema.parse({ status: 'done', progress: '100' }) }))).toBe('error_forbidden');
		expect(await codeOf(addProgressUpdate({ ...scopeA(), actor: outsider, measureId: ids.measures[0], input: progressUpdateSchema.parse({ writtenOn: '2026-02-16', body: 'Fertig!' }) }))).toBe('error_forbidden');
		expect(await codeOf(updateMeasureStatus({ ...scopeA(), actor: null, measureId: ids.measures[0], input: measureStatusSchema.parse({ status: 'done', progress: '100' }) }))).toBe('error_not_signed_in');
		expect({ tracking: await trackingRows(), updates: await test.db.select().from(measureProgressUpdates) }).toEqual(before);
		const page = await getMeasurePage({ db: test.db, municipalityId: municipalityId('a-stadt'), ...ref, measureId: ids.measures[0], actor: outsider, today });
		expect(page.mayReport).toBe(false);
	});

	it('an owner of one measure may not report on another measure', async () => {
		const owner = await actorOf('traeger@example.org');
		expect(await codeOf(updateMeasureStatus({ ...scopeA(), actor: owner, measureId: ids.measures[1], input: measureStatusSchema.parse({ status: 'done', progress: '100' }) }))).toBe('error_forbidden');
	});
});

describe('the monitor rolls progress up and shows indicators', () => {
	it('a goal’s progress is the weighted average of its measures, untracked ones counting as planned with 0 %', async () => {
		const actor = await actorOf('moderation-a@example.org');
		await saveMeasureTracking({ ...scopeA(), actor, measureId: ids.measures[1], input: tracking({ status: 'done', progress: '100', weight: '3', cityWide: 'on' }) });
		// measure 0: 55 % weight 1; measure 1: 100 % weight 3; measure 2: untracked, 0 % weight 1 → 355 / 5 = 71
		const monitor = await getMonitor({ db: test.db, municipalityId: municipalityId('a-stadt'), ...ref, filter: {}, today });
		expect(monitor.fields[0].goals[0].progress).toBe(71);
		expect(monitor.fields[0].progress).toBe(71);
		const filtered = await getMonitor({ db: test.db, municipalityId: municipalityId('a-stadt'), ...ref, filter: { status: 'done' }, today });
		expect(filtered.fields[0].goals[0].measures.map((m) => m.id)).toEqual([ids.measures[1]]);
		expect(filtered.fields[0].goals[0].progress).toBe(71);
	});

	it('the monitor narrows to one goal or one owner, an office or a partner organisation, and lists every owner once', async () => {
		const scope = { db: test.db, municipalityId: municipalityId('a-stadt'), ...ref, today };
		const all = await getMonitor({ ...scope, filter: {} });
		const goalId = all.fields[0].goals[0].id;
		expect(all.owners).toEqual({ offices: [{ value: 'office:Amt für Integration', name: 'Amt für Integration' }], organisations: [{ value: `organisation:${ids.orgOwner}`, name: expect.any(String) }] });
		const byGoal = await getMonitor({ ...scope, filter: { goal: goalId } });
		expect(byGoal.shownMeasureCount).toBe(all.measureCount);
		const otherGoal = await getMonitor({ ...scope, filter: { goal: '00000000-0000-4000-8000-000000000000' } });
		expect(otherGoal.fields).toEqual([]);
		const byOrganisation = await getMonitor({ ...scope, filter: { owner: `organisation:${ids.orgOwner}` } });
		expect(byOrganisation.fields.flatMap((f) => f.goals.flatMap((g) => g.measures.map((m) => m.id)))).toEqual([ids.measures[0]]);
		const byOffice = await getMonitor({ ...scope, filter: { owner: 'office:Amt für Integration' } });
		expect(byOffice.fields.flatMap((f) => f.goals.flatMap((g) => g.measures.map((m) => m.id)))).toEqual([ids.measures[0], ids.measures[1]]);
		expect(byOffice.fields[0].goals[0].progress).toBe(all.fields[0].goals[0].progress);
		expect(monitorFilterSchema.parse({ owner: 'organisation:drop table', goal: 'x' })).toEqual({});
	});

	it('a district page lists the measures placed there and those for the whole city', async () => {
		const page = await getDistrictPage({ db: test.db, municipalityId: municipalityId('a-stadt'), ...ref, districtSlug: 'nord', today });
		expect(page.localMeasures.map((m) => m.id)).toEqual([ids.measures[0]]);
		expect(page.cityWideMeasures.map((m) => m.id)).toEqual([ids.measures[1]]);
		expect(await codeOf(getDistrictPage({ db: test.db, municipalityId: municipalityId('a-stadt'), ...ref, districtSlug: 'mitte', today }))).toBe('monitoring_district_not_found');
	});

	it('a facilitator creates an indicator and adds measurements; the newest value drives summary and staleness', async () => {
		const actor = await actorOf('moderation-a@example.org');
		const goalId = (await test.db.execute<{ id: string }>(sql`select id from goals where municipality_id = ${municipalityId('a-stadt')}`)).rows[0].id;
		const indicator = await createIndicator({
			...scopeA(),
			actor,
			input: indicatorSchema.parse({ subject: `goal:${goalId}`, name: 'Anerkannte Abschlüsse', unit: 'Anzahl', direction: 'higher_is_better', baselineValue: '250', baselineDate: '2024-01-01', targetValue: '270', targetDate: '2030-12-31', frequency: 'quarterly' })
		});
		await addMeasurement({ ...scopeA(), actor, indicatorId: indicator.id, input: measurementSchema.parse({ measuredOn: '2025-06-30', value: '258' }) });
		await addMeasurement({ ...scopeA(), actor, indicatorId: indicator.id, input: measurementSchema.parse({ measuredOn: '2025-06-30', value: '40,5', districtId: ids.nord }) });
		const page = await getIndicatorPage({ db: test.db, municipalityId: municipalityId('a-stadt'), ...ref, indicatorId: indicator.id, today });
		expect(page.indicator.latest).toEqual({ value: 258, measuredOn: '2025-06-30' });
		expect(page.indicator.summary).toMatchObject({ changePercent: 3.2, shareOfWay: 40, trend: 'better' });
		expect(page.indicator.stale).toBe(true);
		expect(page.measurements.map((m) => [m.value, m.districtName])).toEqual([[258, null], [40.5, 'Nord']]);
		const district = await getDistrictPage({ db: test.db, municipalityId: municipalityId('a-stadt'), ...ref, districtSlug: 'nord', today });
		expect(district.indicatorValues.map((v) => v.value)).toEqual([40.5]);
		const fresh = await getIndicatorPage({ db: test.db, municipalityId: municipalityId('a-stadt'), ...ref, indicatorId: indicator.id, today: '2025-12-01' });
		expect(fresh.indicator.stale).toBe(false);
	});

	it('an indicator cannot hang on a goal of another edition, and a measurement cannot reach another municipality', async () => {
		const actor = await actorOf('moderation-a@example.org');
		const goalB = (await test.db.execute<{ id: string }>(sql`select id from goals where municipality_id = ${municipalityId('b-dorf')}`)).rows[0].id;
		const input = indicatorSchema.parse({ subject: `goal:${goalB}`, name: 'X', direction: 'higher_is_better', baselineValue: '1', baselineDate: '2024-01-01', targetValue: '2', targetDate: '2030-01-01', frequency: 'yearly' });
		expect(await codeOf(createIndicator({ ...scopeA(), actor, input }))).toBe('monitoring_subject_not_in_edition');
		const other = await actorOf('moderation-b@example.org');
		const [indicatorA] = (await test.db.execute<{ id: string }>(sql`select id from indicators where municipality_id = ${municipalityId('a-stadt')}`)).rows;
		const count = async () => (await test.db.select().from(indicatorMeasurements)).length;
		const before = await count();
		expect(
			await codeOf(addMeasurement({ db: test.db, actor: other, municipalityId: municipalityId('b-dorf'), editionId: ids.editionB, indicatorId: indicatorA.id, input: measurementSchema.parse({ measuredOn: '2025-09-30', value: '1' }) }))
		).toBe('monitoring_indicator_not_found');
		expect(await count()).toBe(before);
		expect(await test.db.select().from(measureTracking).where(and(eq(measureTracking.municipalityId, municipalityId('b-dorf'))))).toEqual([]);
	});

	it('an indicator page is found only under its own municipality and edition', async () => {
		const [indicatorA] = (await test.db.execute<{ id: string }>(sql`select id from indicators where municipality_id = ${municipalityId('a-stadt')}`)).rows;
		// b-dorf's edition has the same address; a-stadt's indicator must not show through it.
		expect(await codeOf(getIndicatorPage({ db: test.db, municipalityId: municipalityId('b-dorf'), ...ref, indicatorId: indicatorA.id, today }))).toBe('monitoring_indicator_not_found');
		const page = await getIndicatorPage({ db: test.db, municipalityId: municipalityId('a-stadt'), ...ref, indicatorId: indicatorA.id, today });
		expect(page.indicator.id).toBe(indicatorA.id);
		expect(page.subject?.kind).toBe('goal');
	});

	it('a target date before the baseline and a number that is not one are refused', () => {
		const base = { subject: `goal:${ids.editionA}`, name: 'X', direction: 'lower_is_better', baselineValue: '1', baselineDate: '2024-01-01', targetValue: '2', targetDate: '2023-01-01', frequency: 'yearly' };
		expect(indicatorSchema.safeParse(base).error?.issues.map((i) => i.path.join('.'))).toEqual(['targetDate']);
		expect(measurementSchema.safeParse({ measuredOn: '2025-01-01', value: 'viel' }).error?.issues.map((i) => i.message)).toEqual(['validation_decimal']);
	});
});

describe('a progress update may carry a photo with credit and licence', () => {
	const photoInput = mediaMetadataSchema.parse({ altText: 'Lotsinnen bei der Schulung im Stadtteilbüro', credit: 'Foto: Verein Lotsen', licence: 'cc-by-4.0' });
	let storage: { dir: string };
	const storedFiles = async () => (await readdir(storage.dir, { recursive: true }).catch(() => [] as string[])).filter((name) => /\.(avif|webp|jpg)$/.test(name));
	const counts = async () => ({
		media: (await test.db.select().from(mediaAssets)).length,
		updates: (await test.db.select().from(measureProgressUpdates)).length,
		files: (await storedFiles()).length
	});
	const png = () => sharp({ create: { width: 1200, height: 800, channels: 3, background: { r: 30, g: 140, b: 90 } } }).png().toBuffer();

	beforeAll(async () => {
		storage = { dir: await mkdtemp(path.join(tmpdir(), 'progress-photo-')) };
	});
	afterAll(async () => {
		await rm(storage.dir, { recursive: true, force: true });
	});

	it("an owner's update with a photo shows it on the public measure page with alt text, credit and licence, audited", async () => {
		const owner = await actorOf('traeger@example.org');
		const update = await addProgressUpdate({
			...scopeA(),
			actor: owner,
			measureId: ids.measures[0],
			input: progressUpdateSchema.parse({ writtenOn: '2026-02-20', body: 'Die zweite Schulungsrunde hat begonnen.' }),
			photo: { bytes: new Uint8Array(await png()), input: photoInput, storage }
		});
		const page = await getMeasurePage({ db: test.db, municipalityId: municipalityId('a-stadt'), ...ref, measureId: ids.measures[0], actor: null, today });
		const shown = page.updates.find((u) => u.id === update.id)!;
		expect(shown.photo).toMatchObject({ altText: 'Lotsinnen bei der Schulung im Stadtteilbüro', credit: 'Foto: Verein Lotsen', licence: 'cc-by-4.0', width: 1200, height: 800 });
		expect((await storedFiles()).length).toBeGreaterThan(0);
		const audit = await test.db.select().from(auditEvents).where(and(eq(auditEvents.actorUserId, owner.userId), eq(auditEvents.entityType, 'media')));
		expect(audit).toHaveLength(1);
	});

	it('a stranger with a photo is refused before the image is read; a file that is no image stores nothing', async () => {
		const before = await counts();
		const outsider = await actorOf('anderer-verein@example.org');
		const input = progressUpdateSchema.parse({ writtenOn: '2026-02-21', body: 'Unbefugt' });
		expect(await codeOf(addProgressUpdate({ ...scopeA(), actor: outsider, measureId: ids.measures[0], input, photo: { bytes: new Uint8Array(await png()), input: photoInput, storage } }))).toBe('error_forbidden');
		const owner = await actorOf('traeger@example.org');
		const notAnImage = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"></svg>');
		expect(await codeOf(addProgressUpdate({ ...scopeA(), actor: owner, measureId: ids.measures[0], input, photo: { bytes: notAnImage, input: photoInput, storage } }))).toBe('media_unsupported_type');
		expect(await counts()).toEqual(before);
	});
});
