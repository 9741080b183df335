// The query → public boundary of indicator values: readers of public output load the disclosure of
// the indicators they show and print `value` only where it is not withheld (docs/indicator-model.md,
// "Disclosure control").
import type { Executor } from '../db/client';
import { BoundedMemo } from '../shared/bounded-memo';
import { DEFAULT_MIN_COUNT, discloseCells, isCountUnit, type Disclosed, type DisclosureCell } from './disclosure';
import { MAX_DISCLOSURE_CELLS, selectCellsOfIndicators, selectDisclosureRules, selectRecentCellsOfIndicators, upsertDisclosureRule } from './disclosure.queries';

export type { Disclosed, SuppressionReason } from './disclosure';

type IndicatorUnit = { id: string; unit: string };

export type Disclosure = {
	/** The public form of a cell; a cell the disclosure does not know (e.g. written since) is withheld. */
	of(cellId: string): Disclosed;
	/** The newest published city value (all members total) of an indicator. */
	latestCity(indicatorId: string): PublishedValue | undefined;
	/** The newest published value of one district (district member set, all other members total). */
	latestInDistrict(indicatorId: string, districtSlug: string): PublishedValue | undefined;
};

export type PublishedValue = { value: number; measuredOn: string };

/** 'city' for the all-members total, 'district=<slug>' for one district's total, null for any other breakdown. */
function cityOrDistrictSeries(seriesKey: string): string | null {
	const detailed = seriesKey === '' ? [] : seriesKey.split(',').filter((pair) => !pair.endsWith('=total'));
	return detailed.length === 0 ? 'city' : detailed.length === 1 && detailed[0].startsWith('district=') ? detailed[0] : null;
}

const unknownCell: Disclosed = { value: null, qualifier: null, suppression: 'flagged' };

type DisclosureOptions = { recentPeriods?: number; onDates?: string[] };

let kept: { db: Executor; disclosures: BoundedMemo<Disclosure> } | undefined;

/**
 * The server keeps the disclosures of indicators' newest periods until the next public change: every monitor
 * page, indicator page and the open-data API's indicators judge the same cells again, which took a third of
 * the monitor page's CPU (38–41 → 25–26 ms a request). The runtime clears them with the public page cache.
 * Only reads through `db`, the server's own handle, are kept: a transaction may see writes of its own that
 * are not committed. Exports and API pages of measurements (every cell, or the dates of one page) are not
 * kept: there are as many of them as pages, and each can hold 50,000 cells.
 */
export function keepRecentDisclosures(db: Executor, limit = 16): { clear: () => void; stop: () => void } {
	const own = { db, disclosures: new BoundedMemo<Disclosure>(limit) };
	kept = own;
	return {
		clear: () => own.disclosures.clear(),
		stop: () => {
			if (kept === own) kept = undefined;
		}
	};
}

/**
 * Loads the cells of the indicators and decides what the public may see: every cell, the newest
 * `recentPeriods` reference dates, or the periods ending on `onDates`. When the read holds more than
 * MAX_DISCLOSURE_CELLS cells, the oldest period read may be incomplete; its cells are left out
 * (withheld) rather than judged on part of their groups.
 */
export function loadDisclosure(db: Executor, municipalityId: string, indicatorList: IndicatorUnit[], options: DisclosureOptions = {}): Promise<Disclosure> {
	if (kept && db === kept.db && options.recentPeriods && !options.onDates) {
		const key = `${municipalityId}|${options.recentPeriods}|${indicatorList.map((indicator) => indicator.id).join(',')}`;
		return kept.disclosures.get(key, () => judgeDisclosure(db, municipalityId, indicatorList, options));
	}
	return judgeDisclosure(db, municipalityId, indicatorList, options);
}

async function judgeDisclosure(db: Executor, municipalityId: string, indicatorList: IndicatorUnit[], options: DisclosureOptions): Promise<Disclosure> {
	const indicatorIds = indicatorList.map((indicator) => indicator.id);
	// Groups never span periods, so judging only the newest periods, or only the periods ending on the dates a
	// page shows, decides them exactly as a full read would.
	const [rows, rules] = await Promise.all([
		options.recentPeriods && !options.onDates
			? selectRecentCellsOfIndicators(db, municipalityId, indicatorIds, options.recentPeriods)
			: selectCellsOfIndicators(db, municipalityId, indicatorIds, options.onDates),
		selectDisclosureRules(db, municipalityId)
	]);
	let cells: DisclosureCell[] = rows;
	if (rows.length > MAX_DISCLOSURE_CELLS) {
		const cut = rows[MAX_DISCLOSURE_CELLS].periodEnd;
		cells = rows.slice(0, MAX_DISCLOSURE_CELLS).filter((row) => row.periodEnd > cut);
	}
	const municipalMin = rules.find((rule) => rule.indicatorId === null)?.minCount ?? DEFAULT_MIN_COUNT;
	const minOf = new Map(rules.filter((rule) => rule.indicatorId !== null).map((rule) => [rule.indicatorId!, rule.minCount]));
	const unitOf = new Map(indicatorList.map((indicator) => [indicator.id, indicator.unit]));
	const disclosed = discloseCells(cells, (indicatorId) => ({
		additiveCount: isCountUnit(unitOf.get(indicatorId) ?? ''),
		minCount: minOf.get(indicatorId) ?? municipalMin
	}));
	// Cells arrive newest period first, so the first published cell of a series is its latest value.
	const latest = new Map<string, PublishedValue>();
	const seriesOf = new Map<string, string | null>();
	for (const cell of cells) {
		const value = disclosed.get(cell.id)!.value;
		if (value === null) continue;
		let series = seriesOf.get(cell.seriesKey);
		if (series === undefined) {
			series = cityOrDistrictSeries(cell.seriesKey);
			seriesOf.set(cell.seriesKey, series);
		}
		if (!series) continue;
		const key = `${cell.indicatorId}|${series}`;
		if (!latest.has(key)) latest.set(key, { value, measuredOn: cell.periodEnd });
	}
	return {
		of: (cellId) => disclosed.get(cellId) ?? unknownCell,
		latestCity: (indicatorId) => latest.get(`${indicatorId}|city`),
		latestInDistrict: (indicatorId, districtSlug) => latest.get(`${indicatorId}|district=${districtSlug}`)
	};
}

/** Sets the minimum count of a municipality (indicatorId null) or of one indicator. Call inside the writing transaction. */
export async function setMinimumCount(tx: Executor, municipalityId: string, indicatorId: string | null, minCount: number) {
	await upsertDisclosureRule(tx, { municipalityId, indicatorId, minCount });
}
