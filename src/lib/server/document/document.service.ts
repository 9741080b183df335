// The document domain owns strategies, their editions with stages, and each edition's outline
// (fields of action → goals → measures). Public reads and admin writes both go through here.
import type { Executor } from '../db/client';
import { editionNotFound, strategyNotFound } from './document.errors';
import { buildOutline } from './document.outline';
import {
	selectEditionBody,
	selectEditionHead,
	selectEditionsOfStrategies,
	selectStrategies,
	selectStrategyBySlug
} from './document.queries';

export type { Edition, EditionStageDate, Field, Goal, Measure, Strategy } from './document.queries';
export type { OutlineField, OutlineGoal } from './document.outline';

type Scope = { db: Executor; municipalityId: string };

/** Strategies with their editions (newest first), for a municipality's public page. */
export async function listStrategiesWithEditions({ db, municipalityId }: Scope) {
	const strategyRows = await selectStrategies(db, municipalityId);
	const editionRows = await selectEditionsOfStrategies(
		db,
		municipalityId,
		strategyRows.map((strategy) => strategy.id)
	);
	return strategyRows.map((strategy) => ({
		...strategy,
		editions: editionRows.filter((edition) => edition.strategyId === strategy.id)
	}));
}

export async function getStrategyBySlug({ db, municipalityId, slug }: Scope & { slug: string }) {
	const strategy = await selectStrategyBySlug(db, municipalityId, slug);
	if (!strategy) throw strategyNotFound({ slug });
	const editionRows = await selectEditionsOfStrategies(db, municipalityId, [strategy.id]);
	return { ...strategy, editions: editionRows };
}

/** An edition and its strategy without the outline, for readers that page through the outline themselves. */
export async function getEditionHead({ db, municipalityId, strategySlug, number }: Scope & { strategySlug: string; number: number }) {
	const head = await selectEditionHead(db, { municipalityId, strategySlug, number });
	if (!head) throw strategyNotFound({ slug: strategySlug });
	if (!head.edition) throw editionNotFound({ number });
	return { strategy: head.strategy, edition: head.edition };
}

/** Everything the public edition page shows: the edition, its timeline, outline and contact point. */
/** `loadAlongside` reads what other domains show on the page in the same round trip as the outline. */
export async function getEditionPage<T = undefined>({
	db,
	municipalityId,
	strategySlug,
	number,
	loadAlongside
}: Scope & { strategySlug: string; number: number; loadAlongside?: (editionId: string) => Promise<T> }) {
	const head = await selectEditionHead(db, { municipalityId, strategySlug, number });
	if (!head) throw strategyNotFound({ slug: strategySlug });
	const { strategy, edition, contactPoint } = head;
	if (!edition) throw editionNotFound({ number });
	const [body, workingGroups] = await Promise.all([
		selectEditionBody(db, { municipalityId, editionId: edition.id }),
		loadAlongside?.(edition.id)
	]);
	return {
		workingGroups,
		strategy,
		edition,
		stageDates: body.stageDates,
		outline: buildOutline(body.fieldRows, body.goalRows, body.measureRows),
		contactPoint
	};
}
