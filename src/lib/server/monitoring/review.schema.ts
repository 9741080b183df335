import { index, date, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { id, timestamps } from '../db/columns';
import { editions, goals } from '../document/document.schema';
import { municipalities } from '../tenancy/tenancy.schema';
import { goalRatings, reviewKinds } from '../../review-values';

export { goalRatings, reviewKinds, type GoalRating, type ReviewKind } from '../../review-values';

export const reviewKindEnum = pgEnum('review_kind', reviewKinds);
export const goalRatingEnum = pgEnum('goal_rating', goalRatings);

const municipalityId = () =>
	uuid('municipality_id')
		.notNull()
		.references(() => municipalities.id, { onDelete: 'cascade' });

/**
 * A look back at an edition while it is carried out. A draft is the facilitators' working copy; once
 * published it is the public record and feeds the next edition's carry-over, so it is no longer edited.
 */
export const editionReviews = pgTable(
	'edition_reviews',
	{
		id: id(),
		municipalityId: municipalityId(),
		editionId: uuid('edition_id')
			.notNull()
			.references(() => editions.id, { onDelete: 'cascade' }),
		kind: reviewKindEnum('kind').notNull(),
		title: text('title').notNull(),
		reviewedOn: date('reviewed_on').notNull(),
		publishedAt: timestamp('published_at', { withTimezone: true }),
		...timestamps()
	},
	(table) => [index('edition_reviews_edition_idx').on(table.municipalityId, table.editionId, table.reviewedOn)]
);

/** One goal's rating in one review, with what the facilitators found. */
export const reviewRatings = pgTable(
	'review_ratings',
	{
		reviewId: uuid('review_id')
			.notNull()
			.references(() => editionReviews.id, { onDelete: 'cascade' }),
		goalId: uuid('goal_id')
			.notNull()
			.references(() => goals.id, { onDelete: 'cascade' }),
		municipalityId: municipalityId(),
		rating: goalRatingEnum('rating').notNull(),
		findings: text('findings').notNull().default('')
	},
	(table) => [primaryKey({ columns: [table.reviewId, table.goalId] }), index('review_ratings_goal_idx').on(table.goalId)]
);
