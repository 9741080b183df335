// Comparing two published versions: word-level differences of every text, and what happened to each
// field, goal, measure and section, matched by lineage id so that renaming and moving are told apart
// from removing and adding.
import { diffWords } from 'diff';
import type { DocumentSnapshot, SnapshotField, SnapshotGoal, SnapshotMeasure, SnapshotParagraph, SnapshotSection } from './document.snapshot';

export type DiffPart = { kind: 'same' | 'inserted' | 'deleted'; text: string };
export type ItemChange = 'new' | 'removed' | 'changed' | 'moved';

export function diffText(before: string, after: string): DiffPart[] {
	if (before === after) return before === '' ? [] : [{ kind: 'same', text: before }];
	return diffWords(before, after).map((change) => ({
		kind: change.added ? 'inserted' : change.removed ? 'deleted' : 'same',
		text: change.value
	}));
}

type Compared = {
	lineageId: string;
	/** The anchor in the newer version, or in the older one for what was removed. */
	anchor: string;
	numberBefore: string | null;
	numberAfter: string | null;
	changes: ItemChange[];
	title: DiffPart[];
	description: DiffPart[];
};
export type ComparedMeasure = Compared;
export type ComparedGoal = Compared & { measures: ComparedMeasure[] };
export type ComparedField = Compared & { goals: ComparedGoal[] };
export type ComparedSection = Omit<Compared, 'numberBefore' | 'numberAfter'> & { body: DiffPart[] };

export type GoalSummary = { lineageId: string; anchor: string; number: string; title: string; changes: ItemChange[] };

export type DocumentComparison = {
	introduction: DiffPart[];
	fields: ComparedField[];
	sections: ComparedSection[];
	/** One line per goal that is new, changed, removed or moved; unchanged goals are left out. */
	goalSummary: GoalSummary[];
};

const textOf = (paragraphs: SnapshotParagraph[]) => paragraphs.map((paragraph) => paragraph.markdown).join('\n\n');

/** Lineage ids of the items kept in the same relative order (longest common subsequence); the rest moved. */
function keptInOrder(before: string[], after: string[]): Set<string> {
	const table = Array.from({ length: before.length + 1 }, () => new Array<number>(after.length + 1).fill(0));
	for (let i = before.length - 1; i >= 0; i--) {
		for (let j = after.length - 1; j >= 0; j--) {
			table[i][j] = before[i] === after[j] ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
		}
	}
	const kept = new Set<string>();
	let i = 0;
	let j = 0;
	while (i < before.length && j < after.length) {
		if (before[i] === after[j]) {
			kept.add(before[i]);
			i++;
			j++;
		} else if (table[i + 1][j] >= table[i][j + 1]) i++;
		else j++;
	}
	return kept;
}

/**
 * The newer list with the removed items of the older one put back where they stood: after the item
 * that preceded them in the older version, or first when nothing did.
 */
function merged<T extends { lineageId: string }>(before: T[], after: T[], isRemoved: (item: T) => boolean): { item: T; side: 'before' | 'after' }[] {
	const result: { item: T; side: 'before' | 'after' }[] = after.map((item) => ({ item, side: 'after' as const }));
	let previous: string | null = null;
	for (const item of before) {
		if (!isRemoved(item)) {
			previous = item.lineageId;
			continue;
		}
		const at = previous === null ? -1 : result.findIndex((entry) => entry.item.lineageId === previous);
		result.splice(at + 1, 0, { item, side: 'before' });
		previous = item.lineageId;
	}
	return result;
}

type Located<T> = { item: T; parent: string | null; order: number };

function index<T extends { lineageId: string }>(entries: Located<T>[]): Map<string, Located<T>> {
	return new Map(entries.map((entry) => [entry.item.lineageId, entry]));
}

/** Items that stayed under the same parent but left the common order are moved; so is every change of parent. */
function movedLineages<T extends { lineageId: string }>(
	before: Map<string, Located<T>>,
	after: Map<string, Located<T>>
): Set<string> {
	const moved = new Set<string>();
	const parents = new Set([...after.values()].map((entry) => entry.parent));
	for (const [lineageId, entry] of after) {
		const old = before.get(lineageId);
		if (old && old.parent !== entry.parent) moved.add(lineageId);
	}
	for (const parent of parents) {
		const stayed = (map: Map<string, Located<T>>) =>
			[...map.values()]
				.filter((entry) => entry.parent === parent && before.get(entry.item.lineageId)?.parent === parent && after.get(entry.item.lineageId)?.parent === parent)
				.sort((x, y) => x.order - y.order)
				.map((entry) => entry.item.lineageId);
		const beforeOrder = stayed(before);
		const afterOrder = stayed(after);
		const kept = keptInOrder(beforeOrder, afterOrder);
		for (const lineageId of afterOrder) if (!kept.has(lineageId)) moved.add(lineageId);
	}
	return moved;
}

function compareItem<T extends { lineageId: string; anchor: string; number: string; title: string; description: string }>(
	before: T | undefined,
	after: T | undefined,
	moved: boolean,
	childrenChanged: boolean
): Compared {
	const item = (after ?? before)!;
	const title = diffText(before?.title ?? '', after?.title ?? '');
	const description = diffText(before?.description ?? '', after?.description ?? '');
	const changes: ItemChange[] = [];
	if (!before) changes.push('new');
	else if (!after) changes.push('removed');
	else {
		if (before.title !== after.title || before.description !== after.description || childrenChanged) changes.push('changed');
		if (moved) changes.push('moved');
	}
	return {
		lineageId: item.lineageId,
		anchor: item.anchor,
		numberBefore: before?.number ?? null,
		numberAfter: after?.number ?? null,
		changes,
		title,
		description
	};
}

export function compareSnapshots(before: DocumentSnapshot, after: DocumentSnapshot): DocumentComparison {
	const fieldsBefore = index(before.fields.map((item) => ({ item, parent: null, order: item.position })));
	const fieldsAfter = index(after.fields.map((item) => ({ item, parent: null, order: item.position })));
	const goalsOf = (snapshot: DocumentSnapshot) =>
		index(snapshot.fields.flatMap((field) => field.goals.map((item) => ({ item, parent: field.lineageId, order: item.position }))));
	const measuresOf = (snapshot: DocumentSnapshot) =>
		index(
			snapshot.fields.flatMap((field) =>
				field.goals.flatMap((goal) => goal.measures.map((item) => ({ item, parent: goal.lineageId, order: item.position })))
			)
		);
	const goalsBefore = goalsOf(before);
	const goalsAfter = goalsOf(after);
	const measuresBefore = measuresOf(before);
	const measuresAfter = measuresOf(after);
	const movedFields = movedLineages(fieldsBefore, fieldsAfter);
	const movedGoals = movedLineages(goalsBefore, goalsAfter);
	const movedMeasures = movedLineages(measuresBefore, measuresAfter);

	const compareMeasure = (measure: SnapshotMeasure, side: 'before' | 'after'): ComparedMeasure =>
		side === 'before'
			? compareItem(measure, undefined, false, false)
			: compareItem(measuresBefore.get(measure.lineageId)?.item, measure, movedMeasures.has(measure.lineageId), false);

	const compareGoal = (goal: SnapshotGoal, side: 'before' | 'after'): ComparedGoal => {
		const old = side === 'before' ? goal : goalsBefore.get(goal.lineageId)?.item;
		const current = side === 'after' ? goal : undefined;
		// A measure that left for another goal shows there as moved; here it would be a false removal.
		const measures = merged(old?.measures ?? [], current?.measures ?? [], (measure) => !measuresAfter.has(measure.lineageId)).map(
			({ item, side: measureSide }) => compareMeasure(item, current ? measureSide : 'before')
		);
		const measuresChanged = measures.some((measure) => measure.changes.length > 0) || (old?.measures.length ?? 0) !== (current?.measures.length ?? 0);
		return { ...compareItem(old, current, movedGoals.has(goal.lineageId), measuresChanged), measures };
	};

	const compareField = (field: SnapshotField, side: 'before' | 'after'): ComparedField => {
		const old = side === 'before' ? field : fieldsBefore.get(field.lineageId)?.item;
		const current = side === 'after' ? field : undefined;
		const goals = merged(old?.goals ?? [], current?.goals ?? [], (goal) => !goalsAfter.has(goal.lineageId)).map(({ item, side: goalSide }) =>
			compareGoal(item, current ? goalSide : 'before')
		);
		return { ...compareItem(old, current, movedFields.has(field.lineageId), false), goals };
	};

	const fields = merged(before.fields, after.fields, (field) => !fieldsAfter.has(field.lineageId)).map(({ item, side }) => compareField(item, side));

	const sectionsBefore = new Map(before.sections.map((section) => [section.lineageId, section]));
	const sectionsAfter = new Set(after.sections.map((section) => section.lineageId));
	const compareSection = (section: SnapshotSection, side: 'before' | 'after'): ComparedSection => {
		const old = side === 'before' ? section : sectionsBefore.get(section.lineageId);
		const current = side === 'after' ? section : undefined;
		const body = diffText(old ? textOf(old.paragraphs) : '', current ? textOf(current.paragraphs) : '');
		const changes: ItemChange[] = !old ? ['new'] : !current ? ['removed'] : old.title !== current.title || textOf(old.paragraphs) !== textOf(current.paragraphs) ? ['changed'] : [];
		return { lineageId: section.lineageId, anchor: section.anchor, changes, title: diffText(old?.title ?? '', current?.title ?? ''), description: [], body };
	};
	const sections = merged(before.sections, after.sections, (section) => !sectionsAfter.has(section.lineageId)).map(({ item, side }) => compareSection(item, side));

	const goalSummary: GoalSummary[] = fields.flatMap((field) =>
		field.goals
			.filter((goal) => goal.changes.length > 0)
			.map((goal) => {
				const item = goalsAfter.get(goal.lineageId)?.item ?? goalsBefore.get(goal.lineageId)!.item;
				return { lineageId: goal.lineageId, anchor: goal.anchor, number: item.number, title: item.title, changes: goal.changes };
			})
	);

	return { introduction: diffText(textOf(before.introduction), textOf(after.introduction)), fields, sections, goalSummary };
}
