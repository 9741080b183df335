// The public coverage report of an edition: per field of action, per indicator, which values its
// latest period has. No value is read out: withheld cells are only counted, as the disclosure marks them.
import type { Executor } from '../db/client';
import { getEditionPage } from '../document/document.service';
import { loadDisclosure } from './disclosure.service';
import { selectIndicatorsOfEdition } from './monitor.queries';
import { coverageOf, type ExpectedMember, type IndicatorCoverage, type LatestCell } from './coverage';
import { selectExpectedMembers, selectLatestPeriodCells } from './coverage.queries';

type EditionScope = { db: Executor; municipalityId: string; strategySlug: string; number: number };

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
	const map = new Map<string, T[]>();
	for (const row of rows) map.set(key(row), [...(map.get(key(row)) ?? []), row]);
	return map;
}

export async function getCoverageReport({ db, municipalityId, strategySlug, number }: EditionScope) {
	const page = await getEditionPage({ db, municipalityId, strategySlug, number });
	const indicatorRows = await selectIndicatorsOfEdition(db, municipalityId, page.edition.id);
	const indicatorIds = indicatorRows.map((indicator) => indicator.id);
	const [cellRows, expectedRows, disclosure] = await Promise.all([
		selectLatestPeriodCells(db, municipalityId, indicatorIds),
		selectExpectedMembers(db, municipalityId, indicatorIds),
		// The latest period is each indicator's newest date: the disclosure judges exactly those cells.
		loadDisclosure(db, municipalityId, indicatorRows, { recentPeriods: 1 })
	]);
	const cellsOf = groupBy(cellRows, (row) => row.indicatorId);
	const expectedOf = groupBy<ExpectedMember & { indicatorId: string }>(expectedRows, (row) => row.indicatorId);
	const isWithheld = (cellId: string) => disclosure.of(cellId).suppression !== null;

	const coverageById = new Map<string, IndicatorCoverage>();
	for (const indicator of indicatorRows) {
		const rows = cellsOf.get(indicator.id) ?? [];
		const first = rows[0];
		const unique = new Map<string, LatestCell>(rows.map((row) => [row.cellId, row]));
		coverageById.set(
			indicator.id,
			coverageOf({
				period: first ? { kind: first.periodKind, start: first.periodStart, end: first.periodEnd } : null,
				cells: [...unique.values()],
				expected: expectedOf.get(indicator.id) ?? [],
				isWithheld
			})
		);
	}

	const fields = page.outline.map((field) => {
		const goalIds = new Set(field.goals.map((goal) => goal.id));
		const measureIds = new Set(field.goals.flatMap((goal) => goal.measures.map((measure) => measure.id)));
		const ofField = indicatorRows.filter((indicator) => (indicator.goalId && goalIds.has(indicator.goalId)) || (indicator.measureId && measureIds.has(indicator.measureId)));
		return {
			id: field.id,
			number: field.number,
			title: field.title,
			indicators: ofField.map((indicator) => ({ id: indicator.id, name: indicator.name, coverage: coverageById.get(indicator.id)! }))
		};
	});
	const all = fields.flatMap((field) => field.indicators);
	return {
		strategy: page.strategy,
		edition: page.edition,
		fields,
		indicatorCount: all.length,
		completeCount: all.filter((indicator) => indicator.coverage.complete).length
	};
}

export type CoverageReport = Awaited<ReturnType<typeof getCoverageReport>>;
