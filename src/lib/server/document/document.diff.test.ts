import { describe, expect, it } from 'vitest';
import { compareSnapshots, diffText, type ComparedGoal } from './document.diff';
import type { DocumentSnapshot, SnapshotGoal } from './document.snapshot';

// A small corpus of edits a facilitator makes between two drafts, each with what the comparison must say.

type GoalSpec = { lineage: string; title: string; description?: string; measures?: string[] };
type FieldSpec = { lineage: string; title: string; goals: GoalSpec[] };

function snapshot(fields: FieldSpec[], introduction = ''): DocumentSnapshot {
	return {
		format: 1,
		introduction: introduction ? [{ anchor: 'introduction-p1', markdown: introduction }] : [],
		sections: [],
		fields: fields.map((field, fieldIndex) => ({
			id: `id-${field.lineage}`,
			lineageId: field.lineage,
			anchor: `field-${field.lineage}`,
			number: String(fieldIndex + 1),
			position: fieldIndex,
			title: field.title,
			description: '',
			isFocus: false,
			goals: field.goals.map(
				(goal, goalIndex): SnapshotGoal => ({
					id: `id-${goal.lineage}`,
					lineageId: goal.lineage,
					anchor: `goal-${goal.lineage}`,
					number: `${fieldIndex + 1}.${goalIndex + 1}`,
					position: goalIndex,
					title: goal.title,
					description: goal.description ?? '',
					measures: (goal.measures ?? []).map((title, measureIndex) => ({
						id: `id-${goal.lineage}-m${measureIndex}`,
						lineageId: `${goal.lineage}-m${measureIndex}`,
						anchor: `measure-${goal.lineage}-m${measureIndex}`,
						number: `${fieldIndex + 1}.${goalIndex + 1}.${measureIndex + 1}`,
						position: measureIndex,
						title,
						description: ''
					}))
				})
			)
		}))
	};
}

const work: FieldSpec = {
	lineage: 'f-work',
	title: 'Wirtschaft und Arbeit',
	goals: [
		{ lineage: 'g-recognition', title: 'Abschlüsse schneller anerkennen', description: 'Die Wartezeit soll sich halbieren.' },
		{ lineage: 'g-founders', title: 'Gründungen beraten' },
		{ lineage: 'g-training', title: 'Ausbildung öffnen' }
	]
};
const participation: FieldSpec = { lineage: 'f-participation', title: 'Teilhabe', goals: [{ lineage: 'g-councils', title: 'Gremien öffnen' }] };

const summaryOf = (before: FieldSpec[], after: FieldSpec[]) =>
	Object.fromEntries(compareSnapshots(snapshot(before), snapshot(after)).goalSummary.map((goal) => [goal.lineageId, goal.changes]));

const goalIn = (fields: ReturnType<typeof compareSnapshots>['fields'], lineage: string): ComparedGoal =>
	fields.flatMap((field) => field.goals).find((goal) => goal.lineageId === lineage)!;

describe('comparing two versions of a document', () => {
	it('an unchanged document has no goal changes and no marked words', () => {
		const comparison = compareSnapshots(snapshot([work, participation]), snapshot([work, participation]));
		expect(comparison.goalSummary).toEqual([]);
		const parts = comparison.fields.flatMap((field) => [...field.title, ...field.goals.flatMap((goal) => [...goal.title, ...goal.description])]);
		expect(parts.every((part) => part.kind === 'same')).toBe(true);
	});

	it('reordering goals marks only the goal that left the order as moved, with old and new number', () => {
		const reordered = { ...work, goals: [work.goals[2], work.goals[0], work.goals[1]] };
		expect(summaryOf([work], [reordered])).toEqual({ 'g-training': ['moved'] });
		const training = goalIn(compareSnapshots(snapshot([work]), snapshot([reordered])).fields, 'g-training');
		expect([training.numberBefore, training.numberAfter]).toEqual(['1.3', '1.1']);
	});

	it('splitting a goal into two shows the original as changed and the second half as new', () => {
		const split = {
			...work,
			goals: [
				{ lineage: 'g-recognition', title: 'Abschlüsse schneller anerkennen', description: 'Die Wartezeit soll sich halbieren.' },
				{ lineage: 'g-recognition-2', title: 'Nachqualifizierung begleiten', description: 'Wer nachqualifiziert, wird begleitet.' },
				...work.goals.slice(1)
			]
		};
		split.goals[0] = { ...split.goals[0], title: 'Abschlüsse anerkennen' };
		expect(summaryOf([work], [split])).toEqual({ 'g-recognition': ['changed'], 'g-recognition-2': ['new'] });
		const comparison = compareSnapshots(snapshot([work]), snapshot([split]));
		expect(goalIn(comparison.fields, 'g-recognition').title).toEqual([
			{ kind: 'same', text: 'Abschlüsse ' },
			{ kind: 'deleted', text: 'schneller ' },
			{ kind: 'same', text: 'anerkennen' }
		]);
		expect(goalIn(comparison.fields, 'g-recognition-2').title).toEqual([{ kind: 'inserted', text: 'Nachqualifizierung begleiten' }]);
	});

	it('renaming a field changes the field, not its goals', () => {
		const renamed = { ...work, title: 'Arbeit, Ausbildung und Gründung' };
		const comparison = compareSnapshots(snapshot([work]), snapshot([renamed]));
		expect(comparison.goalSummary).toEqual([]);
		expect(comparison.fields[0].changes).toEqual(['changed']);
		expect(comparison.fields[0].title.filter((part) => part.kind !== 'same').map((part) => [part.kind, part.text.trim()])).toEqual([
			['deleted', 'Wirtschaft und'],
			['inserted', ', Ausbildung und Gründung']
		]);
	});

	it('changing one word of a goal marks exactly that word as deleted and its replacement as inserted', () => {
		const edited = {
			...work,
			goals: [{ ...work.goals[0], description: 'Die Wartezeit soll sich dritteln.' }, ...work.goals.slice(1)]
		};
		expect(summaryOf([work], [edited])).toEqual({ 'g-recognition': ['changed'] });
		const recognition = goalIn(compareSnapshots(snapshot([work]), snapshot([edited])).fields, 'g-recognition');
		expect(recognition.description).toEqual([
			{ kind: 'same', text: 'Die Wartezeit soll sich ' },
			{ kind: 'deleted', text: 'halbieren' },
			{ kind: 'inserted', text: 'dritteln' },
			{ kind: 'same', text: '.' }
		]);
	});

	it('a removed goal stays in the comparison where it stood, marked as removed', () => {
		const fewer = { ...work, goals: [work.goals[0], work.goals[2]] };
		const comparison = compareSnapshots(snapshot([work]), snapshot([fewer]));
		expect(comparison.fields[0].goals.map((goal) => [goal.lineageId, goal.changes])).toEqual([
			['g-recognition', []],
			['g-founders', ['removed']],
			['g-training', []]
		]);
		expect(summaryOf([work], [fewer])).toEqual({ 'g-founders': ['removed'] });
	});

	it('a goal that changes its field is moved, not removed and added', () => {
		const before = [work, participation];
		const after = [
			{ ...work, goals: work.goals.filter((goal) => goal.lineage !== 'g-founders') },
			{ ...participation, goals: [...participation.goals, work.goals[1]] }
		];
		expect(summaryOf(before, after)).toEqual({ 'g-founders': ['moved'] });
	});

	it('a new measure changes its goal', () => {
		const withMeasure = { ...work, goals: [{ ...work.goals[0], measures: ['Lotsendienst'] }, ...work.goals.slice(1)] };
		const comparison = compareSnapshots(snapshot([work]), snapshot([withMeasure]));
		expect(summaryOf([work], [withMeasure])).toEqual({ 'g-recognition': ['changed'] });
		expect(goalIn(comparison.fields, 'g-recognition').measures.map((measure) => measure.changes)).toEqual([['new']]);
	});

	it('the introduction is compared word by word', () => {
		const comparison = compareSnapshots(snapshot([], 'Münster ist vielfältig.'), snapshot([], 'Münster ist vielfältig und offen.'));
		expect(comparison.introduction.filter((part) => part.kind !== 'same').map((part) => [part.kind, part.text.trim()])).toEqual([
			['inserted', 'und offen']
		]);
	});

	it('equal texts are one unchanged part, empty texts none', () => {
		expect(diffText('gleich', 'gleich')).toEqual([{ kind: 'same', text: 'gleich' }]);
		expect(diffText('', '')).toEqual([]);
	});
});
