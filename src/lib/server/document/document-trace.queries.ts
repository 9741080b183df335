import { and, asc, countDistinct, desc, eq, ilike, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { events, workingGroups } from '../participation/event.schema';
import { ideas } from '../participation/idea.schema';
import { ideaFieldTallies } from '../participation/idea-tally.schema';
import { ideaTraces } from './document-trace.schema';
import { fields, goals, measures } from './document.schema';

export type IdeaTrace = typeof ideaTraces.$inferSelect;

export async function selectIdeaForTrace(db: Executor, municipalityId: string, ideaId: string) {
	const [row] = await db
		.select({ id: ideas.id, editionId: ideas.editionId, title: ideas.title, status: ideas.status, statusExplanation: ideas.statusExplanation })
		.from(ideas)
		.where(and(eq(ideas.municipalityId, municipalityId), eq(ideas.id, ideaId)))
		.limit(1);
	return row;
}

export async function selectGoalEdition(db: Executor, municipalityId: string, goalId: string) {
	const [row] = await db
		.select({ id: goals.id, editionId: fields.editionId })
		.from(goals)
		.innerJoin(fields, eq(fields.id, goals.fieldId))
		.where(and(eq(goals.municipalityId, municipalityId), eq(goals.id, goalId)))
		.limit(1);
	return row;
}

export async function selectMeasureEdition(db: Executor, municipalityId: string, measureId: string) {
	const [row] = await db
		.select({ id: measures.id, editionId: fields.editionId })
		.from(measures)
		.innerJoin(goals, eq(goals.id, measures.goalId))
		.innerJoin(fields, eq(fields.id, goals.fieldId))
		.where(and(eq(measures.municipalityId, municipalityId), eq(measures.id, measureId)))
		.limit(1);
	return row;
}

/** Inserts the trace unless the idea already leads to this goal or measure; then nothing is returned. */
export async function insertTrace(db: Executor, values: typeof ideaTraces.$inferInsert) {
	const [row] = await db.insert(ideaTraces).values(values).onConflictDoNothing().returning();
	return row;
}

export async function deleteTrace(db: Executor, municipalityId: string, traceId: string) {
	const [row] = await db
		.delete(ideaTraces)
		.where(and(eq(ideaTraces.municipalityId, municipalityId), eq(ideaTraces.id, traceId)))
		.returning();
	return row;
}

export async function selectTrace(db: Executor, municipalityId: string, traceId: string) {
	const [row] = await db
		.select()
		.from(ideaTraces)
		.where(and(eq(ideaTraces.municipalityId, municipalityId), eq(ideaTraces.id, traceId)))
		.limit(1);
	return row;
}

/** The goals and measures an idea fed into, each with the lineage of the goal it belongs to. */
export async function selectTracesOfIdea(db: Executor, municipalityId: string, ideaId: string) {
	const goalOfMeasure = sql`(select ${measures.goalId} from ${measures} where ${measures.id} = ${ideaTraces.measureId})`;
	return db
		.select({
			id: ideaTraces.id,
			note: ideaTraces.note,
			goalId: ideaTraces.goalId,
			measureId: ideaTraces.measureId,
			goalLineageId: goals.lineageId,
			measureLineageId: measures.lineageId
		})
		.from(ideaTraces)
		.leftJoin(measures, eq(measures.id, ideaTraces.measureId))
		.innerJoin(goals, sql`${goals.id} = coalesce(${ideaTraces.goalId}, ${goalOfMeasure})`)
		.where(and(eq(ideaTraces.municipalityId, municipalityId), eq(ideaTraces.ideaId, ideaId)))
		.orderBy(asc(ideaTraces.createdAt))
		.limit(100);
}

/** The goals and measures a batch of ideas fed into, by lineage: the staff's export of ideas numbers them. */
export async function selectTraceTargetsOfIdeas(db: Executor, municipalityId: string, ideaIds: string[]) {
	if (ideaIds.length === 0) return [];
	const goalOfMeasure = sql`(select ${measures.goalId} from ${measures} where ${measures.id} = ${ideaTraces.measureId})`;
	return db
		.select({ ideaId: ideaTraces.ideaId, goalLineageId: goals.lineageId, measureLineageId: measures.lineageId })
		.from(ideaTraces)
		.leftJoin(measures, eq(measures.id, ideaTraces.measureId))
		.innerJoin(goals, sql`${goals.id} = coalesce(${ideaTraces.goalId}, ${goalOfMeasure})`)
		.where(and(eq(ideaTraces.municipalityId, municipalityId), inArray(ideaTraces.ideaId, ideaIds)))
		.orderBy(asc(ideaTraces.createdAt));
}

/**
 * Every trace of an edition with what the public may see of its idea and where the idea came from:
 * the document page and the monitor group them by goal and measure lineage.
 */
export async function selectTracedIdeasOfEdition(db: Executor, municipalityId: string, editionId: string, measureId?: string) {
	return db
		.select({
			goalLineageId: goals.lineageId,
			measureLineageId: measures.lineageId,
			ideaId: ideas.id,
			ideaTitle: ideas.title,
			ideaLanguage: ideas.language,
			hidden: isNotNull(ideas.hiddenReason).mapWith(Boolean),
			eventId: events.id,
			eventTitle: events.title,
			workingGroupId: workingGroups.id,
			workingGroupName: workingGroups.name
		})
		.from(ideaTraces)
		.innerJoin(ideas, eq(ideas.id, ideaTraces.ideaId))
		.leftJoin(goals, eq(goals.id, ideaTraces.goalId))
		.leftJoin(measures, eq(measures.id, ideaTraces.measureId))
		.leftJoin(events, eq(events.id, ideas.eventId))
		.leftJoin(workingGroups, eq(workingGroups.id, ideas.workingGroupId))
		.where(
			and(
				eq(ideaTraces.municipalityId, municipalityId),
				eq(ideaTraces.editionId, editionId),
				measureId ? eq(ideaTraces.measureId, measureId) : undefined
			)
		)
		.orderBy(asc(ideas.title))
		.limit(5000);
}

/** The ideas that fed into one goal or measure, for the staff who keep the trace. */
export async function selectTracesOfTarget(db: Executor, municipalityId: string, target: { goalId: string } | { measureId: string }) {
	return db
		.select({ id: ideaTraces.id, ideaId: ideas.id, ideaTitle: ideas.title, ideaLanguage: ideas.language, note: ideaTraces.note })
		.from(ideaTraces)
		.innerJoin(ideas, eq(ideas.id, ideaTraces.ideaId))
		.where(
			and(
				eq(ideaTraces.municipalityId, municipalityId),
				'goalId' in target ? eq(ideaTraces.goalId, target.goalId) : eq(ideaTraces.measureId, target.measureId)
			)
		)
		.orderBy(asc(ideas.title))
		.limit(500);
}

/** Ideas of the edition whose title or text contains the words, newest first; one more than a page tells if there is a next one. */
export async function searchIdeasOfEdition(
	db: Executor,
	{ municipalityId, editionId, query, offset, limit }: { municipalityId: string; editionId: string; query: string; offset: number; limit: number }
) {
	const pattern = `%${query.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
	return db
		.select({ id: ideas.id, title: ideas.title, language: ideas.language, status: ideas.status })
		.from(ideas)
		.where(
			and(
				eq(ideas.municipalityId, municipalityId),
				eq(ideas.editionId, editionId),
				isNull(ideas.hiddenReason),
				query ? or(ilike(ideas.title, pattern), ilike(ideas.body, pattern)) : undefined
			)
		)
		.orderBy(desc(ideas.createdAt), asc(ideas.id))
		.offset(offset)
		.limit(limit);
}

/** Per field of the edition: ideas submitted, ideas taken up, goals and measures with ideas — counted by the database. */
export async function selectTraceCounts(db: Executor, municipalityId: string, editionId: string) {
	// Kept by triggers as ideas are written: counting the ideas here grew with the edition.
	const submitted = await db
		.select({ fieldId: ideaFieldTallies.fieldId, value: ideaFieldTallies.visibleIdeas })
		.from(ideaFieldTallies)
		.where(and(eq(ideaFieldTallies.municipalityId, municipalityId), eq(ideaFieldTallies.editionId, editionId)));
	const takenUp = await db
		.select({ fieldId: ideas.fieldId, value: countDistinct(ideas.id) })
		.from(ideaTraces)
		.innerJoin(ideas, eq(ideas.id, ideaTraces.ideaId))
		.where(and(eq(ideaTraces.municipalityId, municipalityId), eq(ideaTraces.editionId, editionId), isNull(ideas.hiddenReason)))
		.groupBy(ideas.fieldId);
	// A goal has ideas when one fed into the goal itself or into one of its measures.
	const tracedGoal = sql<string>`coalesce(${ideaTraces.goalId}, ${measures.goalId})`;
	const targets = await db
		.select({ fieldId: goals.fieldId, goalsWithIdeas: countDistinct(goals.id), measuresWithIdeas: countDistinct(ideaTraces.measureId) })
		.from(ideaTraces)
		.leftJoin(measures, eq(measures.id, ideaTraces.measureId))
		.innerJoin(goals, eq(goals.id, tracedGoal))
		.where(and(eq(ideaTraces.municipalityId, municipalityId), eq(ideaTraces.editionId, editionId)))
		.groupBy(goals.fieldId);
	return { submitted, takenUp, targets };
}
