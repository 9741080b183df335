import { asc, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { ideasAfter, type IdeaExportCursor } from './idea-export.queries';
import { commentCount, supportCount } from './idea.queries';
import { ideas, type IdeaStatus } from './idea.schema';

/** Where a page ended, as for the export: the creation time as PostgreSQL's text, and the id. */
export type PublicIdeaCursor = IdeaExportCursor;

/**
 * One page of an edition's visible ideas for the open-data API, oldest first, after the cursor (see ideasAfter).
 * No author, no organisation: the API publishes what the ideas list shows to everyone, and hidden ideas not at all.
 */
export async function selectPublicIdeaPage(
	db: Executor,
	municipalityId: string,
	editionId: string,
	{ after, status, fieldId, districtId, limit }: { after: PublicIdeaCursor | null; status?: IdeaStatus; fieldId?: string; districtId?: string; limit: number }
) {
	const where = [
		status ? eq(ideas.status, status) : undefined,
		fieldId ? eq(ideas.fieldId, fieldId) : undefined,
		districtId ? eq(ideas.districtId, districtId) : undefined,
		isNull(ideas.hiddenReason)
	];
	const chosen = ideasAfter(db, { municipalityId, editionId, after, limit, where });
	return db
		.select({
			id: ideas.id,
			createdAt: ideas.createdAt,
			cursor: sql<string>`${ideas.createdAt}::text`,
			title: ideas.title,
			body: ideas.body,
			language: ideas.language,
			status: ideas.status,
			statusExplanation: ideas.statusExplanation,
			fieldId: ideas.fieldId,
			districtId: ideas.districtId,
			transcribed: sql<boolean>`${ideas.sourceLabel} is not null`,
			mergedIntoId: ideas.mergedIntoId,
			supportCount,
			commentCount
		})
		.from(chosen)
		.innerJoin(ideas, eq(ideas.id, chosen.id))
		.orderBy(asc(ideas.createdAt), asc(ideas.id));
}
