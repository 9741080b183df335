// Which values an indicator has for its latest period, counted against what its breakdowns expect.
// Kept free of the database so that the counting is read in one place; coverage.test.ts runs it on
// a real database through the service.
import type { MeasurementPeriodKind } from '../../measurement-values';

export type CellState = 'present' | 'withheld' | 'missing';

export type LatestCell = { cellId: string; detailLevel: number; dimensionId: string | null; memberId: string | null };
export type ExpectedMember = { dimensionId: string; dimensionLabel: string; memberId: string; memberLabel: string };

export type BreakdownCoverage = {
	dimensionId: string;
	label: string;
	expected: number;
	/** Members with a value for the period, withheld ones included. */
	present: number;
	withheld: number;
	missing: string[];
};

export type IndicatorCoverage = {
	period: { kind: MeasurementPeriodKind; start: string; end: string } | null;
	/** The overall value (every member total); null while the indicator has no value at all. */
	total: CellState | null;
	breakdowns: BreakdownCoverage[];
	/** The latest period has the total and every expected member. */
	complete: boolean;
};

/**
 * Counts one indicator's latest period. A member counts as present when a value broken down by its
 * dimension alone (every other dimension total) exists; withheld values (suppressed as entered or by
 * disclosure control) count as present and are told apart, never shown.
 */
export function coverageOf({
	period,
	cells,
	expected,
	isWithheld
}: {
	period: IndicatorCoverage['period'];
	cells: LatestCell[];
	expected: ExpectedMember[];
	isWithheld: (cellId: string) => boolean;
}): IndicatorCoverage {
	const overall = cells.find((cell) => cell.detailLevel === 0);
	const total: CellState | null = period === null ? null : !overall ? 'missing' : isWithheld(overall.cellId) ? 'withheld' : 'present';
	const cellOfMember = new Map(cells.filter((cell) => cell.detailLevel === 1 && cell.memberId).map((cell) => [cell.memberId!, cell.cellId]));
	const byDimension = new Map<string, BreakdownCoverage>();
	for (const member of expected) {
		const breakdown = byDimension.get(member.dimensionId) ?? { dimensionId: member.dimensionId, label: member.dimensionLabel, expected: 0, present: 0, withheld: 0, missing: [] };
		breakdown.expected++;
		const cellId = cellOfMember.get(member.memberId);
		if (!cellId) breakdown.missing.push(member.memberLabel);
		else {
			breakdown.present++;
			if (isWithheld(cellId)) breakdown.withheld++;
		}
		byDimension.set(member.dimensionId, breakdown);
	}
	const breakdowns = [...byDimension.values()];
	const complete = total !== null && total !== 'missing' && breakdowns.every((breakdown) => breakdown.missing.length === 0);
	return { period, total, breakdowns, complete };
}
