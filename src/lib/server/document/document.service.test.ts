import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/test-db';
import { getEditionPage, getStrategyBySlug, listStrategiesWithEditions } from './document.service';
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
							{ number: 1, periodStart: 2015, periodEnd: 2019, stage: 'superseded' },
							{
								number: 2,
								periodStart: 2020,
								periodEnd: 2025,
								stage: 'implementing',
								stages: [
									{ stage: 'drafting', startsOn: '2019-10-01', endsOn: '2019-12-31' },
									{ stage: 'implementing', startsOn: '2020-01-01' }
								],
								fields: [
									{ title: 'Arbeit', goals: [{ title: 'Anerkennung', measures: [{ title: 'Lotsen' }, { title: 'Sprechstunde' }] }] },
									{ title: 'Teilhabe', goals: [{ title: 'Gremien' }, { title: 'Jugend' }] }
								]
							}
						]
					}
				]
			},
			{
				slug: 'b-dorf',
				name: 'B-Dorf',
				strategies: [{ slug: 'vielfalt', title: 'Vielfalt in B', editions: [{ number: 1, periodStart: 2021, periodEnd: 2026, stage: 'drafting' }] }]
			}
		]
	});
});
afterAll(() => test.drop());

const municipality = (slug: string) => test.ids.municipalityIds.get(slug)!;

describe('editions on public pages', () => {
	it('numbers the outline the way the printed document does', async () => {
		const page = await getEditionPage({ db: test.db, municipalityId: municipality('a-stadt'), strategySlug: 'vielfalt', number: 2 });
		expect(page.outline.map((field) => `${field.number} ${field.title}`)).toEqual(['1 Arbeit', '2 Teilhabe']);
		expect(page.outline[0].goals[0].measures.map((measure) => measure.number)).toEqual(['1.1.1', '1.1.2']);
		expect(page.outline[1].goals.map((goal) => goal.number)).toEqual(['2.1', '2.2']);
		expect(page.stageDates.map((stage) => stage.stage)).toEqual(['drafting', 'implementing']);
		expect(page.stageDates[0].startsOn).toBe('2019-10-01');
	});

	it('lists a strategy’s editions newest first', async () => {
		const strategy = await getStrategyBySlug({ db: test.db, municipalityId: municipality('a-stadt'), slug: 'vielfalt' });
		expect(strategy.editions.map((edition) => edition.number)).toEqual([2, 1]);
	});

	it('never shows one municipality the strategies or editions of another', async () => {
		const ofB = await listStrategiesWithEditions({ db: test.db, municipalityId: municipality('b-dorf') });
		expect(ofB.map((strategy) => strategy.title)).toEqual(['Vielfalt in B']);
		expect(ofB[0].editions.map((edition) => edition.number)).toEqual([1]);
		// B has no second edition; A's must not be found through B's identically named strategy.
		expect(
			await codeOf(getEditionPage({ db: test.db, municipalityId: municipality('b-dorf'), strategySlug: 'vielfalt', number: 2 }))
		).toBe('document_edition_not_found');
	});

	it('answers an unknown strategy with a not-found error', async () => {
		expect(
			await codeOf(getStrategyBySlug({ db: test.db, municipalityId: municipality('a-stadt'), slug: 'unbekannt' }))
		).toBe('document_strategy_not_found');
		expect(
			await codeOf(getEditionPage({ db: test.db, municipalityId: municipality('a-stadt'), strategySlug: 'unbekannt', number: 1 }))
		).toBe('document_strategy_not_found');
	});

	it('keeps each edition’s outline to itself when the prepared queries are reused', async () => {
		const scope = { db: test.db, municipalityId: municipality('a-stadt'), strategySlug: 'vielfalt' };
		const [second, first] = await Promise.all([getEditionPage({ ...scope, number: 2 }), getEditionPage({ ...scope, number: 1 })]);
		expect(second.outline.flatMap((field) => field.goals.flatMap((goal) => goal.measures.map((measure) => measure.title)))).toEqual(['Lotsen', 'Sprechstunde']);
		expect(first.edition.number).toBe(1);
		expect(first.outline).toEqual([]);
		expect(first.stageDates).toEqual([]);
		expect(first.contactPoint).toBeNull();
	});
});
