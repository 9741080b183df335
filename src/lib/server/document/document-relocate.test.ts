import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditEvents } from '../audit/audit.service';
import { createTestDatabase, type TestDatabase } from '../db/test-db';
import type { Actor } from '../people/actor';
import type { Role } from '../people/people.schema';
import { getEditionForAdmin, getOutlineForAdmin, relocateGoal, relocateMeasure } from './document.admin';
import { codeOf } from '../shared/error-code.testing';

let test: TestDatabase;

beforeAll(async () => {
	test = await createTestDatabase({
		municipalities: [
			{
				slug: 'a-stadt',
				name: 'A-Stadt',
				strategies: [
					{
						slug: 'vielfalt',
						title: 'Vielfalt',
						editions: [
							{
								number: 1,
								periodStart: 2026,
								periodEnd: 2031,
								stage: 'drafting',
								fields: [
									{
										title: 'Arbeit',
										goals: [
											{ title: 'Anerkennung', measures: [{ title: 'Lotsendienst' }, { title: 'Sprechstunde' }] },
											{ title: 'Gremien', measures: [{ title: 'Patenschaften' }] },
											{ title: 'Gründung' }
										]
									},
									{ title: 'Teilhabe', goals: [{ title: 'Beiräte' }] }
								]
							},
							{ number: 2, periodStart: 2032, periodEnd: 2037, stage: 'preparing', fields: [{ title: 'Arbeit', goals: [{ title: 'Später' }] }] }
						]
					}
				]
			},
			{
				slug: 'b-dorf',
				name: 'B-Dorf',
				strategies: [{ slug: 'vielfalt', title: 'Vielfalt in B', editions: [{ number: 1, periodStart: 2021, periodEnd: 2026, stage: 'drafting', fields: [{ title: 'Sprache', goals: [{ title: 'Kurse' }] }] }] }]
			}
		]
	});
});
afterAll(() => test.drop());

const municipality = (slug: string) => test.ids.municipalityIds.get(slug)!;

function actorWith(role: Role, municipalitySlug: string): Actor {
	return {
		userId: randomUUID(),
		name: `${role} of ${municipalitySlug}`,
		email: `${role}@${municipalitySlug}.example.org`,
		isPlatformAdmin: false,
		memberships: [{ municipalityId: municipality(municipalitySlug), municipalitySlug, municipalityName: municipalitySlug, role }]
	};
}

async function scopeOf(number: number, actor: Actor = actorWith('facilitator', 'a-stadt'), slug = 'a-stadt') {
	const { edition } = await getEditionForAdmin({ db: test.db, actor: actorWith('admin', slug), municipalityId: municipality(slug), strategySlug: 'vielfalt', number });
	return { db: test.db, actor, municipalityId: municipality(slug), editionId: edition.id };
}

async function outlineOf(number: number, slug = 'a-stadt') {
	const scope = await scopeOf(number, actorWith('admin', slug), slug);
	return getOutlineForAdmin(scope);
}

/** Titles by number, the way the document numbers them. */
async function numbered(number: number) {
	return (await outlineOf(number)).flatMap((field) => [
		`${field.number} ${field.title}`,
		...field.goals.flatMap((goal) => [`${goal.number} ${goal.title}`, ...goal.measures.map((measure) => `${measure.number} ${measure.title}`)])
	]);
}

describe('moving a goal to another field, or a measure to another goal', () => {
	it('a goal goes to the end of the other field with its measures; the field it left closes the gap; the move is recorded', async () => {
		const [arbeit, teilhabe] = await outlineOf(1);
		const anerkennung = arbeit.goals[0];
		await relocateGoal({ ...(await scopeOf(1)), goalId: anerkennung.id, fieldId: teilhabe.id });
		expect(await numbered(1)).toEqual([
			'1 Arbeit',
			'1.1 Gremien',
			'1.1.1 Patenschaften',
			'1.2 Gründung',
			'2 Teilhabe',
			'2.1 Beiräte',
			'2.2 Anerkennung',
			'2.2.1 Lotsendienst',
			'2.2.2 Sprechstunde'
		]);
		expect((await outlineOf(1))[0].goals.map((goal) => goal.position)).toEqual([0, 1]);
		const { events } = await listAuditEvents({ db: test.db, actor: actorWith('admin', 'a-stadt'), municipalityId: municipality('a-stadt') });
		expect(events[0]).toMatchObject({
			action: 'move',
			entityType: 'goal',
			entityId: anerkennung.id,
			before: { fieldId: arbeit.id, position: 0 },
			after: { fieldId: teilhabe.id, position: 1 }
		});
	});

	it('a measure goes to the end of the other goal, and the goal it left closes the gap', async () => {
		const [, teilhabe] = await outlineOf(1);
		const [beiraete, anerkennung] = teilhabe.goals;
		await relocateMeasure({ ...(await scopeOf(1)), measureId: anerkennung.measures[0].id, goalId: beiraete.id });
		const [, after] = await outlineOf(1);
		expect(after.goals.map((goal) => [goal.title, goal.measures.map((measure) => [measure.title, measure.position])])).toEqual([
			['Beiräte', [['Lotsendienst', 0]]],
			['Anerkennung', [['Sprechstunde', 0]]]
		]);
	});

	it('moving to where it already is changes nothing and records nothing', async () => {
		const before = await numbered(1);
		const [arbeit] = await outlineOf(1);
		const admin = actorWith('admin', 'a-stadt');
		const events = async () => (await listAuditEvents({ db: test.db, actor: admin, municipalityId: municipality('a-stadt') })).events.length;
		const count = await events();
		await relocateGoal({ ...(await scopeOf(1)), goalId: arbeit.goals[0].id, fieldId: arbeit.id });
		await relocateMeasure({ ...(await scopeOf(1)), measureId: arbeit.goals[0].measures[0].id, goalId: arbeit.goals[0].id });
		expect(await numbered(1)).toEqual(before);
		expect(await events()).toBe(count);
	});

	it('the goal, the measure and where they go must all belong to the edition in the address, in this municipality', async () => {
		const before = await numbered(1);
		const [arbeit, teilhabe] = await outlineOf(1);
		const [later] = await outlineOf(2);
		const [foreign] = await outlineOf(1, 'b-dorf');
		const scope = await scopeOf(1);
		expect(await codeOf(relocateGoal({ ...scope, goalId: arbeit.goals[0].id, fieldId: later.id }))).toBe('document_outline_item_not_found');
		expect(await codeOf(relocateGoal({ ...scope, goalId: arbeit.goals[0].id, fieldId: foreign.id }))).toBe('document_outline_item_not_found');
		expect(await codeOf(relocateGoal({ ...scope, goalId: foreign.goals[0].id, fieldId: teilhabe.id }))).toBe('document_outline_item_not_found');
		expect(await codeOf(relocateMeasure({ ...scope, measureId: arbeit.goals[0].measures[0].id, goalId: later.goals[0].id }))).toBe(
			'document_outline_item_not_found'
		);
		expect(await numbered(1)).toEqual(before);
	});

	it('only the staff who draft may move: a moderator and another municipality’s admin are refused', async () => {
		const [arbeit, teilhabe] = await outlineOf(1);
		const goalId = arbeit.goals[0].id;
		expect(await codeOf(relocateGoal({ ...(await scopeOf(1, actorWith('moderator', 'a-stadt'))), goalId, fieldId: teilhabe.id }))).toBe('error_forbidden');
		expect(await codeOf(relocateGoal({ ...(await scopeOf(1, actorWith('admin', 'b-dorf'))), goalId, fieldId: teilhabe.id }))).toBe('error_forbidden');
		expect((await outlineOf(1))[0].goals[0].id).toBe(goalId);
	});
});
