import { and, asc, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { fields, goals } from '../document/document.schema';
import { editionReviews, reviewRatings, type GoalRating } from './review.schema';

export type ReviewRow = typeof editionReviews.$inferSelect;

/** Reviews of an edition are few (one or two per period), so the bound is generous but there is one. */
const REVIEWS_PER_EDITION = 50;

export async function insertReview(db: Executor, values: typeof editionReviews.$inferInsert) {
	const [row] = await db.insert(editionReviews).values(values).returning();
	return row;
}

export async function selectReview(db: Executor, municipalityId: string, reviewId: string) {
	const [row] = await db
		.select()
		.from(editionReviews)
		.where(and(eq(editionReviews.municipalityId, municipalityId), eq(editionReviews.id, reviewId)))
		.limit(1);
	return row;
}

/** The review row locked for the rest of the transaction, so a publish and a save cannot interleave. */
export async function lockReview(db: Executor, municipalityId: string, reviewId: string) {
	const [row] = await db
		.select()
		.from(editionReviews)
		.where(and(eq(editionReviews.municipalityId, municipalityId), eq(editionReviews.id, reviewId)))
		.for('update')
		.limit(1);
	return row;
}

export async function selectReviewsOfEdition(db: Executor, municipalityId: string, editionId: string, { publishedOnly }: { publishedOnly: boolean }) {
	return db
		.select()
		.from(editionReviews)
		.where(
			and(
				eq(editionReviews.municipalityId, municipalityId),
				eq(editionReviews.editionId, editionId),
				publishedOnly ? isNotNull(editionReviews.publishedAt) : undefined
			)
		)
		.orderBy(desc(editionReviews.reviewedOn), desc(editionReviews.createdAt))
		.limit(REVIEWS_PER_EDITION);
}

export async function markPublished(db: Executor, municipalityId: string, reviewId: string, at: Date) {
	const [row] = await db
		.update(editionReviews)
		.set({ publishedAt: at, updatedAt: at })
		.where(and(eq(editionReviews.municipalityId, municipalityId), eq(editionReviews.id, reviewId)))
		.returning();
	return row;
}

/** The goals of an edition in outline order, with their field. */
export async function selectEditionGoals(db: Executor, municipalityId: string, editionId: string) {
	return db
		.select({ id: goals.id, title: goals.title, fieldId: fields.id, fieldTitle: fields.title })
		.from(goals)
		.innerJoin(fields, eq(fields.id, goals.fieldId))
		.where(and(eq(fields.municipalityId, municipalityId), eq(fields.editionId, editionId)))
		.orderBy(asc(fields.position), asc(fields.title), asc(goals.position), asc(goals.title));
}

export async function selectRatings(db: Executor, municipalityId: string, reviewId: string) {
	return db
		.select({ goalId: reviewRatings.goalId, rating: reviewRatings.rating, findings: reviewRatings.findings })
		.from(reviewRatings)
		.where(and(eq(reviewRatings.municipalityId, municipalityId), eq(reviewRatings.reviewId, reviewId)));
}

export async function upsertRatings(
	db: Executor,
	municipalityId: string,
	reviewId: string,
	ratings: { goalId: string; rating: GoalRating; findings: string }[]
) {
	if (ratings.length === 0) return;
	await db
		.insert(reviewRatings)
		.values(ratings.map((r) => ({ ...r, municipalityId, reviewId })))
		.onConflictDoUpdate({
			target: [reviewRatings.reviewId, reviewRatings.goalId],
			set: { rating: sql`excluded.rating`, findings: sql`excluded.findings` }
		});
}

export async function deleteRatings(db: Executor, municipalityId: string, reviewId: string, goalIds: string[]) {
	if (goalIds.length === 0) return;
	await db
		.delete(reviewRatings)
		.where(and(eq(reviewRatings.municipalityId, municipalityId), eq(reviewRatings.reviewId, reviewId), inArray(reviewRatings.goalId, goalIds)));
}

export type PublishedRating = { goalId: string; rating: GoalRating; findings: string; reviewId: string; reviewTitle: string; reviewedOn: string };

/**
 * Each goal's rating in the newest published review that rated it — one query for a whole page of
 * goals (callers pass the goals they show, which bounds it).
 */
export async function selectLatestPublishedRatings(db: Executor, municipalityId: string, goalIds: string[]): Promise<PublishedRating[]> {
	if (goalIds.length === 0) return [];
	return db
		.selectDistinctOn([reviewRatings.goalId], {
			goalId: reviewRatings.goalId,
			rating: reviewRatings.rating,
			findings: reviewRatings.findings,
			reviewId: editionReviews.id,
			reviewTitle: editionReviews.title,
			reviewedOn: editionReviews.reviewedOn
		})
		.from(reviewRatings)
		.innerJoin(editionReviews, eq(editionReviews.id, reviewRatings.reviewId))
		.where(
			and(
				eq(reviewRatings.municipalityId, municipalityId),
				inArray(reviewRatings.goalId, goalIds),
				isNotNull(editionReviews.publishedAt)
			)
		)
		.orderBy(reviewRatings.goalId, desc(editionReviews.reviewedOn), desc(editionReviews.publishedAt));
}

export async function selectRatingsOfReviews(db: Executor, municipalityId: string, reviewIds: string[]) {
	if (reviewIds.length === 0) return [];
	return db
		.select({ reviewId: reviewRatings.reviewId, goalId: reviewRatings.goalId, rating: reviewRatings.rating, findings: reviewRatings.findings })
		.from(reviewRatings)
		.where(and(eq(reviewRatings.municipalityId, municipalityId), inArray(reviewRatings.reviewId, reviewIds)));
}
