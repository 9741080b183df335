// Comparing two editions of a strategy by lineage: what is new in the later edition, what was dropped,
// what continued unchanged or with changes, and what moved to another field of action. The word-level
// differences come from the version comparison (document.diff.ts); the edition's words are built here.
import { compareSnapshots, type ComparedField, type DiffPart } from './document.diff';
import type { DocumentSnapshot } from './document.snapshot';

export type LineageStatus = 'new' | 'dropped' | 'continued' | 'changed';

type LineageItem = {
	lineageId: string;
	anchor: string;
	status: LineageStatus;
	numberBefore: string | null;
	numberAfter: string | null;
	/** The title as the newer edition has it (or the older, for what was dropped). */
	titleText: string;
	title: DiffPart[];
	description: DiffPart[];
};
export type LineageMeasure = LineageItem & { movedFrom: string | null };
export type LineageGoal = LineageItem & { movedFrom: string | null; measures: LineageMeasure[] };
export type LineageField = LineageItem & { goals: LineageGoal[] };

type Tally = Record<LineageStatus | 'moved', number>;
export type EditionComparison = { fields: LineageField[]; counts: { goals: Tally; measures: Tally } };

const changed = (parts: DiffPart[]) => parts.some((part) => part.kind !== 'same');

function statusOf(item: { changes: string[]; title: DiffPart[]; description: DiffPart[] }): LineageStatus {
	if (item.changes.includes('new')) return 'new';
	if (item.changes.includes('removed')) return 'dropped';
	// A reordering or a change among its measures does not change the goal itself.
	return changed(item.title) || changed(item.description) ? 'changed' : 'continued';
}

const textOf = (parts: DiffPart[], status: LineageStatus) =>
	parts
		.filter((part) => part.kind === 'same' || part.kind === (status === 'dropped' ? 'deleted' : 'inserted'))
		.map((part) => part.text)
		.join('');

const emptyTally = (): Tally => ({ new: 0, dropped: 0, continued: 0, changed: 0, moved: 0 });

/** Matches the two structures by lineage id. Moving means a change of parent, not a new position among siblings. */
export function compareEditionStructures(before: DocumentSnapshot, after: DocumentSnapshot): EditionComparison {
	const comparison = compareSnapshots(before, after);
	const fieldTitleBefore = new Map(before.fields.map((field) => [field.lineageId, field.title]));
	const goalParentBefore = new Map(before.fields.flatMap((field) => field.goals.map((goal) => [goal.lineageId, field.lineageId] as const)));
	const goalParentAfter = new Map(after.fields.flatMap((field) => field.goals.map((goal) => [goal.lineageId, field.lineageId] as const)));
	const goalTitleBefore = new Map(before.fields.flatMap((field) => field.goals.map((goal) => [goal.lineageId, goal.title] as const)));
	const measureParentBefore = new Map(
		before.fields.flatMap((field) => field.goals.flatMap((goal) => goal.measures.map((measure) => [measure.lineageId, goal.lineageId] as const)))
	);
	const measureParentAfter = new Map(
		after.fields.flatMap((field) => field.goals.flatMap((goal) => goal.measures.map((measure) => [measure.lineageId, goal.lineageId] as const)))
	);
	const counts = { goals: emptyTally(), measures: emptyTally() };

	const item = (compared: ComparedField | ComparedField['goals'][number] | ComparedField['goals'][number]['measures'][number]): LineageItem => {
		const status = statusOf(compared);
		return {
			lineageId: compared.lineageId,
			anchor: compared.anchor,
			status,
			numberBefore: compared.numberBefore,
			numberAfter: compared.numberAfter,
			titleText: textOf(compared.title, status),
			title: compared.title,
			description: compared.description
		};
	};

	const fields = comparison.fields.map((field) => ({
		...item(field),
		goals: field.goals.map((goal) => {
			const parentBefore = goalParentBefore.get(goal.lineageId);
			const parentAfter = goalParentAfter.get(goal.lineageId);
			const movedFrom = parentBefore && parentAfter && parentBefore !== parentAfter ? (fieldTitleBefore.get(parentBefore) ?? null) : null;
			const result: LineageGoal = {
				...item(goal),
				movedFrom,
				measures: goal.measures.map((measure) => {
					const measureBefore = measureParentBefore.get(measure.lineageId);
					const measureAfter = measureParentAfter.get(measure.lineageId);
					const measureMovedFrom =
						measureBefore && measureAfter && measureBefore !== measureAfter ? (goalTitleBefore.get(measureBefore) ?? null) : null;
					const measureResult: LineageMeasure = { ...item(measure), movedFrom: measureMovedFrom };
					counts.measures[measureResult.status] += 1;
					if (measureMovedFrom) counts.measures.moved += 1;
					return measureResult;
				})
			};
			counts.goals[result.status] += 1;
			if (movedFrom) counts.goals.moved += 1;
			return result;
		})
	}));
	return { fields, counts };
}
