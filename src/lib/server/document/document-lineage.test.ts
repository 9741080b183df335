import { describe, expect, it } from 'vitest';
import { compareEditionStructures } from './document-lineage';
import type { DocumentSnapshot } from './document.snapshot';

// Two editions of a small strategy: each goal and measure names its lineage, as carried over.
type MeasureSpec = { lineage: string; title: string };
type GoalSpec = { lineage: string; title: string; description?: string; measures?: MeasureSpec[] };
type FieldSpec = { lineage: string; title: string; goals: GoalSpec[] };

function structure(fields: FieldSpec[]): DocumentSnapshot {
	return {
		format: 1,
		introduction: [],
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
			goals: field.goals.map((goal, goalIndex) => ({
				id: `id-${goal.lineage}`,
				lineageId: goal.lineage,
				anchor: `goal-${goal.lineage}`,
				number: `${fieldIndex + 1}.${goalIndex + 1}`,
				position: goalIndex,
				title: goal.title,
				description: goal.description ?? '',
				measures: (goal.measures ?? []).map((measure, measureIndex) => ({
					id: `id-${measure.lineage}`,
					lineageId: measure.lineage,
					anchor: `measure-${measure.lineage}`,
					number: `${fieldIndex + 1}.${goalIndex + 1}.${measureIndex + 1}`,
					position: measureIndex,
					title: measure.title,
					description: ''
				}))
			}))
		}))
	};
}

const third = structure([
	{
		lineage: 'arbeit',
		title: 'Arbeit',
		goals: [
			{ lineage: 'anerkennung', title: 'Abschlüsse schneller anerkennen', measures: [{ lineage: 'lotsen', title: 'Anerkennungslotsen' }] },
			{ lineage: 'gruendung', title: 'Gründungen fördern' },
			{ lineage: 'messe', title: 'Jobmesse ausrichten', measures: [{ lineage: 'stand', title: 'Stand der Kommune' }] }
		]
	},
	{ lineage: 'sprache', title: 'Sprache', goals: [{ lineage: 'kita', title: 'Sprachförderung in Kitas', description: 'In allen Kitas.' }] }
]);

const fourth = structure([
	{
		lineage: 'arbeit',
		title: 'Arbeit',
		goals: [
			{ lineage: 'gruendung', title: 'Gründungen fördern' },
			{
				lineage: 'anerkennung',
				title: 'Berufsabschlüsse schneller anerkennen',
				measures: [
					{ lineage: 'lotsen', title: 'Anerkennungslotsen' },
					{ lineage: 'sprechstunde', title: 'Sprechstunde im Bürgerbüro' }
				]
			}
		]
	},
	{
		lineage: 'sprache',
		title: 'Sprache',
		goals: [
			{ lineage: 'kita', title: 'Sprachförderung in Kitas', description: 'In allen Kitas und Familienzentren.', measures: [{ lineage: 'stand', title: 'Stand der Kommune' }] },
			{ lineage: 'messe', title: 'Jobmesse ausrichten' }
		]
	},
	{ lineage: 'wohnen', title: 'Wohnen', goals: [{ lineage: 'mietberatung', title: 'Mietberatung in vielen Sprachen' }] }
]);

const comparison = compareEditionStructures(third, fourth);
const goal = (lineage: string) => comparison.fields.flatMap((field) => field.goals).find((candidate) => candidate.lineageId === lineage)!;
const measure = (lineage: string) =>
	comparison.fields.flatMap((field) => field.goals.flatMap((candidate) => candidate.measures)).find((candidate) => candidate.lineageId === lineage)!;

describe('comparing two editions by lineage', () => {
	it('a goal kept word for word is continued, even when it changed place among its siblings', () => {
		expect(goal('gruendung')).toMatchObject({ status: 'continued', movedFrom: null, numberBefore: '1.2', numberAfter: '1.1' });
	});

	it('a goal whose title or text changed is continued with changes, with the words that changed', () => {
		expect(goal('anerkennung').status).toBe('changed');
		expect(goal('anerkennung').title.filter((part) => part.kind === 'inserted').map((part) => part.text.trim())).toContain('Berufsabschlüsse');
		expect(goal('kita').status).toBe('changed');
	});

	it('a goal in another field of action is shown there as moved, naming the field it came from', () => {
		expect(goal('messe')).toMatchObject({ status: 'continued', movedFrom: 'Arbeit' });
		const arbeit = comparison.fields.find((field) => field.lineageId === 'arbeit')!;
		expect(arbeit.goals.map((candidate) => candidate.lineageId)).not.toContain('messe');
	});

	it('goals and measures only in the later edition are new; a whole new field is new', () => {
		expect(goal('mietberatung').status).toBe('new');
		expect(measure('sprechstunde').status).toBe('new');
		expect(comparison.fields.find((field) => field.lineageId === 'wohnen')?.status).toBe('new');
	});

	it('what the later edition no longer has is dropped and keeps its old number and title', () => {
		const dropped = structure([{ lineage: 'arbeit', title: 'Arbeit', goals: [{ lineage: 'gruendung', title: 'Gründungen fördern' }] }]);
		const result = compareEditionStructures(third, dropped);
		const goals = result.fields.flatMap((field) => field.goals);
		expect(goals.find((candidate) => candidate.lineageId === 'anerkennung')).toMatchObject({ status: 'dropped', numberBefore: '1.1', numberAfter: null, titleText: 'Abschlüsse schneller anerkennen' });
		expect(result.fields.find((field) => field.lineageId === 'sprache')?.status).toBe('dropped');
		expect(result.counts.goals).toEqual({ new: 0, dropped: 3, continued: 1, changed: 0, moved: 0 });
	});

	it('a measure under another goal is moved, and counts sum up per kind', () => {
		expect(measure('stand')).toMatchObject({ status: 'continued', movedFrom: 'Jobmesse ausrichten' });
		expect(comparison.counts.goals).toEqual({ new: 1, dropped: 0, continued: 2, changed: 2, moved: 1 });
		expect(comparison.counts.measures).toEqual({ new: 1, dropped: 0, continued: 2, changed: 0, moved: 1 });
	});
});
