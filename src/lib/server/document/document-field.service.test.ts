import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/test-db';
import type { Actor } from '../people/actor';
import type { Role } from '../people/people.schema';
import { getDocumentForDrafting } from './document-version.service';
import { getFieldForDrafting } from './document-field.service';
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
								stage: 'drafting',
								fields: [
									{ title: 'Arbeit', goals: [{ title: 'Anerkennung beschleunigen', measures: [{ title: 'Lotsendienst' }] }, { title: 'Gründung' }] },
									{ title: 'Teilhabe', goals: [{ title: 'Gremien öffnen', measures: [{ title: 'Patenschaften' }, { title: 'Sitzungen am Abend' }] }] },
									{ title: 'Wohnen' }
								]
							},
							{ number: 2, periodStart: 2026, periodEnd: 2031, stage: 'participating', fields: [{ title: 'Arbeit' }] }
						]
					}
				]
			},
			{
				slug: 'b-dorf',
				name: 'B-Dorf',
				strategies: [{ slug: 'vielfalt', title: 'Vielfalt in B', editions: [{ number: 1, periodStart: 2021, periodEnd: 2026, stage: 'drafting', fields: [{ title: 'Sprache' }] }] }]
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

async function fieldIdsOf(slug: string, number: number) {
	const { outline } = await getDocumentForDrafting({ db: test.db, actor: actorWith('admin', slug), municipalityId: municipality(slug), strategySlug: 'vielfalt', number });
	return outline.map((field) => field.id);
}

const fieldPage = (fieldId: string, { actor = actorWith('facilitator', 'a-stadt'), slug = 'a-stadt', number = 1 }: { actor?: Actor | null; slug?: string; number?: number } = {}) =>
	getFieldForDrafting({ db: test.db, actor, municipalityId: municipality(slug), strategySlug: 'vielfalt', number, fieldId });

describe('a field of action on its own page', () => {
	it('has its goals and measures numbered as in the whole document, and its neighbours', async () => {
		const [first, second, third] = await fieldIdsOf('a-stadt', 1);
		const page = await fieldPage(second);
		expect(page.field.number).toBe('2');
		expect(page.field.title).toBe('Teilhabe');
		expect(page.field.goals.map((goal) => [goal.number, goal.title])).toEqual([['2.1', 'Gremien öffnen']]);
		expect(page.field.goals[0].measures.map((measure) => [measure.number, measure.title])).toEqual([
			['2.1.1', 'Patenschaften'],
			['2.1.2', 'Sitzungen am Abend']
		]);
		expect(page.previous).toEqual({ id: first, number: '1', title: 'Arbeit' });
		expect(page.next).toEqual({ id: third, number: '3', title: 'Wohnen' });
		// Where its goals can move to: every other field of the edition.
		expect(page.otherFields.map((field) => [field.id, field.title])).toEqual([
			[first, 'Arbeit'],
			[third, 'Wohnen']
		]);
	});

	it('has no neighbour before the first field and none after the last', async () => {
		const [first, , third] = await fieldIdsOf('a-stadt', 1);
		const firstPage = await fieldPage(first);
		expect(firstPage.previous).toBeNull();
		expect(firstPage.field.goals.map((goal) => goal.number)).toEqual(['1.1', '1.2']);
		expect(firstPage.field.goals[0].measures.map((measure) => measure.number)).toEqual(['1.1.1']);
		const lastPage = await fieldPage(third);
		expect(lastPage.next).toBeNull();
		expect(lastPage.field.goals).toEqual([]);
	});

	it('is not found under another edition, or under another municipality’s address', async () => {
		const [first] = await fieldIdsOf('a-stadt', 1);
		expect(await codeOf(fieldPage(first, { number: 2 }))).toBe('document_outline_item_not_found');
		const [foreign] = await fieldIdsOf('b-dorf', 1);
		expect(await codeOf(fieldPage(foreign))).toBe('document_outline_item_not_found');
		expect(await codeOf(fieldPage(randomUUID()))).toBe('document_outline_item_not_found');
	});

	it('is for the staff who draft: participants, moderators, other municipalities’ admins and anonymous visitors are turned away', async () => {
		const [first] = await fieldIdsOf('a-stadt', 1);
		expect((await fieldPage(first, { actor: actorWith('admin', 'a-stadt') })).field.id).toBe(first);
		expect(await codeOf(fieldPage(first, { actor: actorWith('participant', 'a-stadt') }))).toBe('error_forbidden');
		expect(await codeOf(fieldPage(first, { actor: actorWith('moderator', 'a-stadt') }))).toBe('error_forbidden');
		expect(await codeOf(fieldPage(first, { actor: actorWith('admin', 'b-dorf') }))).toBe('error_forbidden');
		expect(await codeOf(fieldPage(first, { actor: null }))).toBe('error_not_signed_in');
	});
});
