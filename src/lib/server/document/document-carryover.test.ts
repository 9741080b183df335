import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editionSchema } from '$lib/validation/document';
import { createTestDatabase, type TestDatabase } from '../db/test-db';
import type { Actor } from '../people/actor';
import { createEdition, getOutlineForAdmin, getStrategyForAdmin } from './document.admin';
import { compareEditions } from './document-lineage.service';
import { snapshotOfDraft } from './document-version.service';
import { sql } from 'drizzle-orm';
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
								fields: [
									{ title: 'Arbeit', isFocus: true, goals: [{ title: 'Anerkennung', description: 'Schneller.', measures: [{ title: 'Lotsen' }, { title: 'Sprechstunde' }] }, { title: 'Gründung' }] },
									{ title: 'Sprache', goals: [{ title: 'Kitas' }] }
								]
							}
						]
					},
					{ slug: 'andere', title: 'Andere', editions: [{ number: 1, periodStart: 2020, periodEnd: 2025, stage: 'implementing', fields: [{ title: 'Fremd' }] }] }
				]
			},
			{ slug: 'b-dorf', name: 'B-Dorf', strategies: [{ slug: 'vielfalt', title: 'Vielfalt', editions: [{ number: 1, periodStart: 2020, periodEnd: 2025, stage: 'implementing', fields: [{ title: 'Dorf' }] }] }] }
		],
		accounts: [{ email: 'admin@a-stadt.example.org', name: 'Ada Admin', password: 'passwort-admin', roles: [{ municipality: 'a-stadt', role: 'admin' }] }]
	});
});
afterAll(async () => {
	await test.drop();
});

const municipalityId = () => test.ids.municipalityIds.get('a-stadt')!;
const admin = (): Actor => ({
	userId: test.ids.accountIds.get('admin@a-stadt.example.org')!,
	name: 'Ada Admin',
	email: 'admin@a-stadt.example.org',
	isPlatformAdmin: false,
	memberships: [{ municipalityId: municipalityId(), municipalitySlug: 'a-stadt', municipalityName: 'A-Stadt', role: 'admin' }]
});
const scope = () => ({ db: test.db, actor: admin(), municipalityId: municipalityId() });
const input = (number: number) => editionSchema.parse({ number: String(number), periodStart: '2026', periodEnd: '2031', stage: 'preparing', stages: {} });

async function strategy(slug: string) {
	return getStrategyForAdmin({ ...scope(), slug });
}

describe('carrying the structure over into a new edition', () => {
	it('fields, goals and measures come along with titles, texts, order and the same lineage ids', async () => {
		const vielfalt = await strategy('vielfalt');
		const first = vielfalt.editions.find((edition) => edition.number === 1)!;
		const created = await createEdition({ ...scope(), strategyId: vielfalt.id, input: input(2), carryOverFrom: first.id });
		const before = await getOutlineForAdmin({ ...scope(), editionId: first.id });
		const after = await getOutlineForAdmin({ ...scope(), editionId: created.id });
		const shape = (outline: typeof before) =>
			outline.map((field) => ({
				title: field.title,
				isFocus: field.isFocus,
				goals: field.goals.map((goal) => ({
					title: goal.title,
					description: goal.description,
					lineageId: goal.lineageId,
					measures: goal.measures.map((measure) => ({ title: measure.title, lineageId: measure.lineageId }))
				}))
			}));
		expect(shape(after)).toEqual(shape(before));
		expect(after[0].lineageId).toBe(before[0].lineageId ?? before[0].id);
		// New rows, not the old ones moved: the earlier edition keeps its structure.
		expect(after[0].goals[0].id).not.toBe(before[0].goals[0].id);
		expect(before).toHaveLength(2);

		const compared = await compareEditions({ db: test.db, municipalityId: municipalityId(), strategySlug: 'vielfalt', from: 1, to: 2 });
		expect(compared.comparison.counts.goals).toEqual({ new: 0, dropped: 0, continued: 3, changed: 0, moved: 0 });
	});

	it('an edition of another strategy or municipality cannot be carried over, and then no edition is created at all', async () => {
		const vielfalt = await strategy('vielfalt');
		const other = (await strategy('andere')).editions[0];
		expect(await codeOf(createEdition({ ...scope(), strategyId: vielfalt.id, input: input(3), carryOverFrom: other.id }))).toBe('document_edition_not_found');
		const platformAdmin: Actor = { ...admin(), isPlatformAdmin: true, memberships: [] };
		const editionOfB = (await getStrategyForAdmin({ db: test.db, actor: platformAdmin, municipalityId: test.ids.municipalityIds.get('b-dorf')!, slug: 'vielfalt' })).editions[0];
		expect(await codeOf(createEdition({ ...scope(), strategyId: vielfalt.id, input: input(3), carryOverFrom: editionOfB.id }))).toBe('document_edition_not_found');
		expect((await strategy('vielfalt')).editions.map((edition) => edition.number)).toEqual([2, 1]);
	});

	it('an adopted edition passes on the text the council adopted, not what was edited afterwards', async () => {
		const vielfalt = await strategy('vielfalt');
		const first = vielfalt.editions.find((edition) => edition.number === 1)!;
		const snapshot = await snapshotOfDraft(test.db, municipalityId(), first.id);
		await test.db.execute(sql`
			with version as (
				insert into document_versions (municipality_id, edition_id, number, title, snapshot)
				values (${municipalityId()}, ${first.id}, 1, 'Beschlossene Fassung', ${JSON.stringify(snapshot)}::jsonb)
				returning id
			)
			update editions set adopted_version_id = (select id from version) where id = ${first.id}`);
		await test.db.execute(sql`update goals set title = 'Nach dem Beschluss umbenannt' where title = 'Anerkennung'`);
		const created = await createEdition({ ...scope(), strategyId: vielfalt.id, input: input(5), carryOverFrom: first.id });
		const outline = await getOutlineForAdmin({ ...scope(), editionId: created.id });
		expect(outline[0].goals.map((goal) => goal.title)).toEqual(['Anerkennung', 'Gründung']);
		expect(outline[0].goals[0].lineageId).toBe(snapshot.fields[0].goals[0].lineageId);
	});

	it('without a choice the new edition starts empty', async () => {
		const vielfalt = await strategy('vielfalt');
		const created = await createEdition({ ...scope(), strategyId: vielfalt.id, input: input(4) });
		expect(await getOutlineForAdmin({ ...scope(), editionId: created.id })).toEqual([]);
	});
});

describe('comparing editions in public', () => {
	it('the same edition on both sides is refused', async () => {
		expect(await codeOf(compareEditions({ db: test.db, municipalityId: municipalityId(), strategySlug: 'vielfalt', from: 1, to: 1 }))).toBe('document_lineage_invalid');
		expect(await codeOf(compareEditions({ db: test.db, municipalityId: municipalityId(), strategySlug: 'vielfalt', from: 1, to: 9 }))).toBe('document_edition_not_found');
	});
});
