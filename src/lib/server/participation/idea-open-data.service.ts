// An edition's ideas as open data: what the public ideas list shows, page by page, for the press, researchers
// and neighbouring towns, together with the goals and measures each idea fed into.
import type { Executor } from '../db/client';
import { traceNumbersOfIdeas } from '../document/document-trace.service';
import { editionNotFound } from '../document/document.errors';
import { selectPublicIdeaPage, type PublicIdeaCursor } from './idea-open-data.queries';
import { selectEditionBySlugAndNumber } from './idea.queries';
import type { IdeaStatus } from './idea.schema';

export type { PublicIdeaCursor } from './idea-open-data.queries';

/** One page of visible ideas after the cursor, oldest first; `limit` rows or fewer, plus one more when another page follows. */
export async function listPublicIdeasAfter({
	db,
	municipalityId,
	strategySlug,
	number,
	after,
	status,
	fieldId,
	districtId,
	limit
}: {
	db: Executor;
	municipalityId: string;
	strategySlug: string;
	number: number;
	after: PublicIdeaCursor | null;
	status?: IdeaStatus;
	fieldId?: string;
	districtId?: string;
	limit: number;
}) {
	const edition = await selectEditionBySlugAndNumber(db, municipalityId, strategySlug, number);
	if (!edition) throw editionNotFound({ number });
	const rows = await selectPublicIdeaPage(db, municipalityId, edition.id, { after, status, fieldId, districtId, limit });
	const numbersOf = await traceNumbersOfIdeas({ db, municipalityId, editionId: edition.id });
	const numbers = await numbersOf(rows.map((row) => row.id));
	return { edition, ideas: rows.map((row) => ({ ...row, takenUpIn: numbers.get(row.id) ?? [] })) };
}
