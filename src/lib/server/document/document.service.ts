// The document domain owns strategies, their editions with stages, and each edition's outline
// (fields of action → goals → measures). Public reads and admin writes both go through here.
import type { Executor } from '../db/client';
import { selectContactPoint } from '../tenancy/tenancy.queries';
import { editionNotFound, strategyNotFound } from './document.errors';
import { buildOutline } from './document.outline';
import {
	selectEditionByNumber,
	selectEditionsOfStrategies,
	selectOutline,
	selectStageDates,
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

/** Everything the public edition page shows: the edition, its timeline, outline and contact point. */
export async function getEditionPage({
	db,
	municipalityId,
	strategySlug,
	number
}: Scope & { strategySlug: string; number: number }) {
	const strategy = await selectStrategyBySlug(db, municipalityId, strategySlug);
	if (!strategy) throw strategyNotFound({ slug: strategySlug });
	const edition = await selectEditionByNumber(db, municipalityId, strategy.id, number);
	if (!edition) throw editionNotFound({ number });
	const [stageDates, outline, contactPoint] = await Promise.all([
		selectStageDates(db, municipalityId, edition.id),
		selectOutline(db, municipalityId, edition.id),
		edition.contactPointId ? selectContactPoint(db, municipalityId, edition.contactPointId) : undefined
	]);
	return {
		strategy,
		edition,
		stageDates,
		outline: buildOutline(outline.fieldRows, outline.goalRows, outline.measureRows),
		contactPoint: contactPoint ?? null
	};
}
