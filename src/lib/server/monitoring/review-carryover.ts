// What a new edition learns from the one it continues: each goal of the earlier edition with the
// rating of its latest published review, so the drafting team sees at a glance what is on track.
import type { Database } from '../db/client';
import { selectEditionGoals } from './review.queries';
import { latestRatingsByGoal } from './review.service';

/** The earlier edition's goals in outline order, each with its last published rating or null: two queries. */
export async function lastRatingsForCarryOver({ db, municipalityId, editionId }: { db: Database; municipalityId: string; editionId: string }) {
	const goals = await selectEditionGoals(db, municipalityId, editionId);
	const ratings = await latestRatingsByGoal({ db, municipalityId, goalIds: goals.map((goal) => goal.id) });
	return goals.map((goal) => {
		const rating = ratings.get(goal.id);
		return {
			id: goal.id,
			title: goal.title,
			fieldTitle: goal.fieldTitle,
			rating: rating ? { rating: rating.rating, findings: rating.findings, reviewTitle: rating.reviewTitle, reviewedOn: rating.reviewedOn } : null
		};
	});
}
