// Editions over the years, for the public: two editions of a strategy compared by lineage.
import type { Executor } from '../db/client';
import { buildOutline } from './document.outline';
import { selectEditionsOfStrategies, selectOutline, selectStrategyBySlug } from './document.queries';
import { selectLatestVersionNumber, selectVersion } from './document-version.queries';
import { buildSnapshot, type DocumentSnapshot } from './document.snapshot';
import { editionNotFound, strategyNotFound } from './document.errors';
import { lineageCompareInvalid } from './document-lineage.errors';
import { compareEditionStructures } from './document-lineage';

/**
 * The structure of an edition as the public reads it: its latest published version, or its working
 * outline when it has none (editions kept before versions existed). Once editions keep an adopted
 * version, that one belongs here first.
 */
async function publicStructure(db: Executor, municipalityId: string, editionId: string): Promise<DocumentSnapshot> {
	const latest = await selectLatestVersionNumber(db, municipalityId, editionId);
	const version = latest > 0 ? await selectVersion(db, municipalityId, editionId, latest) : undefined;
	if (version) return version.snapshot;
	const rows = await selectOutline(db, municipalityId, editionId);
	return buildSnapshot({ introduction: '', outline: buildOutline(rows.fieldRows, rows.goalRows, rows.measureRows), sections: [] });
}

/** The strategy with its editions, newest first: the choices of the comparison. */
export async function getStrategyEditions({ db, municipalityId, strategySlug }: { db: Executor; municipalityId: string; strategySlug: string }) {
	const strategy = await selectStrategyBySlug(db, municipalityId, strategySlug);
	if (!strategy) throw strategyNotFound({ slug: strategySlug });
	const editions = await selectEditionsOfStrategies(db, municipalityId, [strategy.id]);
	return { strategy, editions: editions.map(({ id, number, periodStart, periodEnd, stage }) => ({ id, number, periodStart, periodEnd, stage })) };
}

export async function compareEditions({
	db,
	municipalityId,
	strategySlug,
	from,
	to
}: {
	db: Executor;
	municipalityId: string;
	strategySlug: string;
	from: number;
	to: number;
}) {
	const { strategy, editions } = await getStrategyEditions({ db, municipalityId, strategySlug });
	if (from === to) throw lineageCompareInvalid();
	const before = editions.find((edition) => edition.number === from);
	const after = editions.find((edition) => edition.number === to);
	if (!before) throw editionNotFound({ number: from });
	if (!after) throw editionNotFound({ number: to });
	const [structureBefore, structureAfter] = [await publicStructure(db, municipalityId, before.id), await publicStructure(db, municipalityId, after.id)];
	return { strategy, editions, before, after, comparison: compareEditionStructures(structureBefore, structureAfter) };
}

export type EditionComparisonPage = Awaited<ReturnType<typeof compareEditions>>;
