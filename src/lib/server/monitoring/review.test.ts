import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../audit/audit.schema';
import { createTestDatabase, type TestDatabase } from '../db/test-db';
import { editions, goals } from '../document/document.schema';
import type { Actor } from '../people/actor';
import { selectRolesOfUser, selectUserByEmail } from '../people/people.queries';
import { reviewRatingsSchema, reviewStartSchema } from '$lib/validation/review';
import { editionReviews, reviewRatings } from './review.schema';
import { lastRatingsForCarryOver } from './review-carryover';
import { getPublishedReview, getReviewForStaff, latestRatingsByGoal, publishReview, saveRatings, startReview } from './review.service';
import { codeOf } from '../shared/error-code.testing';

let test: TestDatabase;
const ids = { editionA: '', editionB: '', goalsA: [] as string[], goalB: '' };

beforeAll(async () => {
	test = await createTestDatabase({
		municipalities: [
			{
				slug: 'a-stadt',
				name: 'A-Stadt',
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
									{ title: 'Arbeit', goals: [{ title: 'Schneller anerkannt' }, { title: 'Mehr Ausbildung' }] },
									{ title: 'Wohnen', goals: [{ title: 'Faire Vermietung' }] }
								]
							}
						]
					}
				]
			},
			{
				slug: 'b-dorf',
				name: 'B-Dorf',
				strategies: [{ slug: 'leitbild', title: 'Leitbild', editions: [{ number: 1, periodStart: 2025, periodEnd: 2030, stage: 'implementing', fields: [{ title: 'Bildung', goals: [{ title: 'Kitas' }] }] }] }]
			}
		],
		accounts: [
			{ email: 'moderation-a@example.org', name: 'Moderation A', password: 'passwort-moderation', roles: [{ municipality: 'a-stadt', role: 'facilitator' }] },
			{ email: 'teilnahme-a@example.org', name: 'Teilnahme A', password: 'passwort-teilnahme', roles: [{ municipality: 'a-stadt', role: 'participant' }] },
			{ email: 'moderation-b@example.org', name: 'Moderation B', password: 'passwort-moderation', roles: [{ municipality: 'b-dorf', role: 'facilitator' }] }
		]
	});
	const a = test.ids.municipalityIds.get('a-stadt')!;
	const b = test.ids.municipalityIds.get('b-dorf')!;
	ids.editionA = (await test.db.select().from(editions).where(eq(editions.municipalityId, a)))[0].id;
	ids.editionB = (await test.db.select().from(editions).where(eq(editions.municipalityId, b)))[0].id;
	const goalRows = await test.db.select().from(goals).where(eq(goals.municipalityId, a));
	ids.goalsA = ['Schneller anerkannt', 'Mehr Ausbildung', 'Faire Vermietung'].map((title) => goalRows.find((g) => g.title === title)!.id);
	ids.goalB = (await test.db.select().from(goals).where(eq(goals.municipalityId, b)))[0].id;
});
afterAll(() => test.drop());

const a = () => test.ids.municipalityIds.get('a-stadt')!;

async function actorOf(email: string): Promise<Actor> {
	const user = (await selectUserByEmail(test.db, email))!;
	return { userId: user.id, name: user.name, email: user.email, isPlatformAdmin: user.isPlatformAdmin, memberships: await selectRolesOfUser(test.db, user.id) };
}

const start = (title = 'Halbzeitbilanz 2027') => reviewStartSchema.parse({ kind: 'mid_term', title, reviewedOn: '2027-06-30' });
const ratings = (entries: [string, string, string][]) =>
	reviewRatingsSchema.parse({ ratings: entries.map(([goalId, rating, findings]) => ({ goalId, rating, findings })) });
const scopeA = async () => ({ db: test.db, actor: await actorOf('moderation-a@example.org'), municipalityId: a(), editionId: ids.editionA });
const snapshot = async () => ({ reviews: await test.db.select().from(editionReviews), ratings: await test.db.select().from(reviewRatings) });

describe('facilitators review an edition goal by goal', () => {
	it('a facilitator starts a review, rates goals in a draft and publishes once every goal is rated; each step is audited', async () => {
		const scope = await scopeA();
		const review = await startReview({ ...scope, input: start() });
		await saveRatings({ ...scope, reviewId: review.id, input: ratings([[ids.goalsA[0], 'on_track', 'Die Lotsen wirken.'], [ids.goalsA[1], 'at_risk', 'Zu wenige Betriebe.'], [ids.goalsA[2], '', '']]) });
		const draft = await getReviewForStaff({ ...scope, reviewId: review.id });
		expect(draft.goals.map((g) => [g.title, g.rating])).toEqual([['Schneller anerkannt', 'on_track'], ['Mehr Ausbildung', 'at_risk'], ['Faire Vermietung', null]]);
		expect(draft.complete).toBe(false);
		expect(await codeOf(publishReview({ ...scope, reviewId: review.id }))).toBe('review_incomplete');
		// A draft is invisible to the public and to the monitor.
		expect(await codeOf(getPublishedReview({ db: test.db, municipalityId: a(), editionId: ids.editionA, reviewId: review.id }))).toBe('review_not_found');
		expect((await latestRatingsByGoal({ db: test.db, municipalityId: a(), goalIds: ids.goalsA })).size).toBe(0);

		await saveRatings({ ...scope, reviewId: review.id, input: ratings([[ids.goalsA[2], 'off_track', 'Kaum Wohnungen frei.']]) });
		await publishReview({ ...scope, reviewId: review.id, now: new Date('2027-07-01T10:00:00Z') });
		const published = await getPublishedReview({ db: test.db, municipalityId: a(), editionId: ids.editionA, reviewId: review.id });
		expect(published.goals.map((g) => [g.title, g.rating, g.findings])).toEqual([
			['Schneller anerkannt', 'on_track', 'Die Lotsen wirken.'],
			['Mehr Ausbildung', 'at_risk', 'Zu wenige Betriebe.'],
			['Faire Vermietung', 'off_track', 'Kaum Wohnungen frei.']
		]);
		const audit = await test.db.select().from(auditEvents).where(eq(auditEvents.entityId, review.id));
		expect(audit.map((e) => e.entityType).sort()).toEqual(['edition_review', 'edition_review_publication', 'review_ratings', 'review_ratings']);
	});

	it('a published review is the record: it can be neither re-rated nor published again, and nothing changes', async () => {
		const scope = await scopeA();
		const [review] = await test.db.select().from(editionReviews).where(eq(editionReviews.title, 'Halbzeitbilanz 2027'));
		const before = await snapshot();
		expect(await codeOf(saveRatings({ ...scope, reviewId: review.id, input: ratings([[ids.goalsA[0], 'achieved', '']]) }))).toBe('review_already_published');
		expect(await codeOf(publishReview({ ...scope, reviewId: review.id }))).toBe('review_already_published');
		expect(await snapshot()).toEqual(before);
	});

	it('the carry-over into the next edition lists each goal with its last published rating, and nothing across municipalities', async () => {
		const goals = await lastRatingsForCarryOver({ db: test.db, municipalityId: a(), editionId: ids.editionA });
		expect(goals.map((g) => [g.title, g.rating?.rating, g.rating?.reviewTitle])).toEqual([
			['Schneller anerkannt', 'on_track', 'Halbzeitbilanz 2027'],
			['Mehr Ausbildung', 'at_risk', 'Halbzeitbilanz 2027'],
			['Faire Vermietung', 'off_track', 'Halbzeitbilanz 2027']
		]);
		expect(await lastRatingsForCarryOver({ db: test.db, municipalityId: test.ids.municipalityIds.get('b-dorf')!, editionId: ids.editionA })).toEqual([]);
	});

	it('the monitor shows each goal’s rating from the newest published review, not from a later draft', async () => {
		const scope = await scopeA();
		const final = await startReview({ ...scope, input: reviewStartSchema.parse({ kind: 'final', title: 'Schlussbilanz', reviewedOn: '2030-06-30' }) });
		await saveRatings({ ...scope, reviewId: final.id, input: ratings(ids.goalsA.map((g) => [g, 'achieved', 'Geschafft.'] as [string, string, string])) });
		let latest = await latestRatingsByGoal({ db: test.db, municipalityId: a(), goalIds: ids.goalsA });
		expect(ids.goalsA.map((g) => latest.get(g)?.rating)).toEqual(['on_track', 'at_risk', 'off_track']);
		await publishReview({ ...scope, reviewId: final.id });
		latest = await latestRatingsByGoal({ db: test.db, municipalityId: a(), goalIds: ids.goalsA });
		expect(ids.goalsA.map((g) => [latest.get(g)?.rating, latest.get(g)?.reviewTitle])).toEqual(ids.goalsA.map(() => ['achieved', 'Schlussbilanz']));
		// Another municipality asking for these goals learns nothing.
		expect((await latestRatingsByGoal({ db: test.db, municipalityId: test.ids.municipalityIds.get('b-dorf')!, goalIds: ids.goalsA })).size).toBe(0);
	});
});

describe('only staff of the municipality review, and only its own goals', () => {
	it('a participant, an anonymous visitor and a facilitator of another municipality are refused, and nothing is written', async () => {
		const before = await snapshot();
		const base = { db: test.db, municipalityId: a(), editionId: ids.editionA };
		expect(await codeOf(startReview({ ...base, actor: await actorOf('teilnahme-a@example.org'), input: start('Heimlich') }))).toBe('error_forbidden');
		expect(await codeOf(startReview({ ...base, actor: null, input: start('Heimlich') }))).toBe('error_not_signed_in');
		expect(await codeOf(startReview({ ...base, actor: await actorOf('moderation-b@example.org'), input: start('Heimlich') }))).toBe('error_forbidden');
		expect(await snapshot()).toEqual(before);
	});

	it('a goal of another edition cannot be rated, and a review of another municipality cannot be reached', async () => {
		const scope = await scopeA();
		const review = await startReview({ ...scope, input: start('Zwischenstand') });
		const before = await snapshot();
		expect(await codeOf(saveRatings({ ...scope, reviewId: review.id, input: ratings([[ids.goalB, 'on_track', '']]) }))).toBe('review_goal_not_in_edition');
		const other = { db: test.db, actor: await actorOf('moderation-b@example.org'), municipalityId: test.ids.municipalityIds.get('b-dorf')!, editionId: ids.editionB };
		expect(await codeOf(saveRatings({ ...other, reviewId: review.id, input: ratings([[ids.goalB, 'on_track', '']]) }))).toBe('review_not_found');
		expect(await codeOf(publishReview({ ...other, reviewId: review.id }))).toBe('review_not_found');
		expect(await codeOf(getReviewForStaff({ ...other, reviewId: review.id }))).toBe('review_not_found');
		expect(await snapshot()).toEqual(before);
	});

	it('the forms refuse a missing title, an impossible date, an unknown rating and findings without a rating', () => {
		const issues = reviewStartSchema.safeParse({ kind: 'annual', title: ' ', reviewedOn: '2027-02-30' }).error?.issues.map((i) => [i.path.join('.'), i.message]);
		expect(issues).toEqual([
			['kind', 'validation_review_kind'],
			['title', 'validation_required'],
			['reviewedOn', 'validation_date']
		]);
		expect(reviewRatingsSchema.safeParse({ ratings: [{ goalId: ids.goalsA[0], rating: 'great', findings: '' }] }).success).toBe(false);
		expect(reviewRatingsSchema.safeParse({ ratings: [{ goalId: ids.goalsA[0], rating: '', findings: 'Notiz' }] }).error?.issues.map((i) => i.message)).toEqual([
			'validation_review_rating_for_findings'
		]);
	});
});
