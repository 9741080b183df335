// Reviews of an edition: facilitators and admins start one, rate every goal with findings in a draft,
// and publish it. Published reviews are the public record and are no longer changed. Every write
// checks the actor, runs in one transaction and is audited.
import { recordChange } from '../audit/audit.service';
import type { Database } from '../db/client';
import { requireRole, type Actor } from '../people/actor';
import { defineError } from '../shared/errors';
import type { ReviewRatingsInput, ReviewStartInput } from '$lib/validation/review';
import {
	deleteRatings,
	insertReview,
	lockReview,
	markPublished,
	selectEditionGoals,
	selectLatestPublishedRatings,
	selectRatings,
	selectRatingsOfReviews,
	selectReview,
	selectReviewsOfEdition,
	upsertRatings,
	type PublishedRating
} from './review.queries';
import { isUuid } from './monitoring.service';
import { getEditionPage } from '../document/document.service';

export const reviewNotFound = defineError('review_not_found', 404);
export const reviewAlreadyPublished = defineError('review_already_published', 409);
export const reviewIncomplete = defineError('review_incomplete', 400);
export const reviewGoalNotInEdition = defineError('review_goal_not_in_edition', 400);

const STAFF = ['admin', 'facilitator'] as const;

type Scope = { db: Database; actor: Actor | null; municipalityId: string };

export async function startReview({ db, actor, municipalityId, editionId, input }: Scope & { editionId: string; input: ReviewStartInput }) {
	const staff = requireRole(actor, municipalityId, STAFF);
	return db.transaction(async (tx) => {
		const review = await insertReview(tx, { municipalityId, editionId, kind: input.kind, title: input.title, reviewedOn: input.reviewedOn });
		await recordChange(tx, { actor: staff, municipalityId, action: 'create', entityType: 'edition_review', entityId: review.id, after: review });
		return review;
	});
}

/** The review must belong to the edition in the address, not just to the municipality. */
async function reviewOfEdition(db: Database, municipalityId: string, editionId: string, reviewId: string) {
	if (!isUuid(reviewId)) throw reviewNotFound();
	const review = await selectReview(db, municipalityId, reviewId);
	if (!review || review.editionId !== editionId) throw reviewNotFound();
	return review;
}

/** Every goal of the edition with its rating so far: the staff's rating form. */
export async function getReviewForStaff({ db, actor, municipalityId, editionId, reviewId }: Scope & { editionId: string; reviewId: string }) {
	requireRole(actor, municipalityId, STAFF);
	const review = await reviewOfEdition(db, municipalityId, editionId, reviewId);
	const [goals, ratings] = await Promise.all([selectEditionGoals(db, municipalityId, editionId), selectRatings(db, municipalityId, reviewId)]);
	const byGoal = new Map(ratings.map((r) => [r.goalId, r]));
	return {
		review,
		goals: goals.map((g) => ({ ...g, rating: byGoal.get(g.id)?.rating ?? null, findings: byGoal.get(g.id)?.findings ?? '' })),
		complete: goals.length > 0 && goals.every((g) => byGoal.has(g.id))
	};
}

export async function listReviewsForStaff({ db, actor, municipalityId, editionId }: Scope & { editionId: string }) {
	requireRole(actor, municipalityId, STAFF);
	return selectReviewsOfEdition(db, municipalityId, editionId, { publishedOnly: false });
}

/** Saves the draft's ratings: a goal sent without a rating becomes unrated again. */
export async function saveRatings({ db, actor, municipalityId, editionId, reviewId, input }: Scope & { editionId: string; reviewId: string; input: ReviewRatingsInput }) {
	const staff = requireRole(actor, municipalityId, STAFF);
	if (!isUuid(reviewId)) throw reviewNotFound();
	return db.transaction(async (tx) => {
		const review = await lockReview(tx, municipalityId, reviewId);
		if (!review || review.editionId !== editionId) throw reviewNotFound();
		if (review.publishedAt) throw reviewAlreadyPublished();
		const goalIds = new Set((await selectEditionGoals(tx, municipalityId, editionId)).map((g) => g.id));
		if (input.ratings.some((r) => !goalIds.has(r.goalId))) throw reviewGoalNotInEdition();
		const before = await selectRatings(tx, municipalityId, reviewId);
		const rated = input.ratings.flatMap((r) => (r.rating ? [{ goalId: r.goalId, rating: r.rating, findings: r.findings }] : []));
		await upsertRatings(tx, municipalityId, reviewId, rated);
		await deleteRatings(
			tx,
			municipalityId,
			reviewId,
			input.ratings.filter((r) => !r.rating).map((r) => r.goalId)
		);
		const after = await selectRatings(tx, municipalityId, reviewId);
		await recordChange(tx, { actor: staff, municipalityId, action: 'update', entityType: 'review_ratings', entityId: reviewId, before, after });
		return after;
	});
}

/** Publishing needs a rating for every goal of the edition; afterwards the review stays as published. */
export async function publishReview({ db, actor, municipalityId, editionId, reviewId, now = new Date() }: Scope & { editionId: string; reviewId: string; now?: Date }) {
	const staff = requireRole(actor, municipalityId, STAFF);
	if (!isUuid(reviewId)) throw reviewNotFound();
	return db.transaction(async (tx) => {
		const review = await lockReview(tx, municipalityId, reviewId);
		if (!review || review.editionId !== editionId) throw reviewNotFound();
		if (review.publishedAt) throw reviewAlreadyPublished();
		const [goals, ratings] = [await selectEditionGoals(tx, municipalityId, editionId), await selectRatings(tx, municipalityId, reviewId)];
		const rated = new Set(ratings.map((r) => r.goalId));
		const missing = goals.filter((g) => !rated.has(g.id)).length;
		if (goals.length === 0 || missing > 0) throw reviewIncomplete({ missing });
		const after = await markPublished(tx, municipalityId, reviewId, now);
		await recordChange(tx, { actor: staff, municipalityId, action: 'update', entityType: 'edition_review_publication', entityId: reviewId, before: review, after });
		return after;
	});
}

/** The public view of one published review: drafts do not exist for the public. */
export async function getPublishedReview({ db, municipalityId, editionId, reviewId }: { db: Database; municipalityId: string; editionId: string; reviewId: string }) {
	const review = await reviewOfEdition(db, municipalityId, editionId, reviewId);
	if (!review.publishedAt) throw reviewNotFound();
	const [goals, ratings] = await Promise.all([selectEditionGoals(db, municipalityId, editionId), selectRatings(db, municipalityId, reviewId)]);
	const byGoal = new Map(ratings.map((r) => [r.goalId, r]));
	return { review, goals: goals.flatMap((g) => (byGoal.has(g.id) ? [{ ...g, rating: byGoal.get(g.id)!.rating, findings: byGoal.get(g.id)!.findings }] : [])) };
}

export async function listPublishedReviews({ db, municipalityId, editionId }: { db: Database; municipalityId: string; editionId: string }) {
	return selectReviewsOfEdition(db, municipalityId, editionId, { publishedOnly: true });
}

/** Each of the given goals' latest published rating, keyed by goal; goals never rated are absent. */
export async function latestRatingsByGoal({ db, municipalityId, goalIds }: { db: Database; municipalityId: string; goalIds: string[] }): Promise<Map<string, PublishedRating>> {
	const rows = await selectLatestPublishedRatings(db, municipalityId, [...new Set(goalIds)]);
	return new Map(rows.map((r) => [r.goalId, r]));
}

type EditionRef = { strategySlug: string; number: number };

/** Every published review of an edition with its ratings in outline order: two queries, whatever the count. */
export async function getPublicReviews({ db, municipalityId, strategySlug, number }: { db: Database; municipalityId: string } & EditionRef) {
	const page = await getEditionPage({ db, municipalityId, strategySlug, number });
	const editionId = page.edition.id;
	const [reviews, goals] = await Promise.all([selectReviewsOfEdition(db, municipalityId, editionId, { publishedOnly: true }), selectEditionGoals(db, municipalityId, editionId)]);
	const ratings = await selectRatingsOfReviews(db, municipalityId, reviews.map((r) => r.id));
	const byReview = new Map<string, Map<string, (typeof ratings)[number]>>();
	for (const rating of ratings) {
		if (!byReview.has(rating.reviewId)) byReview.set(rating.reviewId, new Map());
		byReview.get(rating.reviewId)!.set(rating.goalId, rating);
	}
	return {
		strategy: { slug: page.strategy.slug, title: page.strategy.title },
		edition: { id: editionId, number: page.edition.number },
		reviews: reviews.map((review) => ({
			review,
			goals: goals.flatMap((g) => {
				const rating = byReview.get(review.id)?.get(g.id);
				return rating ? [{ ...g, rating: rating.rating, findings: rating.findings }] : [];
			})
		}))
	};
}

/** The back office's review page: every review of the edition, and the newest draft's rating form. */
export async function getReviewsForStaff({ db, actor, municipalityId, strategySlug, number }: Scope & EditionRef) {
	requireRole(actor, municipalityId, STAFF);
	const page = await getEditionPage({ db, municipalityId, strategySlug, number });
	const editionId = page.edition.id;
	const reviews = await selectReviewsOfEdition(db, municipalityId, editionId, { publishedOnly: false });
	const draft = reviews.find((r) => !r.publishedAt);
	return {
		strategy: { slug: page.strategy.slug, title: page.strategy.title },
		edition: { id: editionId, number: page.edition.number },
		reviews,
		draft: draft ? await getReviewForStaff({ db, actor, municipalityId, editionId, reviewId: draft.id }) : null
	};
}
