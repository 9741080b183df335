import type { Field, Goal, Measure } from './document.queries';

export type OutlineGoal = Goal & { number: string; measures: (Measure & { number: string })[] };
export type OutlineField = Field & { number: string; goals: OutlineGoal[] };

/** Nests fields → goals → measures and numbers them the way the printed document does (2, 2.3, 2.3.1). */
export function buildOutline(fieldRows: Field[], goalRows: Goal[], measureRows: Measure[]): OutlineField[] {
	const measuresByGoal = new Map<string, Measure[]>();
	for (const measure of measureRows) {
		const list = measuresByGoal.get(measure.goalId) ?? [];
		list.push(measure);
		measuresByGoal.set(measure.goalId, list);
	}
	const goalsByField = new Map<string, Goal[]>();
	for (const goal of goalRows) {
		const list = goalsByField.get(goal.fieldId) ?? [];
		list.push(goal);
		goalsByField.set(goal.fieldId, list);
	}
	return fieldRows.map((field, fieldIndex) => {
		const fieldNumber = String(fieldIndex + 1);
		return {
			...field,
			number: fieldNumber,
			goals: (goalsByField.get(field.id) ?? []).map((goal, goalIndex) => {
				const goalNumber = `${fieldNumber}.${goalIndex + 1}`;
				return {
					...goal,
					number: goalNumber,
					measures: (measuresByGoal.get(goal.id) ?? []).map((measure, measureIndex) => ({
						...measure,
						number: `${goalNumber}.${measureIndex + 1}`
					}))
				};
			})
		};
	});
}
