// Indicator snapshots: the values of an edition frozen when an annual report is published or the
// council adopts the edition, the corrections made since, and the comparison of two snapshots.
import { recordChange } from '../audit/audit.service';
import { calendarDayIn, calendarYearIn } from '../calendar-day';
import type { Database, Executor } from '../db/client';
import { requireRole, type Actor } from '../people/actor';
import { defineError } from '../shared/errors';
import { DEFAULT_MIN_COUNT, discloseCells, isCountUnit, type Disclosed, type DisclosureCell } from './disclosure';
import { MAX_DISCLOSURE_CELLS, selectDisclosureRules } from './disclosure.queries';
import { selectRevisedSince } from './measurement-revision.queries';
import { getIndicatorPage } from './monitoring.service';
import { selectCityValuesUntil, type ReportMeasurement } from './report.queries';
import {
	copyEditionValues,
	insertSnapshot,
	selectAnnualReportSnapshot,
	selectEditionForSnapshots,
	selectEditionIndicators,
	selectEditionPeriod,
	selectMemberLabels,
	selectSnapshotCells,
	selectSnapshotCityValuesUntil,
	selectSnapshots
} from './snapshot.queries';
import type { SnapshotKind } from './snapshot.schema';

export const snapshotEditionNotFound = defineError('snapshot_edition_not_found', 404);
export const snapshotNotFound = defineError('snapshot_not_found', 404);
export const snapshotYearNotOpen = defineError('snapshot_year_not_open', 400);
export const annualReportAlreadyPublished = defineError('snapshot_report_already_published', 409);

const STAFF = ['admin', 'facilitator'] as const;
export const COMPARE_PAGE_SIZE = 100;

type SnapshotRequest = { municipalityId: string; editionId: string; kind: SnapshotKind; year: number; label: string; takenBy: string | null; takenAt?: Date };

/** Freezes every measurement of the edition's indicators. Call inside the transaction that publishes or adopts. */
export async function takeSnapshot(tx: Executor, request: SnapshotRequest) {
	const snapshot = await insertSnapshot(tx, request);
	if (!snapshot) throw annualReportAlreadyPublished({ year: request.year });
	const valueCount = await copyEditionValues(tx, request.municipalityId, request.editionId, snapshot.id);
	return { ...snapshot, valueCount };
}

/** The council adopted the edition on `decidedOn`: its indicator values as they stood are kept. */
export async function takeAdoptionSnapshot(
	tx: Executor,
	{ municipalityId, editionId, decidedOn, takenBy, takenAt }: { municipalityId: string; editionId: string; decidedOn: string; takenBy: string | null; takenAt?: Date }
) {
	return takeSnapshot(tx, { municipalityId, editionId, kind: 'adoption', year: Number(decidedOn.slice(0, 4)), label: decidedOn, takenBy, takenAt });
}

/** The years whose annual report can be published: the edition's period up to the current year. */
export function publishableYears(edition: { periodStart: number; periodEnd: number }, currentYear: number) {
	const years: number[] = [];
	for (let year = Math.min(edition.periodEnd, currentYear); year >= edition.periodStart; year--) years.push(year);
	return years;
}

/**
 * Publishes the annual report of a year: its indicator values are frozen, and the public report of
 * that year reads them from then on. Once per year; staff only; audited.
 */
export async function publishAnnualReport({
	db,
	actor,
	municipalityId,
	editionId,
	year,
	timeZone = 'Europe/Berlin',
	now = new Date()
}: {
	db: Database;
	actor: Actor | null;
	municipalityId: string;
	editionId: string;
	year: number;
	timeZone?: string;
	now?: Date;
}) {
	const staff = requireRole(actor, municipalityId, STAFF);
	return db.transaction(async (tx) => {
		const edition = await selectEditionPeriod(tx, municipalityId, editionId);
		if (!edition) throw snapshotEditionNotFound();
		const today = calendarDayIn(timeZone, now);
		if (!publishableYears(edition, Number(today.slice(0, 4))).includes(year)) throw snapshotYearNotOpen({ year });
		const snapshot = await takeSnapshot(tx, { municipalityId, editionId, kind: 'annual_report', year, label: today, takenBy: staff.userId });
		await recordChange(tx, { actor: staff, municipalityId, action: 'create', entityType: 'indicator_snapshot', entityId: snapshot.id, after: snapshot });
		return snapshot;
	});
}

/** The back office's view of an edition's annual reports: those published and the years still open. Staff only. */
export async function getAnnualReportPublishing({
	db,
	actor,
	municipalityId,
	editionId,
	timeZone = 'Europe/Berlin',
	now = new Date()
}: {
	db: Database;
	actor: Actor | null;
	municipalityId: string;
	editionId: string;
	timeZone?: string;
	now?: Date;
}) {
	requireRole(actor, municipalityId, STAFF);
	const [edition, snapshots] = await Promise.all([selectEditionPeriod(db, municipalityId, editionId), selectSnapshots(db, municipalityId, editionId)]);
	if (!edition) throw snapshotEditionNotFound();
	const published = snapshots.filter((snapshot) => snapshot.kind === 'annual_report').map((snapshot) => ({ ...snapshot, takenOn: calendarDayIn(timeZone, snapshot.takenAt) }));
	const done = new Set(published.map((snapshot) => snapshot.year));
	return { published, openYears: publishableYears(edition, calendarYearIn(timeZone, now)).filter((year) => !done.has(year)) };
}

/** City-wide values of the report year: frozen once the year's report is published, live before. */
export async function annualReportValues(db: Executor, municipalityId: string, editionId: string, indicatorIds: string[], year: number): Promise<ReportMeasurement[]> {
	const until = `${year}-12-31`;
	const published = await selectAnnualReportSnapshot(db, municipalityId, editionId, year);
	return published ? selectSnapshotCityValuesUntil(db, municipalityId, published.id, indicatorIds, until) : selectCityValuesUntil(db, municipalityId, indicatorIds, until);
}

type IndicatorUnit = { id: string; unit: string };

/**
 * Frozen cells judged by disclosure control with the municipality's rules of today, exactly as the
 * monitor judges live cells: what is withheld now is withheld in every snapshot too.
 */
async function discloseFrozen(db: Executor, municipalityId: string, indicatorList: IndicatorUnit[], rows: DisclosureCell[]) {
	const rules = await selectDisclosureRules(db, municipalityId);
	let cells = rows;
	if (rows.length > MAX_DISCLOSURE_CELLS) {
		const cut = rows[MAX_DISCLOSURE_CELLS].periodEnd;
		cells = rows.slice(0, MAX_DISCLOSURE_CELLS).filter((row) => row.periodEnd > cut);
	}
	const municipalMin = rules.find((rule) => rule.indicatorId === null)?.minCount ?? DEFAULT_MIN_COUNT;
	const minOf = new Map(rules.filter((rule) => rule.indicatorId !== null).map((rule) => [rule.indicatorId!, rule.minCount]));
	const unitOf = new Map(indicatorList.map((indicator) => [indicator.id, indicator.unit]));
	const disclosed = discloseCells(cells, (indicatorId) => ({ additiveCount: isCountUnit(unitOf.get(indicatorId) ?? ''), minCount: minOf.get(indicatorId) ?? municipalMin }));
	return { cells, of: (id: string): Disclosed => disclosed.get(id) ?? { value: null, qualifier: null, suppression: 'flagged' } };
}

export type RevisionNote = { measurementId: string; measuredOn: string; districtName: string | null; changedOn: string; oldValue: number; newValue: number };

/**
 * The public indicator page with, for each value shown that was corrected after the edition's newest
 * snapshot, what it was then and what it is now. Both must be published values: a correction of a
 * withheld cell, or one that withholds a cell, is not told.
 */
export async function getIndicatorPageWithRevisions(scope: Parameters<typeof getIndicatorPage>[0] & { timeZone?: string }) {
	const page = await getIndicatorPage(scope);
	const [newest] = await selectSnapshots(scope.db, scope.municipalityId, page.edition.id);
	const revisions = newest ? await revisionNotes(scope.db, scope.municipalityId, newest, page.indicator, page.measurements, scope.timeZone ?? 'Europe/Berlin') : [];
	return { ...page, revisions, revisedSince: revisions.length > 0 ? { kind: newest.kind, year: newest.year, label: newest.label } : null };
}

async function revisionNotes(
	db: Executor,
	municipalityId: string,
	newest: { id: string; takenAt: Date },
	indicator: IndicatorUnit,
	shown: { id: string; measuredOn: string; districtName: string | null; value: number | null; suppression: string | null }[],
	timeZone: string
): Promise<RevisionNote[]> {
	const revised = await selectRevisedSince(db, municipalityId, indicator.id, newest.takenAt);
	if (revised.length === 0) return [];
	const frozen = await discloseFrozen(db, municipalityId, [indicator], await selectSnapshotCells(db, municipalityId, newest.id, [indicator.id]));
	const shownById = new Map(shown.map((row) => [row.id, row]));
	return revised
		.flatMap(({ measurementId, changedAt }) => {
			const row = shownById.get(measurementId);
			const before = frozen.of(measurementId);
			if (!row || row.value === null || row.suppression !== null || before.value === null || before.value === row.value) return [];
			return [{ measurementId, measuredOn: row.measuredOn, districtName: row.districtName, changedOn: calendarDayIn(timeZone, changedAt), oldValue: before.value, newValue: row.value }];
		})
		.sort((a, b) => b.measuredOn.localeCompare(a.measuredOn) || (a.districtName ?? '').localeCompare(b.districtName ?? ''));
}

type Side = { value: number | null; qualifier: string | null; withheld: boolean } | null;

export type CompareRow = {
	indicatorId: string;
	indicatorName: string;
	unit: string;
	periodKind: string;
	periodStart: string;
	periodEnd: string;
	/** Member labels of the detailed dimensions; empty for the overall value. */
	series: string[];
	from: Side;
	to: Side;
	difference: number | null;
	changed: boolean;
};

const sideOf = (disclosed: Disclosed | undefined): Side => (disclosed ? { value: disclosed.value, qualifier: disclosed.qualifier, withheld: disclosed.value === null } : null);

const sameSide = (a: Side, b: Side) =>
	a === null || b === null ? a === b : a.withheld === b.withheld && a.value === b.value && a.qualifier === b.qualifier;

/**
 * The public list of an edition's snapshots and, for two of them (by default the two newest), every
 * indicator value in each and the difference, a page at a time. Cells pass disclosure control on both
 * sides; a withheld cell shows neither its value nor whether it changed.
 */
export async function getSnapshotsPage({
	db,
	municipalityId,
	strategySlug,
	number,
	from,
	to,
	page = 1,
	changedOnly = false,
	timeZone = 'Europe/Berlin'
}: {
	db: Database;
	municipalityId: string;
	strategySlug: string;
	number: number;
	from?: string | null;
	to?: string | null;
	page?: number;
	changedOnly?: boolean;
	timeZone?: string;
}) {
	const edition = await selectEditionForSnapshots(db, municipalityId, strategySlug, number);
	if (!edition) throw snapshotEditionNotFound();
	const snapshots = (await selectSnapshots(db, municipalityId, edition.id)).map((snapshot) => ({ ...snapshot, takenOn: calendarDayIn(timeZone, snapshot.takenAt) }));
	const base = { edition, snapshots };
	if (snapshots.length === 0) return { ...base, comparison: null };
	const find = (id: string | null | undefined, fallback: (typeof snapshots)[number]) => {
		if (!id) return fallback;
		const found = snapshots.find((snapshot) => snapshot.id === id);
		if (!found) throw snapshotNotFound();
		return found;
	};
	const toSnapshot = find(to, snapshots[0]);
	const fromSnapshot = find(from, snapshots[1] ?? snapshots[0]);
	const [indicatorList, labels] = await Promise.all([selectEditionIndicators(db, municipalityId, edition.id), selectMemberLabels(db, municipalityId)]);
	const ids = indicatorList.map((indicator) => indicator.id);
	const [fromCells, toCells] = await Promise.all([selectSnapshotCells(db, municipalityId, fromSnapshot.id, ids), selectSnapshotCells(db, municipalityId, toSnapshot.id, ids)]);
	const [fromJudged, toJudged] = await Promise.all([discloseFrozen(db, municipalityId, indicatorList, fromCells), discloseFrozen(db, municipalityId, indicatorList, toCells)]);
	const labelOf = new Map(labels.map((label) => [`${label.dimensionKey}=${label.memberKey}`, label.label]));
	const indicatorOf = new Map(indicatorList.map((indicator, position) => [indicator.id, { ...indicator, position }]));
	const keyOf = (cell: DisclosureCell) => `${cell.indicatorId}|${cell.seriesKey}|${cell.periodStart}|${cell.periodEnd}`;

	const rows = new Map<string, { cell: (typeof fromCells)[number]; from?: string; to?: string }>();
	for (const cell of fromJudged.cells as typeof fromCells) rows.set(keyOf(cell), { cell, from: cell.id });
	for (const cell of toJudged.cells as typeof toCells) {
		const key = keyOf(cell);
		rows.set(key, { ...(rows.get(key) ?? { cell }), to: cell.id });
	}
	const all: (CompareRow & { position: number; seriesKey: string })[] = [...rows.values()].map(({ cell, from: fromId, to: toId }) => {
		const indicator = indicatorOf.get(cell.indicatorId)!;
		const fromSide = fromId ? sideOf(fromJudged.of(fromId)) : null;
		const toSide = toId ? sideOf(toJudged.of(toId)) : null;
		const comparable = fromSide && toSide && fromSide.value !== null && toSide.value !== null && fromSide.qualifier === null && toSide.qualifier === null;
		return {
			indicatorId: indicator.id,
			indicatorName: indicator.name,
			unit: indicator.unit,
			position: indicator.position,
			seriesKey: cell.seriesKey,
			periodKind: cell.periodKind,
			periodStart: cell.periodStart,
			periodEnd: cell.periodEnd,
			series: cell.seriesKey === '' ? [] : cell.seriesKey.split(',').filter((pair) => !pair.endsWith('=total')).map((pair) => labelOf.get(pair) ?? pair),
			from: fromSide,
			to: toSide,
			difference: comparable ? Math.round((toSide.value! - fromSide.value!) * 1e9) / 1e9 : null,
			// Withheld on both sides says nothing; a withheld side against a shown one is a visible change.
			changed: !sameSide(fromSide, toSide) && !(fromSide?.withheld && toSide?.withheld)
		};
	});
	const selected = (changedOnly ? all.filter((row) => row.changed) : all).sort(
		(a, b) => a.position - b.position || b.periodEnd.localeCompare(a.periodEnd) || b.periodStart.localeCompare(a.periodStart) || a.seriesKey.localeCompare(b.seriesKey)
	);
	const pageCount = Math.max(1, Math.ceil(selected.length / COMPARE_PAGE_SIZE));
	const current = Math.min(Math.max(1, page), pageCount);
	return {
		...base,
		comparison: {
			from: fromSnapshot,
			to: toSnapshot,
			changedOnly,
			total: all.length,
			changedCount: all.filter((row) => row.changed).length,
			shownCount: selected.length,
			page: current,
			pageCount,
			rows: selected.slice((current - 1) * COMPARE_PAGE_SIZE, current * COMPARE_PAGE_SIZE).map(({ position: _position, seriesKey: _seriesKey, ...row }) => row)
		}
	};
}
