// The public edition page renders on the server only (csr = false), yet SvelteKit serialises all load data
// for a hydration that never comes: the outline's rows with their keys, positions and timestamps made up
// most of it. The page gets what it shows and no more (as the monitor does, monitor.view.ts).
import type { getEditionPage, OutlineField } from './document.service';

type EditionPage = Awaited<ReturnType<typeof getEditionPage>>;

export type OutlineFieldView = ReturnType<typeof outlineView>[number];

export function outlineView(fields: OutlineField[]) {
	return fields.map(({ id, number, title, description, isFocus, goals }) => ({
		id,
		number,
		title,
		description,
		isFocus,
		goals: goals.map((goal) => ({
			id: goal.id,
			number: goal.number,
			title: goal.title,
			description: goal.description,
			measures: goal.measures.map((measure) => ({ id: measure.id, number: measure.number, title: measure.title, description: measure.description }))
		}))
	}));
}

export function editionPageView({ strategy, edition, stageDates, outline, contactPoint }: Omit<EditionPage, 'workingGroups'>) {
	return {
		strategy: { slug: strategy.slug, title: strategy.title },
		edition: {
			id: edition.id,
			number: edition.number,
			periodStart: edition.periodStart,
			periodEnd: edition.periodEnd,
			stage: edition.stage,
			summary: edition.summary
		},
		stageDates: stageDates.map(({ id, stage, startsOn, endsOn }) => ({ id, stage, startsOn, endsOn })),
		outline: outlineView(outline),
		contactPoint
	};
}
