import { and, asc, count, eq } from 'drizzle-orm';
import type { Executor } from '../db/client';
import type { EditionStage } from './document.schema';
import { editionStageDates, editions, fields, goals, measures, strategies } from './document.schema';

// Writes of the document domain; document.admin.ts is their only caller and checks the actor first.

export async function countStrategies(db: Executor, municipalityId: string) {
	const [row] = await db.select({ value: count() }).from(strategies).where(eq(strategies.municipalityId, municipalityId));
	return row?.value ?? 0;
}

export async function insertStrategy(
	db: Executor,
	values: { municipalityId: string; slug: string; title: string; summary: string; position: number }
) {
	const [row] = await db.insert(strategies).values(values).returning();
	return row;
}

export async function updateStrategy(db: Executor, municipalityId: string, id: string, values: { title: string; summary: string }) {
	const [row] = await db
		.update(strategies)
		.set({ ...values, updatedAt: new Date() })
		.where(and(eq(strategies.municipalityId, municipalityId), eq(strategies.id, id)))
		.returning();
	return row;
}

type EditionValues = {
	number: number;
	periodStart: number;
	periodEnd: number;
	stage: EditionStage;
	summary: string;
	contactPointId: string | null;
};

export async function insertEdition(db: Executor, values: EditionValues & { municipalityId: string; strategyId: string }) {
	const [row] = await db.insert(editions).values(values).returning();
	return row;
}

export async function updateEdition(db: Executor, municipalityId: string, id: string, values: EditionValues) {
	const [row] = await db
		.update(editions)
		.set({ ...values, updatedAt: new Date() })
		.where(and(eq(editions.municipalityId, municipalityId), eq(editions.id, id)))
		.returning();
	return row;
}

/**
 * Locks an edition row until the transaction ends, so that concurrent moves and deletes in its
 * outline run one after another and positions stay dense.
 */
export async function lockEdition(db: Executor, municipalityId: string, id: string) {
	const [row] = await db
		.select()
		.from(editions)
		.where(and(eq(editions.municipalityId, municipalityId), eq(editions.id, id)))
		.for('update')
		.limit(1);
	return row;
}

export async function replaceStageDates(
	db: Executor,
	municipalityId: string,
	editionId: string,
	dates: { stage: EditionStage; startsOn: string; endsOn: string | null }[]
) {
	await db
		.delete(editionStageDates)
		.where(and(eq(editionStageDates.municipalityId, municipalityId), eq(editionStageDates.editionId, editionId)));
	if (dates.length === 0) return [];
	return db
		.insert(editionStageDates)
		.values(dates.map((date) => ({ ...date, municipalityId, editionId })))
		.returning();
}

type ItemValues = { title: string; description: string };

export async function selectGoalsOfField(db: Executor, municipalityId: string, fieldId: string) {
	return db
		.select()
		.from(goals)
		.where(and(eq(goals.municipalityId, municipalityId), eq(goals.fieldId, fieldId)))
		.orderBy(asc(goals.position), asc(goals.createdAt))
		.limit(2000);
}

export async function selectMeasuresOfGoal(db: Executor, municipalityId: string, goalId: string) {
	return db
		.select()
		.from(measures)
		.where(and(eq(measures.municipalityId, municipalityId), eq(measures.goalId, goalId)))
		.orderBy(asc(measures.position), asc(measures.createdAt))
		.limit(2000);
}

export async function insertField(
	db: Executor,
	values: ItemValues & { municipalityId: string; editionId: string; isFocus: boolean; position: number }
) {
	const [row] = await db.insert(fields).values(values).returning();
	return row;
}

export async function insertGoal(db: Executor, values: ItemValues & { municipalityId: string; fieldId: string; position: number }) {
	const [row] = await db.insert(goals).values(values).returning();
	return row;
}

export async function insertMeasure(db: Executor, values: ItemValues & { municipalityId: string; goalId: string; position: number }) {
	const [row] = await db.insert(measures).values(values).returning();
	return row;
}

export async function updateField(db: Executor, municipalityId: string, id: string, values: ItemValues & { isFocus: boolean }) {
	const [row] = await db
		.update(fields)
		.set({ ...values, updatedAt: new Date() })
		.where(and(eq(fields.municipalityId, municipalityId), eq(fields.id, id)))
		.returning();
	return row;
}

export async function updateGoal(db: Executor, municipalityId: string, id: string, values: ItemValues) {
	const [row] = await db
		.update(goals)
		.set({ ...values, updatedAt: new Date() })
		.where(and(eq(goals.municipalityId, municipalityId), eq(goals.id, id)))
		.returning();
	return row;
}

export async function updateMeasure(db: Executor, municipalityId: string, id: string, values: ItemValues) {
	const [row] = await db
		.update(measures)
		.set({ ...values, updatedAt: new Date() })
		.where(and(eq(measures.municipalityId, municipalityId), eq(measures.id, id)))
		.returning();
	return row;
}

export async function deleteField(db: Executor, municipalityId: string, id: string) {
	const [row] = await db.delete(fields).where(and(eq(fields.municipalityId, municipalityId), eq(fields.id, id))).returning();
	return row;
}

export async function deleteGoal(db: Executor, municipalityId: string, id: string) {
	const [row] = await db.delete(goals).where(and(eq(goals.municipalityId, municipalityId), eq(goals.id, id))).returning();
	return row;
}

export async function deleteMeasure(db: Executor, municipalityId: string, id: string) {
	const [row] = await db.delete(measures).where(and(eq(measures.municipalityId, municipalityId), eq(measures.id, id))).returning();
	return row;
}

const outlineTables = { field: fields, goal: goals, measure: measures };
export type OutlineKind = keyof typeof outlineTables;

/** Writes position = index for each id in order, touching only the rows whose position changes. */
export async function writePositions(
	db: Executor,
	kind: OutlineKind,
	municipalityId: string,
	ordered: { id: string; position: number }[]
) {
	const table = outlineTables[kind];
	for (const [index, row] of ordered.entries()) {
		if (row.position === index) continue;
		await db
			.update(table)
			.set({ position: index, updatedAt: new Date() })
			.where(and(eq(table.municipalityId, municipalityId), eq(table.id, row.id)));
	}
}

/** A goal under another field, or a measure under another goal, at the given position there. */
export async function writeParent(
	db: Executor,
	kind: 'goal' | 'measure',
	municipalityId: string,
	id: string,
	parentId: string,
	position: number
) {
	const values = kind === 'goal' ? { fieldId: parentId, position, updatedAt: new Date() } : { goalId: parentId, position, updatedAt: new Date() };
	const table = outlineTables[kind];
	await db
		.update(table)
		.set(values)
		.where(and(eq(table.municipalityId, municipalityId), eq(table.id, id)));
}
