import type { Executor } from '../db/client';
import { fields, goals, measures } from './document.schema';

type ItemRow = { municipalityId: string; title: string; description: string; position: number; lineageId: string };

export async function insertFields(db: Executor, rows: (ItemRow & { editionId: string; isFocus: boolean })[]) {
	if (rows.length === 0) return [];
	return db.insert(fields).values(rows).returning({ id: fields.id, lineageId: fields.lineageId });
}

export async function insertGoals(db: Executor, rows: (ItemRow & { fieldId: string })[]) {
	if (rows.length === 0) return [];
	return db.insert(goals).values(rows).returning({ id: goals.id, lineageId: goals.lineageId });
}

export async function insertMeasures(db: Executor, rows: (ItemRow & { goalId: string })[]) {
	if (rows.length === 0) return [];
	return db.insert(measures).values(rows).returning({ id: measures.id });
}
