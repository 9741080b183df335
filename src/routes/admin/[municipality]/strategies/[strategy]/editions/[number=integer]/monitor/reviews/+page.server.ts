import { getDb } from '$lib/server/runtime';
import { parseForm } from '$lib/server/http/forms';
import { actOrFail, loadOrError, type FieldErrors } from '$lib/server/http/respond';
import { translate } from '$lib/server/shared/translate';
import { monitorWriteScope } from '$lib/server/monitoring/monitoring.http';
import { getReviewsForStaff, publishReview, saveRatings, startReview } from '$lib/server/monitoring/review.service';
import { ratingsFromForm, reviewRatingsSchema, reviewStartSchema } from '$lib/validation/review';
import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ parent, params, locals }) => {
	const { municipality } = await parent();
	return loadOrError(() => getReviewsForStaff({ db: getDb(), actor: locals.actor, municipalityId: municipality.id, strategySlug: params.strategy, number: Number(params.number) }));
};

export const actions: Actions = {
	start: async ({ request, params, locals }) => {
		const form = await parseForm(request, reviewStartSchema);
		if (!form.ok) return form.failure;
		return actOrFail(form.values, async () => {
			const scope = await monitorWriteScope(params, locals.actor);
			await startReview({ ...scope, input: form.data });
			return { saved: 'started' };
		});
	},
	save: async ({ request, params, locals }) => {
		const data = await request.formData();
		const reviewId = String(data.get('reviewId') ?? '');
		const raw = ratingsFromForm(data);
		const parsed = reviewRatingsSchema.safeParse(raw);
		// What was typed stays in the form, and each goal's error sits beside that goal.
		const values = Object.fromEntries(raw.ratings.flatMap((r) => [[`rating.${r.goalId}`, r.rating], [`findings.${r.goalId}`, r.findings]]));
		if (!parsed.success) {
			const errors: FieldErrors = {};
			for (const issue of parsed.error.issues) {
				const [, index, name] = issue.path;
				const goalId = typeof index === 'number' ? raw.ratings[index]?.goalId : undefined;
				errors[goalId && typeof name === 'string' ? `${name}.${goalId}` : 'form'] ??= translate(issue.message.startsWith('validation_') ? issue.message : 'validation_invalid');
			}
			errors.form ??= translate('validation_review_check_goals');
			return fail(400, { values, errors, reviewId });
		}
		return actOrFail(values, async () => {
			const scope = await monitorWriteScope(params, locals.actor);
			await saveRatings({ ...scope, reviewId, input: parsed.data });
			return { saved: 'ratings' };
		});
	},
	publish: async ({ request, params, locals }) => {
		const reviewId = String((await request.formData()).get('reviewId') ?? '');
		return actOrFail({}, async () => {
			const scope = await monitorWriteScope(params, locals.actor);
			await publishReview({ ...scope, reviewId });
			return { saved: 'published' };
		});
	}
};
