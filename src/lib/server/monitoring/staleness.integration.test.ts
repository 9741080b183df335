// The staleness rule as the monitor applies it on a real database: the source's release calendar,
// the day the newest period was recorded, and the source's frequency before the indicator's.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/test-db';
import { editions, measures } from '../document/document.schema';
import { writeMeasurements } from './measurement.service';
import { indicatorSources, indicators } from './monitoring.schema';
import { loadEditionMonitor } from './monitoring.service';
import { getMonitorTodo } from './staleness.service';
import type { Actor } from '../people/actor';
import type { Role } from '../people/people.schema';
import { codeOf } from '../shared/error-code.testing';

let test: TestDatabase;
let municipalityId = '';
const ids = { calendar: '', frequency: '' };

beforeAll(async () => {
	test = await createTestDatabase({
		municipalities: [
			{
				slug: 'b-stadt',
				name: 'B-Stadt',
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
	municipalityId = test.ids.municipalityIds.get('b-stadt')!;
	const [{ id: editionId }] = await test.db.select().from(editions).where(eq(editions.municipalityId, municipalityId));
	const [measure] = await test.db.select().from(measures).where(eq(measures.municipalityId, municipalityId));
	const [released, quarterly] = await test.db
		.insert(indicatorSources)
		.values([
			{ municipalityId, key: 'landesamt', publisher: 'Landesamt für Statistik', frequency: 'yearly', lastReleaseOn: '2025-06-16', nextReleaseOn: '2026-03-15' },
			{ municipalityId, key: 'jobcenter', publisher: 'Jobcenter B-Stadt', frequency: 'quarterly' },
			{ municipalityId, key: 'umfrage', publisher: 'Stadt B-Stadt', dataset: 'Bürgerumfrage', nextReleaseOn: '2026-03-29' }
		])
		.returning();
	const base = { municipalityId, editionId, measureId: measure.id, direction: 'higher_is_better' as const, baselineValue: 10, baselineDate: '2023-12-31', targetValue: 20, targetDate: '2030-12-31', frequency: 'yearly' as const };
	const [calendar, frequency] = await test.db
		.insert(indicators)
		.values([
			{ ...base, code: 'einbuergerungen', name: 'Einbürgerungen', sourceId: released.id },
			{ ...base, code: 'vermittlungen', name: 'Vermittlungen in Arbeit', sourceId: quarterly.id }
		])
		.returning();
	ids.calendar = calendar.id;
	ids.frequency = frequency.id;
	const year = (y: number) => ({ periodKind: 'year' as const, periodStart: `${y}-01-01`, periodEnd: `${y}-12-31` });
	await writeMeasurements(test.db, municipalityId, [
		{ indicatorId: ids.calendar, ...year(2024), value: 12, createdAt: new Date('2025-06-17T08:00:00Z') },
		// A correction of an older year, recorded after the release day: not the release's newer period.
		{ indicatorId: ids.calendar, ...year(2023), value: 11, createdAt: new Date('2026-03-20T08:00:00Z') },
		{ indicatorId: ids.frequency, periodKind: 'quarter', periodStart: '2025-01-01', periodEnd: '2025-03-31', value: 14, createdAt: new Date('2025-04-20T08:00:00Z') }
	]);
});
afterAll(() => test.drop());

const monitorOn = (today: string) => loadEditionMonitor({ db: test.db, municipalityId, strategySlug: 'leitbild', number: 1, today });
const stalenessOf = async (today: string, indicatorId: string) => (await monitorOn(today)).indicators.find((i) => i.id === indicatorId)!.staleness;

describe('the monitor flags an indicator whose newest value is older than expected', () => {
	it('an indicator is fresh until its source’s announced release day has passed', async () => {
		expect(await stalenessOf('2026-03-15', ids.calendar)).toEqual({ stale: false, reason: null, expectedOn: '2026-03-15', frequency: 'yearly' });
	});

	it('after the release day without a newer period recorded it is stale, and a correction of an older year does not count as the release', async () => {
		const monitor = await monitorOn('2026-03-21');
		const indicator = monitor.indicators.find((i) => i.id === ids.calendar)!;
		expect(indicator.stale).toBe(true);
		expect(indicator.staleness).toEqual({ stale: true, reason: 'release_missed', expectedOn: '2026-03-15', frequency: 'yearly' });
		// The field's goal shows the same judgement as the edition's indicator list.
		expect(monitor.fields[0].goals[0].measures[0].indicators.find((i) => i.id === ids.calendar)!.stale).toBe(true);
	});

	it('the source’s quarterly frequency decides over the indicator’s yearly one', async () => {
		expect(await stalenessOf('2025-09-30', ids.frequency)).toMatchObject({ stale: false, expectedOn: '2025-09-30' });
		expect(await stalenessOf('2025-10-01', ids.frequency)).toEqual({ stale: true, reason: 'older_than_frequency', expectedOn: '2025-09-30', frequency: 'quarterly' });
	});

	it('a value of the newest period recorded on the release day (Berlin time) makes the indicator fresh again', async () => {
		// 23:30 UTC on 14 March is half past midnight on the release day in Berlin.
		await writeMeasurements(test.db, municipalityId, [
			{ indicatorId: ids.calendar, periodKind: 'year', periodStart: '2025-01-01', periodEnd: '2025-12-31', value: 13, createdAt: new Date('2026-03-14T23:30:00Z') }
		]);
		expect(await stalenessOf('2026-03-20', ids.calendar)).toEqual({ stale: false, reason: null, expectedOn: null, frequency: 'yearly' });
	});
});

const actorWith = (role: Role | null, options: { municipalityId?: string; platform?: boolean } = {}): Actor => ({
	userId: 'user-1',
	name: 'Test',
	email: 'test@example.org',
	isPlatformAdmin: options.platform ?? false,
	memberships: role ? [{ municipalityId: options.municipalityId ?? municipalityId, municipalitySlug: 'b-stadt', municipalityName: 'B-Stadt', role }] : []
});

describe('the facilitators’ to-do list of the monitor', () => {
	it('lists the stale indicators per edition with the day the value was expected', async () => {
		const todo = await getMonitorTodo({ db: test.db, actor: actorWith('facilitator'), municipalityId, today: '2025-10-01' });
		expect(todo.staleByEdition).toEqual([
			{
				editionId: expect.any(String),
				strategySlug: 'leitbild',
				strategyTitle: 'Leitbild',
				number: 1,
				indicators: [{ id: ids.frequency, name: 'Vermittlungen in Arbeit', staleness: { stale: true, reason: 'older_than_frequency', expectedOn: '2025-09-30', frequency: 'quarterly' } }]
			}
		]);
	});

	it('lists sources whose next release falls within the next 14 days, today and the 14th day included', async () => {
		const onDay = async (today: string) =>
			(await getMonitorTodo({ db: test.db, actor: actorWith('admin'), municipalityId, today })).releases.map((source) => [source.key, source.nextReleaseOn]);
		expect(await onDay('2026-03-14')).toEqual([['landesamt', '2026-03-15']]);
		expect(await onDay('2026-03-15')).toEqual([
			['landesamt', '2026-03-15'],
			['umfrage', '2026-03-29']
		]);
		expect(await onDay('2026-03-16')).toEqual([['umfrage', '2026-03-29']]);
	});

	it('is open to facilitators, admins and platform admins of the municipality, to no one else', async () => {
		const today = '2026-03-16';
		const call = (actor: Actor | null) => codeOf(getMonitorTodo({ db: test.db, actor, municipalityId, today }));
		expect(await call(actorWith('facilitator'))).toBeUndefined();
		expect(await call(actorWith('admin'))).toBeUndefined();
		expect(await call(actorWith(null, { platform: true }))).toBeUndefined();
		expect(await call(null)).toBe('error_not_signed_in');
		for (const role of ['participant', 'member', 'moderator', 'editor'] as const) expect(await call(actorWith(role)), role).toBe('error_forbidden');
		expect(await call(actorWith('admin', { municipalityId: crypto.randomUUID() }))).toBe('error_forbidden');
	});
});
