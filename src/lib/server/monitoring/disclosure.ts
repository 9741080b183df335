// Statistical disclosure control of public indicator output. Every public reader (monitor, indicator
// and district pages, CSV exports, open-data API) passes its cells through `discloseCells`, so no
// output path can show a suppressed value or let one be recomputed from what it does show.
// Kept free of the database so that the rules are tested on worked examples (disclosure.test.ts).

export const DEFAULT_MIN_COUNT = 5;

/** Why a public cell shows no value: entered as suppressed, a small count, or protecting another cell. */
export type SuppressionReason = 'flagged' | 'small_count' | 'secondary';

export type DisclosureCell = {
	id: string;
	indicatorId: string;
	periodStart: string;
	periodEnd: string;
	/** `dimension=member` pairs sorted by dimension key, `''` without breakdowns (docs/indicator-model.md). */
	seriesKey: string;
	value: number | null;
	qualifier: string | null;
	suppressed: boolean;
};

export type DisclosurePolicy = {
	/** Counts of people/cases add up over a breakdown; shares, durations and averages do not. */
	additiveCount: boolean;
	minCount: number;
};

export type Disclosed = { value: number | null; qualifier: string | null; suppression: SuppressionReason | null };

// Units that name a ratio, a duration, money or a score: such values are neither small counts of
// people nor sums over a breakdown, so neither the threshold nor the subtraction rule applies.
const NON_COUNT_UNIT = /%|‰|prozent|anteil|quote|rate|index|punkt|tag|woche|monat|jahr|stunde|minute|€|euro|eur\b|km|m²|qm|\/|\bje\b|\bpro\b|durchschnitt|mittel|ø/i;

/** Whether an indicator's values are counts: a non-empty unit that is not a ratio, duration, money or score. */
export function isCountUnit(unit: string): boolean {
	const trimmed = unit.trim();
	return trimmed !== '' && !NON_COUNT_UNIT.test(trimmed);
}

const TOTAL = 'total';

function membersOf(seriesKey: string): [string, string][] {
	return seriesKey === '' ? [] : seriesKey.split(',').map((pair) => pair.split('=') as [string, string]);
}

const keyOf = (members: [string, string][]) => members.map(([dimension, member]) => `${dimension}=${member}`).join(',');

type Group = { total: DisclosureCell | undefined; parts: DisclosureCell[] };

/**
 * The additive groups of a set of cells: for each dimension and each combination of the other
 * dimensions' members, the cell with this dimension's total and the cells of its other members
 * (same indicator and period). total = sum of parts when the indicator counts.
 */
function groupsOf(cells: DisclosureCell[]): Group[] {
	const groups = new Map<string, Group>();
	// A page judges thousands of cells over a few dozen series keys: each key is taken apart once.
	const placesOf = new Map<string, { rest: string; total: boolean }[]>();
	for (const cell of cells) {
		let places = placesOf.get(cell.seriesKey);
		if (!places) {
			const members = membersOf(cell.seriesKey);
			places = members.map(([, member], i) => ({
				rest: keyOf(members.map(([dimension, other], j) => [dimension, j === i ? '*' : other])),
				total: member === TOTAL
			}));
			placesOf.set(cell.seriesKey, places);
		}
		for (const { rest, total } of places) {
			const key = `${cell.indicatorId}|${cell.periodStart}|${cell.periodEnd}|${rest}`;
			let group = groups.get(key);
			if (!group) {
				group = { total: undefined, parts: [] };
				groups.set(key, group);
			}
			if (total) group.total = cell;
			else group.parts.push(cell);
		}
	}
	return [...groups.values()].filter((group) => group.total && group.parts.length > 0);
}

function isPrimary(cell: DisclosureCell, policy: DisclosurePolicy): SuppressionReason | null {
	if (cell.suppressed || cell.value === null) return 'flagged';
	if (!policy.additiveCount) return null;
	// A censored small count ("< 5") would be recomputed exactly from the others, so it is withheld too.
	if (cell.qualifier === '<' || cell.qualifier === '<=') return cell.value <= policy.minCount ? 'small_count' : null;
	// A true zero names nobody; 1 … minCount−1 people could be recognised.
	if (cell.value > 0 && cell.value < policy.minCount) return 'small_count';
	return null;
}

/**
 * Decides which cells the public sees: primary suppression (flagged cells; counts below the
 * indicator's minimum), then secondary suppression until every additive group is safe. A group with
 * a withheld cell is safe when at least two of its cells are not published exactly (so subtracting
 * the published cells from the total reveals only a sum) and that sum is not itself a small count.
 * Otherwise the smallest published part of the group is withheld as well — or the total, when no
 * part is left. Returns the public value per cell id; withheld cells have value and qualifier null.
 */
export function discloseCells(cells: DisclosureCell[], policyOf: (indicatorId: string) => DisclosurePolicy): Map<string, Disclosed> {
	const reason = new Map<string, SuppressionReason>();
	for (const cell of cells) {
		const primary = isPrimary(cell, policyOf(cell.indicatorId));
		if (primary) reason.set(cell.id, primary);
	}
	const additive = cells.filter((cell) => policyOf(cell.indicatorId).additiveCount);
	const groups = groupsOf(additive);
	for (let changed = true; changed; ) {
		changed = false;
		for (const group of groups) {
			const cellsOfGroup = [group.total!, ...group.parts];
			const withheld = cellsOfGroup.filter((cell) => reason.has(cell.id));
			if (withheld.length === 0) continue;
			const inexact = cellsOfGroup.filter((cell) => reason.has(cell.id) || cell.qualifier !== null);
			const minCount = policyOf(group.total!.indicatorId).minCount;
			const withheldParts = withheld.filter((cell) => cell !== group.total);
			const recoverableSum = withheldParts.every((cell) => cell.value !== null) ? withheldParts.reduce((sum, cell) => sum + (cell.value ?? 0), 0) : null;
			const sumIsSmall = !reason.has(group.total!.id) && recoverableSum !== null && recoverableSum > 0 && recoverableSum < minCount;
			if (inexact.length >= 2 && !sumIsSmall) continue;
			const next = group.parts
				.filter((cell) => !reason.has(cell.id))
				.sort((a, b) => (a.value ?? 0) - (b.value ?? 0) || a.seriesKey.localeCompare(b.seriesKey))[0];
			const victim = next ?? (reason.has(group.total!.id) ? undefined : group.total!);
			if (!victim) continue;
			reason.set(victim.id, 'secondary');
			changed = true;
		}
	}
	const result = new Map<string, Disclosed>();
	for (const cell of cells) {
		const why = reason.get(cell.id) ?? null;
		result.set(cell.id, why ? { value: null, qualifier: null, suppression: why } : { value: cell.value, qualifier: cell.qualifier, suppression: null });
	}
	return result;
}
