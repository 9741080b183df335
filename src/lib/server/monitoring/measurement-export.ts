// CSV export of an edition's measurements in the exchange format (docs/measurement-format.md),
// streamed in keyset-paged batches so an export never holds all rows. A public export passes every
// value through the disclosure (withheld cells get the `suppressed` flag and no value); only the
// back office's exchange export (audience 'staff') carries unflagged values as stored, for an exact round trip.
import { and, asc, eq, gt, inArray } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { dimensions, indicatorBreakdowns, indicatorMeasurements } from './measurement.schema';
import { indicatorSources, indicators } from './monitoring.schema';
import { formatPeriod } from './measurement-period';
import { DIMENSION_COLUMN_PREFIX } from './measurement-import';
import { loadDisclosure } from './disclosure.service';

const PAGE = 5000;

function csvCell(text: string) {
	return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The dimension keys the edition's indicators are broken down by, sorted: its dim_ columns. */
async function dimensionKeysOf(db: Executor, municipalityId: string, editionId: string) {
	const rows = await db
		.selectDistinct({ key: dimensions.key })
		.from(indicatorBreakdowns)
		.innerJoin(indicators, eq(indicators.id, indicatorBreakdowns.indicatorId))
		.innerJoin(dimensions, eq(dimensions.id, indicatorBreakdowns.dimensionId))
		.where(and(eq(indicatorBreakdowns.municipalityId, municipalityId), eq(indicators.editionId, editionId)));
	return rows.map((row) => row.key).sort();
}

export async function* exportMeasurementsCsv(
	db: Executor,
	{ municipalityId, editionId, audience = 'public' }: { municipalityId: string; editionId: string; audience?: 'public' | 'staff' }
): AsyncGenerator<string> {
	const dimensionKeys = await dimensionKeysOf(db, municipalityId, editionId);
	yield ['indicator', 'period', 'value', 'qualifier', 'unit', ...dimensionKeys.map((key) => DIMENSION_COLUMN_PREFIX + key), 'flags', 'source', 'note'].join(',') + '\n';
	const editionIndicators = await db
		.select({ id: indicators.id, code: indicators.code, unit: indicators.unit })
		.from(indicators)
		.where(and(eq(indicators.municipalityId, municipalityId), eq(indicators.editionId, editionId)));
	if (editionIndicators.length === 0) return;
	const codes = new Map(editionIndicators.map((row) => [row.id, row.code]));
	const disclosure = audience === 'public' ? await loadDisclosure(db, municipalityId, editionIndicators) : null;
	let after: string | null = null;
	for (;;) {
		const page: {
			id: string;
			indicatorId: string;
			periodKind: 'year' | 'quarter' | 'month' | 'range';
			periodStart: string;
			periodEnd: string;
			seriesKey: string;
			value: number | null;
			qualifier: string | null;
			unit: string;
			estimate: boolean;
			provisional: boolean;
			seriesBreak: boolean;
			suppressed: boolean;
			source: string | null;
			note: string;
		}[] = await db
			.select({
				id: indicatorMeasurements.id,
				indicatorId: indicatorMeasurements.indicatorId,
				periodKind: indicatorMeasurements.periodKind,
				periodStart: indicatorMeasurements.periodStart,
				periodEnd: indicatorMeasurements.periodEnd,
				seriesKey: indicatorMeasurements.seriesKey,
				value: indicatorMeasurements.value,
				qualifier: indicatorMeasurements.qualifier,
				unit: indicatorMeasurements.unit,
				estimate: indicatorMeasurements.estimate,
				provisional: indicatorMeasurements.provisional,
				seriesBreak: indicatorMeasurements.seriesBreak,
				suppressed: indicatorMeasurements.suppressed,
				source: indicatorSources.key,
				note: indicatorMeasurements.sourceNote
			})
			.from(indicatorMeasurements)
			.leftJoin(indicatorSources, eq(indicatorSources.id, indicatorMeasurements.sourceId))
			.where(
				and(
					eq(indicatorMeasurements.municipalityId, municipalityId),
					inArray(indicatorMeasurements.indicatorId, [...codes.keys()]),
					after ? gt(indicatorMeasurements.id, after) : undefined
				)
			)
			.orderBy(asc(indicatorMeasurements.id))
			.limit(PAGE);
		if (page.length === 0) return;
		let chunk = '';
		for (const row of page) {
			const members = new Map(row.seriesKey === '' ? [] : row.seriesKey.split(',').map((pair) => pair.split('=') as [string, string]));
			const withheld = row.suppressed || row.value === null || (disclosure !== null && disclosure.of(row.id).suppression !== null);
			const flags = (['estimate', 'provisional', 'series_break', 'suppressed'] as const).filter((flag) =>
				flag === 'series_break' ? row.seriesBreak : flag === 'suppressed' ? withheld : row[flag]
			);
			const value = withheld ? '' : String(row.value);
			chunk +=
				[
					codes.get(row.indicatorId)!,
					formatPeriod({ kind: row.periodKind, start: row.periodStart, end: row.periodEnd }),
					value,
					value === '' ? '' : (row.qualifier ?? ''),
					row.unit,
					...dimensionKeys.map((key) => members.get(key) ?? ''),
					flags.join('|'),
					row.source ?? '',
					row.note
				]
					.map(csvCell)
					.join(',') + '\n';
		}
		yield chunk;
		after = page[page.length - 1].id;
		if (page.length < PAGE) return;
	}
}
