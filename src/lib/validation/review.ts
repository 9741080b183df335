import { z } from 'zod';
import { goalRatings, reviewKinds } from '$lib/review-values';

function isCalendarDate(value: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
	const date = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

export const reviewStartSchema = z.object({
	kind: z.enum(reviewKinds, { message: 'validation_review_kind' }),
	title: z.string().trim().min(1, { message: 'validation_required' }).max(200, { message: 'validation_too_long' }),
	reviewedOn: z.string().trim().refine(isCalendarDate, { message: 'validation_date' })
});
export type ReviewStartInput = z.infer<typeof reviewStartSchema>;

/** An edition has at most a few dozen goals; the bound keeps a forged form from growing without end. */
const MAX_GOALS = 500;

/**
 * The rating form sends `rating.<goalId>` and `findings.<goalId>` per goal; an empty rating leaves the
 * goal unrated in the draft. Findings without a rating would be lost, so they are refused.
 */
export const reviewRatingsSchema = z
	.object({
		ratings: z
			.array(
				z.object({
					goalId: z.uuid({ message: 'validation_invalid' }),
					rating: z.union([z.literal('').transform(() => null), z.enum(goalRatings, { message: 'validation_invalid' })]),
					findings: z.string().trim().max(4000, { message: 'validation_too_long' })
				})
			)
			.max(MAX_GOALS, { message: 'validation_invalid' })
	})
	.superRefine((value, ctx) => {
		value.ratings.forEach((entry, index) => {
			if (entry.rating === null && entry.findings.length > 0)
				ctx.addIssue({ code: 'custom', path: ['ratings', index, 'rating'], message: 'validation_review_rating_for_findings' });
		});
	});
export type ReviewRatingsInput = z.infer<typeof reviewRatingsSchema>;

/** Turns the flat form fields into the shape the schema checks. */
export function ratingsFromForm(form: FormData): { ratings: { goalId: string; rating: string; findings: string }[] } {
	const goalIds = form.getAll('goalId').map(String);
	return {
		ratings: goalIds.map((goalId) => ({
			goalId,
			rating: String(form.get(`rating.${goalId}`) ?? ''),
			findings: String(form.get(`findings.${goalId}`) ?? '')
		}))
	};
}
