import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { preparedFor } from '../db/prepared';
import { contactPoints } from '../tenancy/tenancy.schema';
import { editionStageDates, editions, fields, goals, measures, strategies } from './document.schema';

export type Strategy = typeof strategies.$inferSelect;
export type Edition = typeof editions.$inferSelect;
export type EditionStageDate = typeof editionStageDates.$inferSelect;
export type Field = typeof fields.$inferSelect;
export type Goal = typeof goals.$inferSelect;
export type Measure = typeof measures.$inferSelect;

export async function selectStrategies(db: Executor, municipalityId: string) {
	return db
		.select()
		.from(strategies)
		.where(eq(strategies.municipalityId, municipalityId))
		.orderBy(asc(strategies.position), asc(strategies.title))
		.limit(200);
}

export async function selectStrategyBySlug(db: Executor, municipalityId: string, slug: string) {
	const [row] = await db
		.select()
		.from(strategies)
		.where(and(eq(strategies.municipalityId, municipalityId), eq(strategies.slug, slug)))
		.limit(1);
	return row;
}

export async function selectStrategyById(db: Executor, municipalityId: string, id: string) {
	const [row] = await db
		.select()
		.from(strategies)
		.where(and(eq(strategies.municipalityId, municipalityId), eq(strategies.id, id)))
		.limit(1);
	return row;
}

/** Editions of several strategies at once, newest first, so a list page costs one query. */
export async function selectEditionsOfStrategies(db: Executor, municipalityId: string, strategyIds: string[]) {
	if (strategyIds.length === 0) return [];
	return db
		.select()
		.from(editions)
		.where(and(eq(editions.municipalityId, municipalityId), inArray(editions.strategyId, strategyIds)))
		.orderBy(desc(editions.number))
		.limit(1000);
}

export async function selectEditionById(db: Executor, municipalityId: string, id: string) {
	const [row] = await db
		.select()
		.from(editions)
		.where(and(eq(editions.municipalityId, municipalityId), eq(editions.id, id)))
		.limit(1);
	return row;
}

export async function selectField(db: Executor, municipalityId: string, id: string) {
	const [row] = await db
		.select()
		.from(fields)
		.where(and(eq(fields.municipalityId, municipalityId), eq(fields.id, id)))
		.limit(1);
	return row;
}

export async function selectGoal(db: Executor, municipalityId: string, id: string) {
	const [row] = await db
		.select()
		.from(goals)
		.where(and(eq(goals.municipalityId, municipalityId), eq(goals.id, id)))
		.limit(1);
	return row;
}

export async function selectMeasure(db: Executor, municipalityId: string, id: string) {
	const [row] = await db
		.select()
		.from(measures)
		.where(and(eq(measures.municipalityId, municipalityId), eq(measures.id, id)))
		.limit(1);
	return row;
}

// The public edition page: one round trip for strategy, edition and contact point, then one for the
// timeline and the whole outline at once. Goals and measures are found through the edition (not through
// the ids of the rows before them), so all four queries can run side by side.
const municipalityId = sql.placeholder('municipalityId');
const editionId = sql.placeholder('editionId');

const editionHeadStatement = preparedFor((db) =>
	db
		.select({ strategy: strategies, edition: editions, contactPoint: contactPoints })
		.from(strategies)
		.leftJoin(
			editions,
			and(
				eq(editions.strategyId, strategies.id),
				eq(editions.municipalityId, strategies.municipalityId),
				eq(editions.number, sql.placeholder('number'))
			)
		)
		.leftJoin(
			contactPoints,
			and(eq(contactPoints.id, editions.contactPointId), eq(contactPoints.municipalityId, strategies.municipalityId))
		)
		.where(and(eq(strategies.municipalityId, municipalityId), eq(strategies.slug, sql.placeholder('slug'))))
		.limit(1)
		.prepare('public_edition_head')
);

/** The strategy by slug with its edition of that number (null when it has none) and the edition's contact point. */
export async function selectEditionHead(db: Executor, scope: { municipalityId: string; strategySlug: string; number: number }) {
	const [row] = await editionHeadStatement(db).execute({ municipalityId: scope.municipalityId, slug: scope.strategySlug, number: scope.number });
	return row;
}

const fieldIdsOfEdition = (db: Executor) =>
	db
		.select({ id: fields.id })
		.from(fields)
		.where(and(eq(fields.municipalityId, municipalityId), eq(fields.editionId, editionId)));

const editionStagesStatement = preparedFor((db) =>
	db
		.select()
		.from(editionStageDates)
		.where(and(eq(editionStageDates.municipalityId, municipalityId), eq(editionStageDates.editionId, editionId)))
		.orderBy(asc(editionStageDates.startsOn))
		.limit(20)
		.prepare('public_edition_stages')
);

const editionFieldsStatement = preparedFor((db) =>
	db
		.select()
		.from(fields)
		.where(and(eq(fields.municipalityId, municipalityId), eq(fields.editionId, editionId)))
		.orderBy(asc(fields.position), asc(fields.createdAt))
		.limit(200)
		.prepare('public_edition_fields')
);

const editionGoalsStatement = preparedFor((db) =>
	db
		.select()
		.from(goals)
		.where(and(eq(goals.municipalityId, municipalityId), inArray(goals.fieldId, fieldIdsOfEdition(db))))
		.orderBy(asc(goals.position), asc(goals.createdAt))
		.limit(2000)
		.prepare('public_edition_goals')
);

const editionMeasuresStatement = preparedFor((db) =>
	db
		.select()
		.from(measures)
		.where(
			and(
				eq(measures.municipalityId, municipalityId),
				inArray(
					measures.goalId,
					db
						.select({ id: goals.id })
						.from(goals)
						.where(and(eq(goals.municipalityId, municipalityId), inArray(goals.fieldId, fieldIdsOfEdition(db))))
				)
			)
		)
		.orderBy(asc(measures.position), asc(measures.createdAt))
		.limit(10000)
		.prepare('public_edition_measures')
);

/** Timeline and outline of an edition in four queries that run at the same time. */
export async function selectEditionBody(db: Executor, scope: { municipalityId: string; editionId: string }) {
	const [stageDates, fieldRows, goalRows, measureRows] = await Promise.all([
		editionStagesStatement(db).execute(scope),
		editionFieldsStatement(db).execute(scope),
		editionGoalsStatement(db).execute(scope),
		editionMeasuresStatement(db).execute(scope)
	]);
	return { stageDates, fieldRows, goalRows, measureRows };
}

// Used by the back office, also inside transactions (hence sequential, no prepared statements).
export async function selectEditionByNumber(db: Executor, municipalityId: string, strategyId: string, number: number) {
	const [row] = await db
		.select()
		.from(editions)
		.where(
			and(eq(editions.municipalityId, municipalityId), eq(editions.strategyId, strategyId), eq(editions.number, number))
		)
		.limit(1);
	return row;
}
export async function selectStageDates(db: Executor, municipalityId: string, editionId: string) {
	return db
		.select()
		.from(editionStageDates)
		.where(and(eq(editionStageDates.municipalityId, municipalityId), eq(editionStageDates.editionId, editionId)))
		.orderBy(asc(editionStageDates.startsOn))
		.limit(20);
}
async function selectGoalsOfFields(db: Executor, municipalityId: string, fieldIds: string[]) {
	if (fieldIds.length === 0) return [];
	return db
		.select()
		.from(goals)
		.where(and(eq(goals.municipalityId, municipalityId), inArray(goals.fieldId, fieldIds)))
		.orderBy(asc(goals.position), asc(goals.createdAt))
		.limit(2000);
}
async function selectMeasuresOfGoals(db: Executor, municipalityId: string, goalIds: string[]) {
	if (goalIds.length === 0) return [];
	return db
		.select()
		.from(measures)
		.where(and(eq(measures.municipalityId, municipalityId), inArray(measures.goalId, goalIds)))
		.orderBy(asc(measures.position), asc(measures.createdAt))
		.limit(10000);
}
export async function selectFieldsOfEdition(db: Executor, municipalityId: string, editionId: string) {
	return db
		.select()
		.from(fields)
		.where(and(eq(fields.municipalityId, municipalityId), eq(fields.editionId, editionId)))
		.orderBy(asc(fields.position), asc(fields.createdAt))
		.limit(200);
}
/** The whole outline of an edition in three indexed queries, however many fields and goals it has. */
export async function selectOutline(db: Executor, municipalityId: string, editionId: string) {
	const fieldRows = await selectFieldsOfEdition(db, municipalityId, editionId);
	const goalRows = await selectGoalsOfFields(db, municipalityId, fieldRows.map((field) => field.id));
	const measureRows = await selectMeasuresOfGoals(db, municipalityId, goalRows.map((goal) => goal.id));
	return { fieldRows, goalRows, measureRows };
}
/**
 * Every field of an edition, but the goals and measures of one of them only: enough to number that
 * field's items as the whole document does. Null when the field is not one of the edition's.
 */
export async function selectOutlineOfOneField(db: Executor, municipalityId: string, editionId: string, fieldId: string) {
	const fieldRows = await selectFieldsOfEdition(db, municipalityId, editionId);
	if (!fieldRows.some((field) => field.id === fieldId)) return null;
	const goalRows = await selectGoalsOfFields(db, municipalityId, [fieldId]);
	const measureRows = await selectMeasuresOfGoals(db, municipalityId, goalRows.map((goal) => goal.id));
	return { fieldRows, goalRows, measureRows };
}
