// Rules of the measurement model: a measurement names one member of each dimension its indicator
// expects (the total when not broken down), and its series_key is derived from exactly those members.
import type { Executor } from '../db/client';
import { type BreakdownMember, insertBreakdown, insertMeasurementRows, selectBreakdownMembers, selectIndicatorIdsOf, selectNextIndicatorCode, upsertDistrictDimension } from './measurement.queries';
import type { MeasurementPeriodKind } from '../../measurement-values';
import type { indicatorMeasurements } from './measurement.schema';

export { DISTRICT_DIMENSION_KEY, districtOfMeasurement } from './measurement.queries';

/** The canonical series key: `dimension=member` pairs sorted by dimension key, joined by commas. */
export function seriesKeyOf(members: Record<string, string>): string {
	return Object.keys(members)
		.sort()
		.map((dimension) => `${dimension}=${members[dimension]}`)
		.join(',');
}

/** Ensures the district dimension exists and is in step with the municipality's districts. */
export async function ensureDistrictDimension(tx: Executor, municipalityId: string) {
	return upsertDistrictDimension(tx, municipalityId);
}

/** The code an indicator gets when none is given: the edition's next `ind-N`. */
export async function nextIndicatorCode(tx: Executor, editionId: string) {
	return selectNextIndicatorCode(tx, editionId);
}

/** New indicators of a municipality with districts are broken down by district, as #6's were. */
export async function declareDistrictBreakdown(tx: Executor, municipalityId: string, indicatorId: string) {
	const dimensionId = await ensureDistrictDimension(tx, municipalityId);
	await insertBreakdown(tx, { indicatorId, dimensionId, municipalityId, position: 0 });
}

export type PlainMeasurement = {
	indicatorId: string;
	periodKind: MeasurementPeriodKind;
	periodStart: string;
	periodEnd: string;
	value: number | null;
	/** dimension key → member key; dimensions the indicator expects but left out mean `total`. */
	members?: Record<string, string>;
	/** Shortcut for the district dimension's member of this district. */
	districtId?: string | null;
} & Partial<Omit<typeof indicatorMeasurements.$inferInsert, 'indicatorId' | 'periodKind' | 'periodStart' | 'periodEnd' | 'value' | 'seriesKey' | 'municipalityId'>>;

export class UnknownIndicatorError extends Error {
	constructor(readonly indicatorId: string) {
		super(`unknown indicator ${indicatorId}`);
	}
}

export class UnknownMemberError extends Error {
	constructor(readonly dimensionKey: string, readonly memberKey: string) {
		super(`unknown member ${dimensionKey}=${memberKey}`);
	}
}

/**
 * Writes measurements of one municipality with their member combinations. Members are resolved
 * against the indicators' declared breakdowns, so a value can never name a dimension its indicator
 * does not expect, nor leave one blank. With `replace`, a value for an existing series and period
 * overwrites it; otherwise the unique index refuses the duplicate.
 */
export async function writeMeasurements(tx: Executor, municipalityId: string, measurements: PlainMeasurement[], options: { replace?: boolean } = {}) {
	if (measurements.length === 0) return [];
	const indicatorIds = [...new Set(measurements.map((m) => m.indicatorId))];
	const own = new Set(await selectIndicatorIdsOf(tx, municipalityId, indicatorIds));
	const foreign = indicatorIds.find((id) => !own.has(id));
	if (foreign) throw new UnknownIndicatorError(foreign);
	const breakdown = await selectBreakdownMembers(tx, municipalityId, indicatorIds);
	const byIndicator = new Map<string, Map<string, BreakdownMember[]>>();
	for (const member of breakdown) {
		const dims = byIndicator.get(member.indicatorId) ?? new Map<string, BreakdownMember[]>();
		dims.set(member.dimensionKey, [...(dims.get(member.dimensionKey) ?? []), member]);
		byIndicator.set(member.indicatorId, dims);
	}
	const rows = measurements.map(({ members = {}, districtId, ...values }) => {
		const dims = byIndicator.get(values.indicatorId) ?? new Map<string, BreakdownMember[]>();
		const chosen: Record<string, string> = {};
		const memberIds: { dimensionId: string; memberId: string }[] = [];
		for (const key of Object.keys(members)) if (!dims.has(key)) throw new UnknownMemberError(key, members[key]);
		for (const [dimensionKey, candidates] of dims) {
			const wanted = (m: BreakdownMember) =>
				districtId && dimensionKey === 'district' ? m.districtId === districtId : m.memberKey === (members[dimensionKey] ?? 'total');
			const member = candidates.find(wanted);
			if (!member) throw new UnknownMemberError(dimensionKey, members[dimensionKey] ?? districtId ?? 'total');
			chosen[dimensionKey] = member.memberKey;
			memberIds.push({ dimensionId: member.dimensionId, memberId: member.memberId });
		}
		if (districtId && !dims.has('district')) throw new UnknownMemberError('district', districtId);
		return { values: { ...values, municipalityId, seriesKey: seriesKeyOf(chosen) }, members: memberIds };
	});
	return insertMeasurementRows(tx, rows, options);
}
