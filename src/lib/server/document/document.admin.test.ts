import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editionSchema, newStrategySchema, type EditionInput } from '$lib/validation/document';
import { listAuditEvents } from '../audit/audit.service';
import { createTestDatabase, type TestDatabase } from '../db/test-db';
import type { Actor } from '../people/actor';
import type { Role } from '../people/people.schema';
import {
	addGoal,
	createEdition,
	createStrategy,
	getEditionForAdmin,
	getOutlineForAdmin,
	listStrategiesForAdmin,
	moveGoal,
	removeField,
	updateEdition,
	updateGoal
} from './document.admin';
import { getEditionPage } from './document.service';
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
								periodStart: 2020,
								periodEnd: 2025,
								stage: 'implementing',
								stages: [{ stage: 'drafting', startsOn: '2019-10-01', endsOn: '2019-12-31' }],
								fields: [
									{ title: 'Arbeit', goals: [{ title: 'Anerkennung' }, { title: 'Gründung' }, { title: 'Ausbildung' }] },
									{ title: 'Teilhabe', goals: [{ title: 'Gremien' }] },
									{ title: 'Bildung' },
									{ title: 'Wohnen' }
								]
							},
							{ number: 2, periodStart: 2026, periodEnd: 2031, stage: 'preparing' }
						]
					}
				]
			},
			{
				slug: 'b-dorf',
				name: 'B-Dorf',
				strategies: [
					{
						slug: 'vielfalt',
						title: 'Vielfalt in B',
						editions: [{ number: 1, periodStart: 2021, periodEnd: 2026, stage: 'drafting', fields: [{ title: 'Sprache', goals: [{ title: 'Kurse' }] }] }]
					}
				]
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

async function editionOf(municipalitySlug: string, number: number) {
	const admin = actorWith('admin', municipalitySlug);
	return getEditionForAdmin({ db: test.db, actor: admin, municipalityId: municipality(municipalitySlug), strategySlug: 'vielfalt', number });
}

async function outlineOf(municipalitySlug: string, number: number) {
	const { edition } = await editionOf(municipalitySlug, number);
	return getOutlineForAdmin({ db: test.db, actor: actorWith('admin', municipalitySlug), municipalityId: municipality(municipalitySlug), editionId: edition.id });
}

async function auditCount(municipalitySlug: string) {
	const { events } = await listAuditEvents({ db: test.db, actor: actorWith('admin', municipalitySlug), municipalityId: municipality(municipalitySlug) });
	return events.length;
}

function editionInput(raw: Record<string, unknown>): EditionInput {
	return editionSchema.parse({ number: '2', periodStart: '2026', periodEnd: '2031', stage: 'preparing', summary: '', contactPointId: '', ...raw });
}

describe('who may change strategies and editions', () => {
	it('a participant cannot create a strategy', async () => {
		const input = newStrategySchema.parse({ slug: 'klima', title: 'Klima' });
		expect(
			await codeOf(createStrategy({ db: test.db, actor: actorWith('participant', 'a-stadt'), municipalityId: municipality('a-stadt'), input }))
		).toBe('error_forbidden');
		const strategies = await listStrategiesForAdmin({ db: test.db, actor: actorWith('admin', 'a-stadt'), municipalityId: municipality('a-stadt') });
		expect(strategies.map((strategy) => strategy.slug)).toEqual(['vielfalt']);
	});

	it('an admin of one municipality cannot change another municipality’s edition', async () => {
		const { edition } = await editionOf('b-dorf', 1);
		const input = editionInput({ number: '1', periodStart: '2021', periodEnd: '2027', stage: 'adopted' });
		expect(
			await codeOf(
				updateEdition({ db: test.db, actor: actorWith('admin', 'a-stadt'), municipalityId: municipality('b-dorf'), editionId: edition.id, input })
			)
		).toBe('error_forbidden');
		// Naming their own municipality does not help either: the edition is not found there.
		expect(
			await codeOf(
				updateEdition({ db: test.db, actor: actorWith('admin', 'a-stadt'), municipalityId: municipality('a-stadt'), editionId: edition.id, input })
			)
		).toBe('document_edition_not_found');
		expect((await editionOf('b-dorf', 1)).edition.stage).toBe('drafting');
	});

	it('a goal of another municipality cannot be moved through one’s own edition', async () => {
		const [foreignField] = await outlineOf('b-dorf', 1);
		const { edition } = await editionOf('a-stadt', 1);
		expect(
			await codeOf(
				moveGoal({
					db: test.db,
					actor: actorWith('admin', 'a-stadt'),
					municipalityId: municipality('a-stadt'),
					editionId: edition.id,
					goalId: foreignField.goals[0].id,
					direction: 'up'
				})
			)
		).toBe('document_outline_item_not_found');
	});

	it('a goal id must belong to the edition named in the address', async () => {
		const admin = actorWith('admin', 'a-stadt');
		const [field] = await outlineOf('a-stadt', 1);
		const { edition: second } = await editionOf('a-stadt', 2);
		expect(
			await codeOf(
				updateGoal({
					db: test.db,
					actor: admin,
					municipalityId: municipality('a-stadt'),
					editionId: second.id,
					goalId: field.goals[0].id,
					input: { title: 'Umgeschrieben', description: '' }
				})
			)
		).toBe('document_outline_item_not_found');
		expect((await outlineOf('a-stadt', 1))[0].goals[0].title).toBe('Anerkennung');
	});
});

describe('editions', () => {
	it('refuses a second edition with a number the strategy already has', async () => {
		const admin = actorWith('admin', 'a-stadt');
		const strategies = await listStrategiesForAdmin({ db: test.db, actor: admin, municipalityId: municipality('a-stadt') });
		const code = await codeOf(
			createEdition({ db: test.db, actor: admin, municipalityId: municipality('a-stadt'), strategyId: strategies[0].id, input: editionInput({ number: '1' }) })
		);
		expect(code).toBe('document_edition_number_taken');
		const { edition } = await editionOf('a-stadt', 2);
		expect(
			await codeOf(updateEdition({ db: test.db, actor: admin, municipalityId: municipality('a-stadt'), editionId: edition.id, input: editionInput({ number: '1' }) }))
		).toBe('document_edition_number_taken');
	});

	it('a stage date ending before it starts is rejected and nothing is written', async () => {
		const raw = {
			number: '1',
			periodStart: '2020',
			periodEnd: '2025',
			stage: 'implementing',
			stages: { drafting: { startsOn: '2019-10-01', endsOn: '2019-09-30' } }
		};
		const parsed = editionSchema.safeParse(raw);
		expect(parsed.success).toBe(false);
		expect(parsed.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
			['stages.drafting.endsOn', 'validation_end_before_start']
		]);

		// A caller that skips the form's schema is stopped by the service itself.
		const admin = actorWith('admin', 'a-stadt');
		const { edition } = await editionOf('a-stadt', 1);
		const eventsBefore = await auditCount('a-stadt');
		const forged = editionInput({ number: '1', periodStart: '2020', periodEnd: '2025', stage: 'adopted' });
		forged.stages = { drafting: { startsOn: '2019-10-01', endsOn: '2019-09-30' } };
		expect(
			await codeOf(updateEdition({ db: test.db, actor: admin, municipalityId: municipality('a-stadt'), editionId: edition.id, input: forged }))
		).toBe('document_edition_dates_invalid');
		const after = await editionOf('a-stadt', 1);
		expect(after.edition.stage).toBe('implementing');
		expect(after.stageDates.map((date) => [date.stage, date.startsOn, date.endsOn])).toEqual([['drafting', '2019-10-01', '2019-12-31']]);
		expect(await auditCount('a-stadt')).toBe(eventsBefore);
	});

	it('saves the stage dates that the public timeline shows and records before and after', async () => {
		const admin = actorWith('admin', 'a-stadt');
		const { edition } = await editionOf('a-stadt', 2);
		const input = editionInput({
			number: '2',
			stage: 'participating',
			stages: { preparing: { startsOn: '2025-05-01', endsOn: '2025-08-31' }, participating: { startsOn: '2025-09-01', endsOn: '' } }
		});
		await updateEdition({ db: test.db, actor: admin, municipalityId: municipality('a-stadt'), editionId: edition.id, input });
		const page = await getEditionPage({ db: test.db, municipalityId: municipality('a-stadt'), strategySlug: 'vielfalt', number: 2 });
		expect(page.stageDates.map((date) => [date.stage, date.startsOn, date.endsOn])).toEqual([
			['preparing', '2025-05-01', '2025-08-31'],
			['participating', '2025-09-01', null]
		]);
		const { events } = await listAuditEvents({ db: test.db, actor: admin, municipalityId: municipality('a-stadt') });
		expect(events[0]).toMatchObject({ action: 'update', entityType: 'edition', entityId: edition.id });
		expect(events[0].before).toMatchObject({ stage: 'preparing', stageDates: [] });
		expect(events[0].after).toMatchObject({ stage: 'participating' });
	});
});

describe('the outline', () => {
	it('moving a goal up swaps positions and records an audit event', async () => {
		const admin = actorWith('admin', 'a-stadt');
		const { edition } = await editionOf('a-stadt', 1);
		const [field] = await outlineOf('a-stadt', 1);
		const second = field.goals[1];
		await moveGoal({ db: test.db, actor: admin, municipalityId: municipality('a-stadt'), editionId: edition.id, goalId: second.id, direction: 'up' });
		const [moved] = await outlineOf('a-stadt', 1);
		expect(moved.goals.map((goal) => [goal.title, goal.position])).toEqual([
			['Gründung', 0],
			['Anerkennung', 1],
			['Ausbildung', 2]
		]);
		const { events } = await listAuditEvents({ db: test.db, actor: admin, municipalityId: municipality('a-stadt') });
		expect(events[0]).toMatchObject({ action: 'move', entityType: 'goal', entityId: second.id, before: { position: 1 }, after: { position: 0 } });
	});

	it('moving the first goal up changes nothing and records nothing', async () => {
		const admin = actorWith('admin', 'a-stadt');
		const { edition } = await editionOf('a-stadt', 1);
		const [field] = await outlineOf('a-stadt', 1);
		const eventsBefore = await auditCount('a-stadt');
		await moveGoal({ db: test.db, actor: admin, municipalityId: municipality('a-stadt'), editionId: edition.id, goalId: field.goals[0].id, direction: 'up' });
		expect((await outlineOf('a-stadt', 1))[0].goals.map((goal) => goal.id)).toEqual(field.goals.map((goal) => goal.id));
		expect(await auditCount('a-stadt')).toBe(eventsBefore);
	});

	it('a new goal goes to the end of its field', async () => {
		const admin = actorWith('admin', 'a-stadt');
		const { edition } = await editionOf('a-stadt', 1);
		const [, field] = await outlineOf('a-stadt', 1);
		await addGoal({
			db: test.db,
			actor: admin,
			municipalityId: municipality('a-stadt'),
			editionId: edition.id,
			fieldId: field.id,
			input: { title: 'Beiräte', description: 'Mehr Stimmen in den Beiräten.' }
		});
		const [, after] = await outlineOf('a-stadt', 1);
		expect(after.goals.map((goal) => [goal.title, goal.position])).toEqual([
			['Gremien', 0],
			['Beiräte', 1]
		]);
	});

	it('deleting a field keeps the positions of the others dense', async () => {
		const admin = actorWith('admin', 'a-stadt');
		const { edition } = await editionOf('a-stadt', 1);
		const fields = await outlineOf('a-stadt', 1);
		const teilhabe = fields.find((field) => field.title === 'Teilhabe')!;
		await removeField({ db: test.db, actor: admin, municipalityId: municipality('a-stadt'), editionId: edition.id, fieldId: teilhabe.id });
		const after = await outlineOf('a-stadt', 1);
		expect(after.map((field) => [field.title, field.position])).toEqual([
			['Arbeit', 0],
			['Bildung', 1],
			['Wohnen', 2]
		]);
		const { events } = await listAuditEvents({ db: test.db, actor: admin, municipalityId: municipality('a-stadt') });
		expect(events[0]).toMatchObject({ action: 'delete', entityType: 'field', entityId: teilhabe.id });
		expect(events[0].before).toMatchObject({ title: 'Teilhabe', goals: [{ title: 'Gremien' }, { title: 'Beiräte' }] });
	});
});

describe('form validation', () => {
	it('an edition period ending before it starts is an error on the end year', () => {
		const parsed = editionSchema.safeParse({ number: '3', periodStart: '2030', periodEnd: '2025', stage: 'preparing' });
		expect(parsed.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['periodEnd', 'validation_period_end_before_start']]);
	});

	it('a stage end without a start asks for the start', () => {
		const parsed = editionSchema.safeParse({
			number: '3',
			periodStart: '2025',
			periodEnd: '2030',
			stage: 'preparing',
			stages: { adopted: { startsOn: '', endsOn: '2025-03-01' } }
		});
		expect(parsed.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
			['stages.adopted.startsOn', 'validation_stage_start_required']
		]);
	});
});
