import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../audit/audit.schema';
import { createTestDatabase, type TestDatabase } from '../db/test-db';
import { editions, goals } from '../document/document.schema';
import type { Actor } from '../people/actor';
import { selectRolesOfUser, selectUserByEmail } from '../people/people.queries';
import { indicatorSchema, measurementSchema } from '$lib/validation/monitoring';
import { interimTargetsSchema } from '$lib/validation/score';
import { saveInterimTargets } from './indicator-target.admin';
import { indicatorInterimTargets } from './indicator-target.schema';
import { addMeasurement, createIndicator } from './monitoring.admin';
import { getIndicatorPage, getMonitor } from './monitoring.service';
import { codeOf } from '../shared/error-code.testing';

let test: TestDatabase;
const today = '2026-03-01';
const ref = { strategySlug: 'leitbild', number: 1 };
let editionA = '';
let indicatorId = '';

const edition = (goal: string) => ({
	slug: 'leitbild',
	title: 'Leitbild',
	editions: [{ number: 1, periodStart: 2024, periodEnd: 2030, stage: 'implementing' as const, fields: [{ title: 'Arbeit', goals: [{ title: goal, measures: [] }] }] }]
});

beforeAll(async () => {
	test = await createTestDatabase({
		municipalities: [
			{ slug: 'a-stadt', name: 'A-Stadt', strategies: [edition('Mehr Ausbildung')] },
			{ slug: 'b-dorf', name: 'B-Dorf', strategies: [edition('Kitas')] }
		],
		accounts: [
			{ email: 'moderation-a@example.org', name: 'Moderation A', password: 'passwort-moderation', roles: [{ municipality: 'a-stadt', role: 'facilitator' }] },
			{ email: 'teilnahme@example.org', name: 'Teilnahme', password: 'passwort-teilnahme', roles: [{ municipality: 'a-stadt', role: 'participant' }] },
			{ email: 'moderation-b@example.org', name: 'Moderation B', password: 'passwort-moderation', roles: [{ municipality: 'b-dorf', role: 'facilitator' }] }
		]
	});
	const a = test.ids.municipalityIds.get('a-stadt')!;
	editionA = (await test.db.select().from(editions).where(eq(editions.municipalityId, a)))[0].id;
	const goal = (await test.db.select().from(goals).where(eq(goals.municipalityId, a)))[0];
	const actor = await actorOf('moderation-a@example.org');
	// The worked example of docs/indicator-model.md: 100 → 150 from 2023 to 2030, 108 at the end of 2025.
	const indicator = await createIndicator({
		db: test.db,
		actor,
		municipalityId: a,
		editionId: editionA,
		input: indicatorSchema.parse({
			subject: `goal:${goal.id}`,
			name: 'Ausbildungsverträge',
			unit: '',
			direction: 'higher_is_better',
			baselineValue: '100',
			baselineDate: '2023-12-31',
			targetValue: '150',
			targetDate: '2030-12-31',
			frequency: 'yearly'
		})
	});
	indicatorId = indicator.id;
	await addMeasurement({ db: test.db, actor, municipalityId: a, editionId: editionA, indicatorId, input: measurementSchema.parse({ measuredOn: '2025-12-31', value: '108' }) });
});
afterAll(() => test.drop());

async function actorOf(email: string): Promise<Actor> {
	const user = (await selectUserByEmail(test.db, email))!;
	return { userId: user.id, name: user.name, email: user.email, isPlatformAdmin: user.isPlatformAdmin, memberships: await selectRolesOfUser(test.db, user.id) };
}

const scopeA = () => ({ db: test.db, municipalityId: test.ids.municipalityIds.get('a-stadt')!, editionId: editionA });
const storedTargets = () => test.db.select({ year: indicatorInterimTargets.year, value: indicatorInterimTargets.value }).from(indicatorInterimTargets).orderBy(indicatorInterimTargets.year);
const statusOnMonitor = async () => {
	const monitor = await getMonitor({ db: test.db, municipalityId: test.ids.municipalityIds.get('a-stadt')!, ...ref, filter: {}, today });
	return monitor.indicators.find((i) => i.id === indicatorId)!.score;
};

describe('interim targets and the assessment of an indicator', () => {
	it('without interim targets the worked example makes moderate progress towards the final target', async () => {
		const score = await statusOnMonitor();
		expect(score.status).toBe('moderate');
		expect(score.ratio).toBeCloseTo(0.658, 3);
	});

	it('a facilitator sets an interim target; the assessment measures against it, and the change is audited', async () => {
		const input = interimTargetsSchema.parse({ targets: { '2026': '110', '2027': '', '2028': '127,5' } });
		expect(input).toEqual([
			{ year: 2026, value: 110 },
			{ year: 2028, value: 127.5 }
		]);
		await saveInterimTargets({ ...scopeA(), actor: await actorOf('moderation-a@example.org'), indicatorId, input });
		expect(await storedTargets()).toEqual(input);
		const score = await statusOnMonitor();
		expect(score).toMatchObject({ status: 'on_track', milestone: { value: 110, date: '2026-12-31', interim: true } });
		const page = await getIndicatorPage({ db: test.db, municipalityId: test.ids.municipalityIds.get('a-stadt')!, ...ref, indicatorId, today });
		expect(page.indicator.interimTargets).toEqual(input);
		const audit = await test.db.select().from(auditEvents).where(eq(auditEvents.entityId, indicatorId));
		expect(audit.map((a) => `${a.entityType}:${a.action}`)).toContain('indicator_interim_targets:update');
	});

	it('participants and staff of another municipality may not set interim targets; nothing changes', async () => {
		const before = await storedTargets();
		const input = [{ year: 2026, value: 200 }];
		expect(await codeOf(saveInterimTargets({ ...scopeA(), actor: await actorOf('teilnahme@example.org'), indicatorId, input }))).toBe('error_forbidden');
		expect(await codeOf(saveInterimTargets({ ...scopeA(), actor: await actorOf('moderation-b@example.org'), indicatorId, input }))).toBe('error_forbidden');
		expect(await codeOf(saveInterimTargets({ ...scopeA(), actor: null, indicatorId, input }))).toBe('error_not_signed_in');
		expect(await storedTargets()).toEqual(before);
	});

	it('an interim target outside the years between baseline and final target is refused and nothing is written', async () => {
		const before = await storedTargets();
		for (const year of [2023, 2030, 2031]) {
			const input = [{ year: 2026, value: 111 }, { year, value: 140 }];
			expect(await codeOf(saveInterimTargets({ ...scopeA(), actor: await actorOf('moderation-a@example.org'), indicatorId, input }))).toBe('score_interim_year_outside');
		}
		expect(await storedTargets()).toEqual(before);
	});

	it('the form refuses what is not a number, naming the year', () => {
		const parsed = interimTargetsSchema.safeParse({ targets: { '2026': 'viel', '2027': '12.5 ' } });
		expect(parsed.success).toBe(false);
		expect(parsed.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['targets.2026', 'validation_decimal']]);
		expect(interimTargetsSchema.safeParse({ targets: { '20x6': '1' } }).success).toBe(false);
	});

	it('an indicator of another edition or municipality is not found through this edition', async () => {
		const b = test.ids.municipalityIds.get('b-dorf')!;
		const actor = await actorOf('moderation-b@example.org');
		const editionB = (await test.db.select().from(editions).where(eq(editions.municipalityId, b)))[0].id;
		expect(await codeOf(saveInterimTargets({ db: test.db, actor, municipalityId: b, editionId: editionB, indicatorId, input: [] }))).toBe('monitoring_indicator_not_found');
	});

	it('clearing every field removes the interim targets', async () => {
		await saveInterimTargets({ ...scopeA(), actor: await actorOf('moderation-a@example.org'), indicatorId, input: interimTargetsSchema.parse({ targets: { '2026': '', '2028': '' } }) });
		expect(await storedTargets()).toEqual([]);
		expect((await statusOnMonitor()).status).toBe('moderate');
	});
});
