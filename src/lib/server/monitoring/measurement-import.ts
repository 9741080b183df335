// CSV import of measurements in the tidy exchange format (docs/measurement-format.md): one value per
// row, fixed English column keys, stable keys for indicators, dimension members and sources. The file
// is streamed: rows are validated against lookups loaded once, written in batches inside one
// transaction, and only the first errors are kept, so a million rows never sit in memory.
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { and, eq } from 'drizzle-orm';
import type { Database, Executor } from '../db/client';
import { announcePublicChange } from '../http/public-change';
import { dimensionMembers, dimensions, indicatorBreakdowns, measurementImportBatches } from './measurement.schema';
import { indicatorSources, indicators } from './monitoring.schema';
import { insertImportedMeasurementRows, selectStoredSeriesPeriods } from './measurement.queries';
import { parsePeriod } from './measurement-period';
import { seriesKeyOf } from './measurement.service';
import { measurementFlags, measurementQualifiers, TOTAL_MEMBER_KEY, type MeasurementFlag, type MeasurementQualifier } from '../../measurement-values';

export const fixedColumns = ['indicator', 'period', 'value', 'qualifier', 'unit', 'flags', 'source', 'note'] as const;
export const DIMENSION_COLUMN_PREFIX = 'dim_';

export const importErrorCodes = [
	'missing_column',
	'unknown_column',
	'unknown_dimension',
	'semicolon_separator',
	'whitespace',
	'unknown_indicator',
	'invalid_period',
	'missing_value',
	'qualifier_in_value',
	'decimal_comma',
	'invalid_value',
	'invalid_qualifier',
	'invalid_flag',
	'unknown_source',
	'blank_member',
	'unknown_member',
	'unexpected_dimension',
	'duplicate_in_file',
	'duplicate_existing',
	'wrong_column_count'
] as const;
export type ImportErrorCode = (typeof importErrorCodes)[number];
export type ImportError = { line: number; column: string; code: ImportErrorCode; value: string };

export type ImportOptions = {
	municipalityId: string;
	editionId: string;
	/** Import the valid rows and report the rest (default: import nothing when any row is invalid). */
	partial?: boolean;
	/** What a value for an existing series and period does: refused as an error (default) or replaces it. */
	onExisting?: 'error' | 'replace';
	/** German spreadsheet mode: semicolon separators and decimal commas (1.234,5). */
	german?: boolean;
	fileName?: string;
	startedBy?: string | null;
	/** How many errors the report keeps (all are counted). */
	keepErrors?: number;
	onProgress?: (rowsRead: number) => void;
	/** Runs inside the import's transaction once the rows are in, e.g. to audit the import with it. */
	beforeCommit?: (tx: Executor, report: ImportReport) => Promise<void>;
};

export type ImportReport = { batchId: string | null; rowsRead: number; imported: number; rejected: number; errors: ImportError[]; committed: boolean };

const BATCH = 2000;

type Lookups = {
	indicators: Map<string, { id: string; dims: Map<string, Map<string, string>> }>;
	dimensionIds: Map<string, string>;
	sources: Map<string, string>;
};

async function loadLookups(db: Executor, municipalityId: string, editionId: string): Promise<Lookups> {
	// One after another: the import runs them inside its transaction, on one connection.
	const indicatorRows = await db
		.select({ id: indicators.id, code: indicators.code })
		.from(indicators)
		.where(and(eq(indicators.municipalityId, municipalityId), eq(indicators.editionId, editionId)));
	const breakdownRows = await db
		.select({ indicatorId: indicatorBreakdowns.indicatorId, dimensionKey: dimensions.key, memberKey: dimensionMembers.key, memberId: dimensionMembers.id })
		.from(indicatorBreakdowns)
		.innerJoin(indicators, eq(indicators.id, indicatorBreakdowns.indicatorId))
		.innerJoin(dimensions, eq(dimensions.id, indicatorBreakdowns.dimensionId))
		.innerJoin(dimensionMembers, eq(dimensionMembers.dimensionId, dimensions.id))
		.where(and(eq(indicatorBreakdowns.municipalityId, municipalityId), eq(indicators.editionId, editionId)));
	const dimensionRows = await db.select({ id: dimensions.id, key: dimensions.key }).from(dimensions).where(eq(dimensions.municipalityId, municipalityId));
	const sourceRows = await db
		.select({ id: indicatorSources.id, key: indicatorSources.key })
		.from(indicatorSources)
		.where(eq(indicatorSources.municipalityId, municipalityId));
	const byId = new Map(indicatorRows.map((row) => [row.id, { id: row.id, dims: new Map<string, Map<string, string>>() }]));
	for (const row of breakdownRows) {
		const dims = byId.get(row.indicatorId)!.dims;
		if (!dims.has(row.dimensionKey)) dims.set(row.dimensionKey, new Map());
		dims.get(row.dimensionKey)!.set(row.memberKey, row.memberId);
	}
	return {
		indicators: new Map(indicatorRows.map((row) => [row.code, byId.get(row.id)!])),
		dimensionIds: new Map(dimensionRows.map((row) => [row.key, row.id])),
		sources: new Map(sourceRows.map((row) => [row.key, row.id]))
	};
}

/** A number as the file writes it; German mode reads 1.234,5, the default mode only 1234.5. */
function parseNumber(text: string, german: boolean): { value: number } | { code: ImportErrorCode } {
	if (/^\s*(<=?|>=?)/.test(text)) return { code: 'qualifier_in_value' };
	let normal = text;
	if (german) normal = text.replace(/\.(?=\d{3}(\D|$))/g, '').replace(',', '.');
	else if (/^-?\d+,\d+$/.test(text)) return { code: 'decimal_comma' };
	if (!/^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(normal)) return { code: 'invalid_value' };
	return { value: Number(normal) };
}

type Staged = { values: Parameters<typeof insertImportedMeasurementRows>[1][number]['values']; members: { dimensionId: string; memberId: string }[]; line: number; period: string };

export async function importMeasurements(db: Database, input: Readable, options: ImportOptions): Promise<ImportReport> {
	const { municipalityId, editionId, partial = false, onExisting = 'error', german = false, keepErrors = 200 } = options;
	const report: ImportReport = { batchId: null, rowsRead: 0, imported: 0, rejected: 0, errors: [], committed: false };
	const fail = (error: ImportError) => {
		if (report.errors.length < keepErrors) report.errors.push(error);
	};
	const rollback = new Error('rollback');
	try {
		await db.transaction(async (tx) => {
			const lookups = await loadLookups(tx, municipalityId, editionId);
			const [batch] = await tx
				.insert(measurementImportBatches)
				.values({ municipalityId, fileName: options.fileName ?? '', startedBy: options.startedBy ?? null })
				.returning({ id: measurementImportBatches.id });
			report.batchId = batch.id;
			// Keys of the rows waiting for the next write only: a duplicate of an earlier batch is found in the
			// database by its batch id, so memory stays bounded by the batch, not by the file.
			let pendingKeys = new Set<string>();
			let pending: Staged[] = [];
			let anyInvalid = false;

			const flush = async () => {
				if (pending.length === 0) return;
				const rows = pending;
				pending = [];
				pendingKeys = new Set();
				const takenBy = new Map(
					(await selectStoredSeriesPeriods(tx, municipalityId, rows.map((row) => row.values))).map((row) => [keyOf(row), row.importBatchId])
				);
				const writable = rows.filter((row) => {
					if (!takenBy.has(keyOf(row.values))) return true;
					if (takenBy.get(keyOf(row.values)) === batch.id) fail({ line: row.line, column: 'period', code: 'duplicate_in_file', value: row.period.slice(0, 80) });
					else if (onExisting === 'replace') return true;
					else fail({ line: row.line, column: 'period', code: 'duplicate_existing', value: '' });
					report.rejected++;
					anyInvalid = true;
					return false;
				});
				// Written even when the import is already bound to fail: later rows of the file are checked against them.
				await insertImportedMeasurementRows(tx, writable, { replace: onExisting === 'replace', revisedBy: options.startedBy ?? null });
				report.imported += writable.length;
			};

			const parser = input.pipe(
				parse({ bom: true, delimiter: german ? ';' : ',', relax_column_count: true, skip_empty_lines: true, trim: false, info: true })
			);
			let header: string[] | null = null;
			let dimensionColumns: { index: number; key: string }[] = [];
			const column: Record<string, number> = {};
			for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
				if (!header) {
					header = record;
					if (!german && record.length === 1 && record[0].includes(';')) {
						fail({ line: 1, column: '', code: 'semicolon_separator', value: record[0].slice(0, 80) });
						throw rollback;
					}
					const headerErrors: ImportError[] = [];
					record.forEach((name, index) => {
						if (name !== name.trim()) headerErrors.push({ line: 1, column: name, code: 'whitespace', value: name });
						else if (name.startsWith(DIMENSION_COLUMN_PREFIX)) {
							const key = name.slice(DIMENSION_COLUMN_PREFIX.length);
							if (!lookups.dimensionIds.has(key)) headerErrors.push({ line: 1, column: name, code: 'unknown_dimension', value: key });
							else dimensionColumns.push({ index, key });
						} else if ((fixedColumns as readonly string[]).includes(name)) column[name] = index;
						else headerErrors.push({ line: 1, column: name, code: 'unknown_column', value: name });
					});
					for (const name of ['indicator', 'period', 'value']) if (column[name] === undefined) headerErrors.push({ line: 1, column: name, code: 'missing_column', value: '' });
					if (headerErrors.length > 0) {
						headerErrors.forEach(fail);
						throw rollback;
					}
					dimensionColumns = dimensionColumns.sort((a, b) => a.key.localeCompare(b.key));
					continue;
				}
				report.rowsRead++;
				if (report.rowsRead % 10_000 === 0) options.onProgress?.(report.rowsRead);
				const line = info.lines;
				let invalid = false;
				const error = (columnName: string, code: ImportErrorCode, value: string) => {
					invalid = true;
					fail({ line, column: columnName, code, value: value.slice(0, 80) });
				};
				if (record.length !== header.length) error('', 'wrong_column_count', String(record.length));
				const cell = (name: string) => (column[name] === undefined ? '' : (record[column[name]] ?? ''));
				record.forEach((value, index) => {
					if (value !== value.trim()) error(header![index] ?? '', 'whitespace', value);
				});
				const indicator = lookups.indicators.get(cell('indicator'));
				if (!indicator) error('indicator', 'unknown_indicator', cell('indicator'));
				const period = parsePeriod(cell('period'));
				if (!period) error('period', 'invalid_period', cell('period'));
				const flags = cell('flags') === '' ? [] : cell('flags').split('|');
				for (const flag of flags) if (!(measurementFlags as readonly string[]).includes(flag)) error('flags', 'invalid_flag', flag);
				const has = (flag: MeasurementFlag) => flags.includes(flag);
				let value: number | null = null;
				const valueText = cell('value');
				if (valueText === '') {
					if (!has('suppressed')) error('value', 'missing_value', '');
				} else {
					const parsed = parseNumber(valueText, german);
					if ('code' in parsed) error('value', parsed.code, valueText);
					else value = parsed.value;
				}
				const qualifier = cell('qualifier');
				if (qualifier !== '' && !(measurementQualifiers as readonly string[]).includes(qualifier)) error('qualifier', 'invalid_qualifier', qualifier);
				if (qualifier !== '' && valueText === '') error('value', 'missing_value', '');
				const sourceKey = cell('source');
				const sourceId = sourceKey === '' ? null : lookups.sources.get(sourceKey);
				if (sourceId === undefined) error('source', 'unknown_source', sourceKey);
				const chosen: Record<string, string> = {};
				const members: { dimensionId: string; memberId: string }[] = [];
				if (indicator) {
					const named = new Map(dimensionColumns.map(({ index, key }) => [key, record[index] ?? '']));
					for (const [key, memberKey] of named) {
						if (!indicator.dims.has(key) && memberKey !== '' && memberKey !== TOTAL_MEMBER_KEY) error(`${DIMENSION_COLUMN_PREFIX}${key}`, 'unexpected_dimension', memberKey);
					}
					for (const [key, choices] of indicator.dims) {
						const memberKey = named.get(key);
						if (memberKey === undefined || memberKey === '') {
							error(`${DIMENSION_COLUMN_PREFIX}${key}`, 'blank_member', '');
							continue;
						}
						const memberId = choices.get(memberKey);
						if (!memberId) {
							error(`${DIMENSION_COLUMN_PREFIX}${key}`, 'unknown_member', memberKey);
							continue;
						}
						chosen[key] = memberKey;
						members.push({ dimensionId: lookups.dimensionIds.get(key)!, memberId });
					}
				}
				if (!invalid && indicator && period) {
					const values = {
						municipalityId,
						indicatorId: indicator.id,
						periodKind: period.kind,
						periodStart: period.start,
						periodEnd: period.end,
						seriesKey: seriesKeyOf(chosen),
						value,
						qualifier: qualifier === '' ? null : (qualifier as MeasurementQualifier),
						unit: cell('unit'),
						estimate: has('estimate'),
						provisional: has('provisional'),
						seriesBreak: has('series_break'),
						suppressed: has('suppressed'),
						sourceId: sourceId ?? null,
						sourceNote: cell('note'),
						importBatchId: batch.id
					};
					const key = keyOf(values);
					if (pendingKeys.has(key)) error('period', 'duplicate_in_file', cell('period'));
					else {
						pendingKeys.add(key);
						pending.push({ values, members, line, period: cell('period') });
					}
				}
				if (invalid) {
					report.rejected++;
					anyInvalid = true;
				}
				if (pending.length >= BATCH) await flush();
			}
			await flush();
			options.onProgress?.(report.rowsRead);
			if (anyInvalid && !partial) throw rollback;
			await tx
				.update(measurementImportBatches)
				.set({ rowsImported: report.imported, rowsRejected: report.rejected })
				.where(eq(measurementImportBatches.id, batch.id));
			// The command-line import runs in a process of its own: servers learn of the new values from this notice.
			await announcePublicChange(tx, options.municipalityId);
			await options.beforeCommit?.(tx, report);
		});
		report.committed = true;
	} catch (error) {
		if (error !== rollback) throw error;
		report.imported = 0;
		report.batchId = null;
	}
	// Duplicates of earlier batches are found when their batch is written: the report reads in file order.
	report.errors.sort((a, b) => a.line - b.line);
	return report;
}

function keyOf(values: { indicatorId: string; seriesKey: string; periodStart: string; periodEnd: string }) {
	return `${values.indicatorId}|${values.seriesKey}|${values.periodStart}|${values.periodEnd}`;
}
