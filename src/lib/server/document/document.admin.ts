// Admin writes of the document domain: strategies, editions with their stage dates, and each edition's
// outline. Every function checks the actor first, scopes every id by municipality and parent, and
// records the change in the same transaction that makes it.
import type { Database, Executor } from '../db/client';
import { recordChange } from '../audit/audit.service';
import { requireMunicipalityAdmin, requireRole, type Actor } from '../people/actor';
import { announceEditionStage } from '../updates/updates.service';
import { draftingRoles } from './document-version.service';
import { selectContactPoint, selectContactPoints } from '../tenancy/tenancy.queries';
import {
	stageDatesOf,
	type EditionInput,
	type FieldInput,
	type MoveDirection,
	type NewStrategyInput,
	type OutlineItemInput,
	type StrategyInput
} from '$lib/validation/document';
import {
	contactPointNotFound,
	editionDatesInvalid,
	editionNotFound,
	editionNumberTaken,
	outlineItemNotFound,
	strategyNotFound,
	strategySlugTaken
} from './document.errors';
import { buildOutline } from './document.outline';
import { carryOverStructure } from './document-carryover';
import {
	selectEditionByNumber,
	selectEditionsOfStrategies,
	selectField,
	selectFieldsOfEdition,
	selectGoal,
	selectMeasure,
	selectOutline,
	selectStageDates,
	selectStrategies,
	selectStrategyById,
	selectStrategyBySlug
} from './document.queries';
import {
	countStrategies,
	deleteField,
	deleteGoal,
	deleteMeasure,
	insertEdition,
	insertField,
	insertGoal,
	insertMeasure,
	insertStrategy,
	lockEdition,
	replaceStageDates,
	selectGoalsOfField,
	selectMeasuresOfGoal,
	updateEdition as writeEdition,
	updateField as writeField,
	updateGoal as writeGoal,
	updateMeasure as writeMeasure,
	updateStrategy as writeStrategy,
	writeParent,
	writePositions,
	type OutlineKind
} from './document.admin.queries';

type Scope = { db: Database; actor: Actor | null; municipalityId: string };

// ——— Strategies ———

export async function listStrategiesForAdmin({ db, actor, municipalityId }: Scope) {
	requireMunicipalityAdmin(actor, municipalityId);
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

export async function getStrategyForAdmin({ db, actor, municipalityId, slug }: Scope & { slug: string }) {
	requireMunicipalityAdmin(actor, municipalityId);
	const strategy = await selectStrategyBySlug(db, municipalityId, slug);
	if (!strategy) throw strategyNotFound({ slug });
	return { ...strategy, editions: await selectEditionsOfStrategies(db, municipalityId, [strategy.id]) };
}

export async function createStrategy({ db, actor, municipalityId, input }: Scope & { input: NewStrategyInput }) {
	const admin = requireMunicipalityAdmin(actor, municipalityId);
	return db.transaction(async (tx) => {
		if (await selectStrategyBySlug(tx, municipalityId, input.slug)) throw strategySlugTaken({ slug: input.slug });
		const created = await insertStrategy(tx, { ...input, municipalityId, position: await countStrategies(tx, municipalityId) });
		await recordChange(tx, { actor: admin, municipalityId, action: 'create', entityType: 'strategy', entityId: created.id, after: created });
		return created;
	});
}

export async function updateStrategy({ db, actor, municipalityId, strategyId, input }: Scope & { strategyId: string; input: StrategyInput }) {
	const admin = requireMunicipalityAdmin(actor, municipalityId);
	return db.transaction(async (tx) => {
		const before = await selectStrategyById(tx, municipalityId, strategyId);
		if (!before) throw strategyNotFound();
		const after = await writeStrategy(tx, municipalityId, strategyId, input);
		await recordChange(tx, { actor: admin, municipalityId, action: 'update', entityType: 'strategy', entityId: strategyId, before, after });
		return after;
	});
}

// ——— Editions ———

/** The contact points an edition may name: only those of its own municipality. */
export async function listContactPointsForAdmin({ db, actor, municipalityId }: Scope) {
	requireMunicipalityAdmin(actor, municipalityId);
	return selectContactPoints(db, municipalityId);
}

export async function getEditionForAdmin({
	db,
	actor,
	municipalityId,
	strategySlug,
	number
}: Scope & { strategySlug: string; number: number }) {
	requireMunicipalityAdmin(actor, municipalityId);
	const strategy = await selectStrategyBySlug(db, municipalityId, strategySlug);
	if (!strategy) throw strategyNotFound({ slug: strategySlug });
	const edition = await selectEditionByNumber(db, municipalityId, strategy.id, number);
	if (!edition) throw editionNotFound({ number });
	return { strategy, edition, stageDates: await selectStageDates(db, municipalityId, edition.id) };
}

async function checkEditionInput(tx: Executor, municipalityId: string, strategyId: string, editionId: string | null, input: EditionInput) {
	// The form's schema says the same; repeated here because the service is the last line before the table.
	const datesInOrder = stageDatesOf(input).every((dates) => !dates.endsOn || dates.endsOn >= dates.startsOn);
	if (input.periodEnd < input.periodStart || !datesInOrder) throw editionDatesInvalid();
	const sameNumber = await selectEditionByNumber(tx, municipalityId, strategyId, input.number);
	if (sameNumber && sameNumber.id !== editionId) throw editionNumberTaken({ number: input.number });
	if (input.contactPointId && !(await selectContactPoint(tx, municipalityId, input.contactPointId))) throw contactPointNotFound();
}

function editionValues(input: EditionInput) {
	return {
		number: input.number,
		periodStart: input.periodStart,
		periodEnd: input.periodEnd,
		stage: input.stage,
		summary: input.summary,
		contactPointId: input.contactPointId
	};
}

/** Creates an edition; with carryOverFrom, the structure of that earlier edition comes along in the same transaction. */
export async function createEdition({
	db,
	actor,
	municipalityId,
	strategyId,
	input,
	carryOverFrom = null
}: Scope & { strategyId: string; input: EditionInput; carryOverFrom?: string | null }) {
	const admin = requireMunicipalityAdmin(actor, municipalityId);
	return db.transaction(async (tx) => {
		if (!(await selectStrategyById(tx, municipalityId, strategyId))) throw strategyNotFound();
		await checkEditionInput(tx, municipalityId, strategyId, null, input);
		const created = await insertEdition(tx, { ...editionValues(input), municipalityId, strategyId });
		const stageDates = await replaceStageDates(tx, municipalityId, created.id, stageDatesOf(input));
		const carriedOver = carryOverFrom
			? await carryOverStructure(tx, { municipalityId, strategyId, fromEditionId: carryOverFrom, toEditionId: created.id })
			: null;
		await recordChange(tx, {
			actor: admin,
			municipalityId,
			action: 'create',
			entityType: 'edition',
			entityId: created.id,
			after: { ...created, stageDates, carriedOver }
		});
		await announceEditionStage(tx, { municipalityId, editionId: created.id, stage: created.stage });
		return created;
	});
}

export async function updateEdition({ db, actor, municipalityId, editionId, input }: Scope & { editionId: string; input: EditionInput }) {
	const admin = requireMunicipalityAdmin(actor, municipalityId);
	return db.transaction(async (tx) => {
		const before = await lockEdition(tx, municipalityId, editionId);
		if (!before) throw editionNotFound();
		await checkEditionInput(tx, municipalityId, before.strategyId, editionId, input);
		const stageDatesBefore = await selectStageDates(tx, municipalityId, editionId);
		const after = await writeEdition(tx, municipalityId, editionId, editionValues(input));
		const stageDates = await replaceStageDates(tx, municipalityId, editionId, stageDatesOf(input));
		await recordChange(tx, {
			actor: admin,
			municipalityId,
			action: 'update',
			entityType: 'edition',
			entityId: editionId,
			before: { ...before, stageDates: stageDatesBefore },
			after: { ...after, stageDates }
		});
		if (after.stage !== before.stage) await announceEditionStage(tx, { municipalityId, editionId, stage: after.stage });
		return after;
	});
}

// ——— Outline ———

// The outline is part of the document that facilitators draft, so they edit it as admins do.
export async function getOutlineForAdmin({ db, actor, municipalityId, editionId }: Scope & { editionId: string }) {
	requireRole(actor, municipalityId, draftingRoles);
	const rows = await selectOutline(db, municipalityId, editionId);
	return buildOutline(rows.fieldRows, rows.goalRows, rows.measureRows);
}

type EditionScope = Scope & { editionId: string };

/** Checks the actor, then runs the work with the edition locked so the outline's positions cannot race. */
async function inOutline<T>({ db, actor, municipalityId, editionId }: EditionScope, work: (tx: Executor, admin: Actor) => Promise<T>) {
	const admin = requireRole(actor, municipalityId, draftingRoles);
	return db.transaction(async (tx) => {
		if (!(await lockEdition(tx, municipalityId, editionId))) throw editionNotFound();
		return work(tx, admin);
	});
}

// A form's hidden id is only trusted once it is found in this municipality and under this very edition.
async function fieldOf(tx: Executor, municipalityId: string, editionId: string, fieldId: string) {
	const field = await selectField(tx, municipalityId, fieldId);
	if (!field || field.editionId !== editionId) throw outlineItemNotFound();
	return field;
}

async function goalOf(tx: Executor, municipalityId: string, editionId: string, goalId: string) {
	const goal = await selectGoal(tx, municipalityId, goalId);
	if (!goal) throw outlineItemNotFound();
	await fieldOf(tx, municipalityId, editionId, goal.fieldId);
	return goal;
}

async function measureOf(tx: Executor, municipalityId: string, editionId: string, measureId: string) {
	const measure = await selectMeasure(tx, municipalityId, measureId);
	if (!measure) throw outlineItemNotFound();
	await goalOf(tx, municipalityId, editionId, measure.goalId);
	return measure;
}

type Sibling = { id: string; position: number };

async function move(
	tx: Executor,
	admin: Actor,
	municipalityId: string,
	kind: OutlineKind,
	siblings: Sibling[],
	id: string,
	direction: MoveDirection
) {
	const index = siblings.findIndex((sibling) => sibling.id === id);
	const target = direction === 'up' ? index - 1 : index + 1;
	// Already first or last: nothing changes, so nothing is recorded.
	if (index < 0 || target < 0 || target >= siblings.length) return;
	const reordered = [...siblings];
	[reordered[index], reordered[target]] = [reordered[target], reordered[index]];
	await writePositions(tx, kind, municipalityId, reordered);
	await recordChange(tx, {
		actor: admin,
		municipalityId,
		action: 'move',
		entityType: kind,
		entityId: id,
		before: { position: siblings[index].position },
		after: { position: target }
	});
}

export async function addField(scope: EditionScope & { input: FieldInput }) {
	const { municipalityId, editionId, input } = scope;
	return inOutline(scope, async (tx, admin) => {
		const siblings = await selectFieldsOfEdition(tx, municipalityId, editionId);
		const created = await insertField(tx, { ...input, municipalityId, editionId, position: siblings.length });
		await recordChange(tx, { actor: admin, municipalityId, action: 'create', entityType: 'field', entityId: created.id, after: created });
		return created;
	});
}

export async function updateField(scope: EditionScope & { fieldId: string; input: FieldInput }) {
	const { municipalityId, editionId, fieldId, input } = scope;
	return inOutline(scope, async (tx, admin) => {
		const before = await fieldOf(tx, municipalityId, editionId, fieldId);
		const after = await writeField(tx, municipalityId, fieldId, input);
		await recordChange(tx, { actor: admin, municipalityId, action: 'update', entityType: 'field', entityId: fieldId, before, after });
	});
}

export async function removeField(scope: EditionScope & { fieldId: string }) {
	const { municipalityId, editionId, fieldId } = scope;
	return inOutline(scope, async (tx, admin) => {
		await fieldOf(tx, municipalityId, editionId, fieldId);
		const goalsBefore = await selectGoalsOfField(tx, municipalityId, fieldId);
		const before = await deleteField(tx, municipalityId, fieldId);
		await writePositions(tx, 'field', municipalityId, await selectFieldsOfEdition(tx, municipalityId, editionId));
		// Its goals and measures go with it (on delete cascade); the record names the goals that went.
		await recordChange(tx, {
			actor: admin,
			municipalityId,
			action: 'delete',
			entityType: 'field',
			entityId: fieldId,
			before: { ...before, goals: goalsBefore.map((goal) => ({ id: goal.id, title: goal.title })) }
		});
	});
}

export async function moveField(scope: EditionScope & { fieldId: string; direction: MoveDirection }) {
	const { municipalityId, editionId, fieldId, direction } = scope;
	return inOutline(scope, async (tx, admin) => {
		await fieldOf(tx, municipalityId, editionId, fieldId);
		await move(tx, admin, municipalityId, 'field', await selectFieldsOfEdition(tx, municipalityId, editionId), fieldId, direction);
	});
}

export async function addGoal(scope: EditionScope & { fieldId: string; input: OutlineItemInput }) {
	const { municipalityId, editionId, fieldId, input } = scope;
	return inOutline(scope, async (tx, admin) => {
		await fieldOf(tx, municipalityId, editionId, fieldId);
		const siblings = await selectGoalsOfField(tx, municipalityId, fieldId);
		const created = await insertGoal(tx, { ...input, municipalityId, fieldId, position: siblings.length });
		await recordChange(tx, { actor: admin, municipalityId, action: 'create', entityType: 'goal', entityId: created.id, after: created });
		return created;
	});
}

export async function updateGoal(scope: EditionScope & { goalId: string; input: OutlineItemInput }) {
	const { municipalityId, editionId, goalId, input } = scope;
	return inOutline(scope, async (tx, admin) => {
		const before = await goalOf(tx, municipalityId, editionId, goalId);
		const after = await writeGoal(tx, municipalityId, goalId, input);
		await recordChange(tx, { actor: admin, municipalityId, action: 'update', entityType: 'goal', entityId: goalId, before, after });
	});
}

export async function removeGoal(scope: EditionScope & { goalId: string }) {
	const { municipalityId, editionId, goalId } = scope;
	return inOutline(scope, async (tx, admin) => {
		const goal = await goalOf(tx, municipalityId, editionId, goalId);
		const measuresBefore = await selectMeasuresOfGoal(tx, municipalityId, goalId);
		const before = await deleteGoal(tx, municipalityId, goalId);
		await writePositions(tx, 'goal', municipalityId, await selectGoalsOfField(tx, municipalityId, goal.fieldId));
		await recordChange(tx, {
			actor: admin,
			municipalityId,
			action: 'delete',
			entityType: 'goal',
			entityId: goalId,
			before: { ...before, measures: measuresBefore.map((measure) => ({ id: measure.id, title: measure.title })) }
		});
	});
}

export async function moveGoal(scope: EditionScope & { goalId: string; direction: MoveDirection }) {
	const { municipalityId, editionId, goalId, direction } = scope;
	return inOutline(scope, async (tx, admin) => {
		const goal = await goalOf(tx, municipalityId, editionId, goalId);
		await move(tx, admin, municipalityId, 'goal', await selectGoalsOfField(tx, municipalityId, goal.fieldId), goalId, direction);
	});
}

export async function addMeasure(scope: EditionScope & { goalId: string; input: OutlineItemInput }) {
	const { municipalityId, editionId, goalId, input } = scope;
	return inOutline(scope, async (tx, admin) => {
		await goalOf(tx, municipalityId, editionId, goalId);
		const siblings = await selectMeasuresOfGoal(tx, municipalityId, goalId);
		const created = await insertMeasure(tx, { ...input, municipalityId, goalId, position: siblings.length });
		await recordChange(tx, { actor: admin, municipalityId, action: 'create', entityType: 'measure', entityId: created.id, after: created });
		return created;
	});
}

export async function updateMeasure(scope: EditionScope & { measureId: string; input: OutlineItemInput }) {
	const { municipalityId, editionId, measureId, input } = scope;
	return inOutline(scope, async (tx, admin) => {
		const before = await measureOf(tx, municipalityId, editionId, measureId);
		const after = await writeMeasure(tx, municipalityId, measureId, input);
		await recordChange(tx, { actor: admin, municipalityId, action: 'update', entityType: 'measure', entityId: measureId, before, after });
	});
}

export async function removeMeasure(scope: EditionScope & { measureId: string }) {
	const { municipalityId, editionId, measureId } = scope;
	return inOutline(scope, async (tx, admin) => {
		const measure = await measureOf(tx, municipalityId, editionId, measureId);
		const before = await deleteMeasure(tx, municipalityId, measureId);
		await writePositions(tx, 'measure', municipalityId, await selectMeasuresOfGoal(tx, municipalityId, measure.goalId));
		await recordChange(tx, { actor: admin, municipalityId, action: 'delete', entityType: 'measure', entityId: measureId, before });
	});
}

export async function moveMeasure(scope: EditionScope & { measureId: string; direction: MoveDirection }) {
	const { municipalityId, editionId, measureId, direction } = scope;
	return inOutline(scope, async (tx, admin) => {
		const measure = await measureOf(tx, municipalityId, editionId, measureId);
		await move(tx, admin, municipalityId, 'measure', await selectMeasuresOfGoal(tx, municipalityId, measure.goalId), measureId, direction);
	});
}

/**
 * A goal moves to the end of another field of the same edition. Its measures, indicators and the
 * ideas traced to it go with it, as they hang on the goal; the field it leaves closes the gap.
 */
export async function relocateGoal(scope: EditionScope & { goalId: string; fieldId: string }) {
	const { municipalityId, editionId, goalId, fieldId } = scope;
	return inOutline(scope, async (tx, admin) => {
		const goal = await goalOf(tx, municipalityId, editionId, goalId);
		await fieldOf(tx, municipalityId, editionId, fieldId);
		if (goal.fieldId === fieldId) return;
		const position = (await selectGoalsOfField(tx, municipalityId, fieldId)).length;
		await writeParent(tx, 'goal', municipalityId, goalId, fieldId, position);
		await writePositions(tx, 'goal', municipalityId, await selectGoalsOfField(tx, municipalityId, goal.fieldId));
		await recordChange(tx, {
			actor: admin,
			municipalityId,
			action: 'move',
			entityType: 'goal',
			entityId: goalId,
			before: { fieldId: goal.fieldId, position: goal.position },
			after: { fieldId, position }
		});
	});
}

/** A measure moves to the end of another goal of the same edition, with its tracking and traced ideas. */
export async function relocateMeasure(scope: EditionScope & { measureId: string; goalId: string }) {
	const { municipalityId, editionId, measureId, goalId } = scope;
	return inOutline(scope, async (tx, admin) => {
		const measure = await measureOf(tx, municipalityId, editionId, measureId);
		await goalOf(tx, municipalityId, editionId, goalId);
		if (measure.goalId === goalId) return;
		const position = (await selectMeasuresOfGoal(tx, municipalityId, goalId)).length;
		await writeParent(tx, 'measure', municipalityId, measureId, goalId, position);
		await writePositions(tx, 'measure', municipalityId, await selectMeasuresOfGoal(tx, municipalityId, measure.goalId));
		await recordChange(tx, {
			actor: admin,
			municipalityId,
			action: 'move',
			entityType: 'measure',
			entityId: measureId,
			before: { goalId: measure.goalId, position: measure.position },
			after: { goalId, position }
		});
	});
}
