// Carrying the structure of one edition over into the next: fields, goals and measures with their
// titles, texts and order, under the same lineage ids, so that the editions can be compared later.
// Monitoring (owners, status, indicators) belongs to an edition's implementation and is not copied.
import type { Executor } from '../db/client';
import { editionNotFound } from './document.errors';
import { buildOutline } from './document.outline';
import { selectEditionById, selectOutline } from './document.queries';
import { insertFields, insertGoals, insertMeasures } from './document-carryover.queries';
import { selectVersionSnapshot } from './document-version.queries';
import type { DocumentSnapshot } from './document.snapshot';

type Item = { lineageId: string; title: string; description: string };
export type CarriedMeasure = Item;
export type CarriedGoal = Item & { measures: CarriedMeasure[] };
export type CarriedField = Item & { isFocus: boolean; goals: CarriedGoal[] };

/** Stages from which an edition's structure counts as adopted: the default source of the next edition. */
export const adoptedStages = ['adopted', 'implementing', 'reviewing', 'superseded'] as const;

/**
 * The structure an edition hands on: its working outline. Once editions keep an adopted version, its
 * snapshot can be read here instead; the copy below takes this plain list whichever the source.
 */
export async function structureOfEdition(db: Executor, municipalityId: string, editionId: string): Promise<CarriedField[]> {
	const rows = await selectOutline(db, municipalityId, editionId);
	return buildOutline(rows.fieldRows, rows.goalRows, rows.measureRows).map((field) => ({
		// Fields from before lineage ids were kept are their own lineage, as in a version's snapshot.
		lineageId: field.lineageId ?? field.id,
		title: field.title,
		description: field.description,
		isFocus: field.isFocus,
		goals: field.goals.map((goal) => ({
			lineageId: goal.lineageId,
			title: goal.title,
			description: goal.description,
			measures: goal.measures.map((measure) => ({ lineageId: measure.lineageId, title: measure.title, description: measure.description }))
		}))
	}));
}

/** The structure of a published version: what the council adopted, whatever was edited afterwards. */
export function structureOfSnapshot(snapshot: DocumentSnapshot): CarriedField[] {
	return snapshot.fields.map((field) => ({
		lineageId: field.lineageId,
		title: field.title,
		description: field.description,
		isFocus: field.isFocus,
		goals: field.goals.map((goal) => ({
			lineageId: goal.lineageId,
			title: goal.title,
			description: goal.description,
			measures: goal.measures.map((measure) => ({ lineageId: measure.lineageId, title: measure.title, description: measure.description }))
		}))
	}));
}

/** Writes the structure into an (empty) edition: three inserts, whatever its size. Run it inside the caller's transaction. */
export async function copyStructure(tx: Executor, { municipalityId, editionId, structure }: { municipalityId: string; editionId: string; structure: CarriedField[] }) {
	const insertedFields = await insertFields(
		tx,
		structure.map((field, position) => ({
			municipalityId,
			editionId,
			title: field.title,
			description: field.description,
			isFocus: field.isFocus,
			position,
			lineageId: field.lineageId
		}))
	);
	const fieldIdOf = new Map(insertedFields.map((row) => [row.lineageId, row.id]));
	const insertedGoals = await insertGoals(
		tx,
		structure.flatMap((field) =>
			field.goals.map((goal, position) => ({
				municipalityId,
				fieldId: fieldIdOf.get(field.lineageId)!,
				title: goal.title,
				description: goal.description,
				position,
				lineageId: goal.lineageId
			}))
		)
	);
	const goalIdOf = new Map(insertedGoals.map((row) => [row.lineageId, row.id]));
	const insertedMeasures = await insertMeasures(
		tx,
		structure.flatMap((field) =>
			field.goals.flatMap((goal) =>
				goal.measures.map((measure, position) => ({
					municipalityId,
					goalId: goalIdOf.get(goal.lineageId)!,
					title: measure.title,
					description: measure.description,
					position,
					lineageId: measure.lineageId
				}))
			)
		)
	);
	return { fields: insertedFields.length, goals: insertedGoals.length, measures: insertedMeasures.length };
}

/** Copies the structure of an earlier edition of the same strategy into a newly created one. */
export async function carryOverStructure(
	tx: Executor,
	{ municipalityId, strategyId, fromEditionId, toEditionId }: { municipalityId: string; strategyId: string; fromEditionId: string; toEditionId: string }
) {
	const source = await selectEditionById(tx, municipalityId, fromEditionId);
	// Another strategy's (or municipality's) edition is no predecessor of this one.
	if (!source || source.strategyId !== strategyId || source.id === toEditionId) throw editionNotFound();
	// The adopted text when there is one; an edition never adopted passes on its working outline.
	const adopted = source.adoptedVersionId ? await selectVersionSnapshot(tx, municipalityId, source.adoptedVersionId) : undefined;
	const structure = adopted ? structureOfSnapshot(adopted) : await structureOfEdition(tx, municipalityId, fromEditionId);
	const copied = await copyStructure(tx, { municipalityId, editionId: toEditionId, structure });
	return { fromNumber: source.number, ...copied };
}
