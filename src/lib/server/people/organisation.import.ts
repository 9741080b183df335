// CSV import into the organisation registry: every row is checked first, and rows are written in one
// transaction, so a file with a mistake changes nothing unless the importer chose to skip bad rows.
import { parse } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import type { Readable } from 'node:stream';
import type { Database, Executor } from '../db/client';
import { recordChange } from '../audit/audit.service';
import { defineError } from '../shared/errors';
import { backOfficeRoles, requireRole, type Actor } from './actor';
import { uniqueSlugs } from './organisation.service';
import {
	insertMemberships,
	insertOrganisations,
	insertPeople,
	selectDistrictsOf,
	selectOrganisationIdsByName,
	selectPeopleByEmail
} from './organisation.queries';
import {
	organisationCsvRowSchema,
	personCsvRowSchema,
	type ImportKind,
	type OrganisationCsvRow,
	type PersonCsvRow
} from '../../validation/organisation';

export const malformedCsv = defineError('organisations_import_malformed', 400);
export const tooManyRows = defineError('organisations_import_too_many_rows', 400);

export const MAX_IMPORT_ROWS = 20_000;

/** A record as read from the file: `line` is where it ends, as a spreadsheet user would count. */
export type CsvRecord = { line: number; values: Record<string, string> };
/** `problem` is a message key, so the web shows it in the reader's language and the CLI in English. */
export type ImportProblem = { row: number; field: string; problem: string };
export type ImportReport = {
	kind: ImportKind;
	rows: number;
	imported: number;
	skipped: number;
	problems: ImportProblem[];
	/** False when nothing was written because a row was invalid and skipping was not chosen. */
	committed: boolean;
};

const requiredColumns: Record<ImportKind, string[]> = { organisations: ['name', 'sector'], people: ['name'] };

// The library's types cannot follow columns plus on_record; the shape is CsvRecord by construction.
const csvOptions = {
	bom: true,
	// Spreadsheets in Germany save with semicolons, elsewhere with commas.
	delimiter: [',', ';'] as string[],
	columns: (header: string[]) => header.map((column) => column.trim().toLowerCase()),
	skip_empty_lines: true,
	trim: true,
	relax_column_count: true
};

const recordOf = (values: Record<string, string>, context: { lines: number }): CsvRecord => ({ line: context.lines, values });

export function parseCsvText(text: string): CsvRecord[] {
	try {
		return parseSync(text, { ...csvOptions, on_record: recordOf }) as CsvRecord[];
	} catch (error) {
		throw malformedCsv({ line: (error as { lines?: number }).lines ?? 0 });
	}
}

/** Reads a file as a stream, so the CLI can show progress on large files and never holds the text twice. */
export async function parseCsvStream(input: Readable, onRecord?: (count: number) => void): Promise<CsvRecord[]> {
	const records: CsvRecord[] = [];
	const parser = input.pipe(parse({ ...csvOptions, on_record: recordOf }));
	try {
		for await (const record of parser) {
			records.push(record as CsvRecord);
			if (records.length > MAX_IMPORT_ROWS) throw tooManyRows({ max: MAX_IMPORT_ROWS });
			onRecord?.(records.length);
		}
	} catch (error) {
		if ((error as { code?: string }).code?.startsWith('CSV_')) throw malformedCsv({ line: (error as { lines?: number }).lines ?? 0 });
		throw error;
	}
	return records;
}

type Checked<T> = { line: number; row: T; problems: ImportProblem[] };

function validateRows<T>(records: CsvRecord[], schema: { safeParse: (value: unknown) => { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } }): Checked<T | null>[] {
	return records.map(({ line, values }) => {
		const parsed = schema.safeParse(values);
		if (parsed.success) return { line, row: parsed.data, problems: [] };
		const problems = parsed.error.issues.map((issue) => ({
			row: line,
			field: String(issue.path[0] ?? ''),
			problem: issue.message.startsWith('validation_') ? issue.message : 'validation_invalid'
		}));
		return { line, row: null, problems };
	});
}

function headerProblems(kind: ImportKind, records: CsvRecord[]): ImportProblem[] {
	const present = new Set(records.flatMap((record) => Object.keys(record.values)));
	if (records.length === 0) return [{ row: 1, field: '', problem: 'organisations_import_empty' }];
	return requiredColumns[kind]
		.filter((column) => !present.has(column))
		.map((column) => ({ row: 1, field: column, problem: 'organisations_import_missing_column' }));
}

type Progress = (done: number, total: number) => void;
type ImportScope = { tx: Executor; municipalityId: string; records: CsvRecord[]; skipInvalid: boolean; onProgress?: Progress };
type Outcome = { problems: ImportProblem[]; write: () => Promise<number>; validRows: number };

async function planOrganisations({ tx, municipalityId, records }: ImportScope): Promise<Outcome> {
	const checked = validateRows<OrganisationCsvRow>(records, organisationCsvRowSchema);
	const districts = new Map((await selectDistrictsOf(tx, municipalityId)).map((district) => [district.name.toLowerCase(), district.id]));
	const names = checked.flatMap((entry) => (entry.row ? [entry.row.name] : []));
	const existing = new Set((await selectOrganisationIdsByName(tx, municipalityId, names)).map((row) => row.name.toLowerCase()));
	const seen = new Set<string>();
	for (const entry of checked) {
		if (!entry.row) continue;
		const key = entry.row.name.toLowerCase();
		if (existing.has(key)) entry.problems.push({ row: entry.line, field: 'name', problem: 'organisations_name_taken' });
		else if (seen.has(key)) entry.problems.push({ row: entry.line, field: 'name', problem: 'organisations_import_duplicate_name' });
		seen.add(key);
		if (entry.row.district && !districts.has(entry.row.district.toLowerCase())) {
			entry.problems.push({ row: entry.line, field: 'district', problem: 'organisations_district_unknown' });
		}
	}
	const valid = checked.filter((entry) => entry.row && entry.problems.length === 0).map((entry) => entry.row!);
	const now = new Date();
	return {
		problems: checked.flatMap((entry) => entry.problems),
		validRows: valid.length,
		write: async () => {
			const slugs = await uniqueSlugs(
				tx,
				municipalityId,
				valid.map((row) => row.name)
			);
			const inserted = await insertOrganisations(
				tx,
				municipalityId,
				valid.map((row, index) => ({
					slug: slugs[index],
					name: row.name,
					sector: row.sector,
					districtId: row.district ? (districts.get(row.district.toLowerCase()) ?? null) : null,
					contactPerson: row.contact_person,
					email: row.email,
					phone: row.phone,
					web: row.web,
					description: row.description,
					listedPubliclySince: row.listed_publicly ? now : null
				}))
			);
			return inserted.length;
		}
	};
}

async function planPeople({ tx, municipalityId, records }: ImportScope): Promise<Outcome> {
	const checked = validateRows<PersonCsvRow>(records, personCsvRowSchema);
	const organisationNames = [...new Set(checked.flatMap((entry) => (entry.row?.organisation ? [entry.row.organisation] : [])))];
	const organisations = new Map(
		(await selectOrganisationIdsByName(tx, municipalityId, organisationNames)).map((row) => [row.name.toLowerCase(), row.id])
	);
	for (const entry of checked) {
		if (entry.row?.organisation && !organisations.has(entry.row.organisation.toLowerCase())) {
			entry.problems.push({ row: entry.line, field: 'organisation', problem: 'organisations_import_unknown_organisation' });
		}
	}
	const valid = checked.filter((entry) => entry.row && entry.problems.length === 0).map((entry) => entry.row!);
	return {
		problems: checked.flatMap((entry) => entry.problems),
		validRows: valid.length,
		write: async () => {
			// One person per e-mail address: a row per membership names the same person again.
			const emails = [...new Set(valid.flatMap((row) => (row.email ? [row.email] : [])))];
			const personByEmail = new Map((await selectPeopleByEmail(tx, municipalityId, emails)).map((person) => [person.email!, person.id]));
			const newWithEmail = emails.filter((email) => !personByEmail.has(email));
			const firstRowOf = new Map<string, PersonCsvRow>();
			for (const row of valid) if (row.email && !firstRowOf.has(row.email)) firstRowOf.set(row.email, row);
			const created = await insertPeople(
				tx,
				municipalityId,
				newWithEmail.map((email) => ({ name: firstRowOf.get(email)!.name, email }))
			);
			for (const person of created) personByEmail.set(person.email!, person.id);
			const withoutEmail = valid.filter((row) => !row.email);
			const anonymousIds = (await insertPeople(tx, municipalityId, withoutEmail.map((row) => ({ name: row.name, email: null })))).map(
				(person) => person.id
			);
			const personIdOf = new Map<PersonCsvRow, string>(withoutEmail.map((row, index) => [row, anonymousIds[index]]));
			await insertMemberships(
				tx,
				municipalityId,
				dedupeMemberships(
					valid.flatMap((row) =>
						row.organisation
							? [
									{
										organisationId: organisations.get(row.organisation.toLowerCase())!,
										personId: row.email ? personByEmail.get(row.email)! : personIdOf.get(row)!,
										role: row.role
									}
								]
							: []
					)
				)
			);
			return valid.length;
		}
	};
}

/** The same person in the same organisation twice in one file: the last row's role wins. */
function dedupeMemberships<T extends { organisationId: string; personId: string }>(rows: T[]): T[] {
	return [...new Map(rows.map((row) => [`${row.organisationId}|${row.personId}`, row])).values()];
}

async function runImport(
	db: Database,
	by: Actor | { system: string },
	{ municipalityId, kind, records, skipInvalid, onProgress }: Omit<ImportScope, 'tx'> & { kind: ImportKind }
): Promise<ImportReport> {
	if (records.length > MAX_IMPORT_ROWS) throw tooManyRows({ max: MAX_IMPORT_ROWS });
	return db.transaction(async (tx) => {
		const header = headerProblems(kind, records);
		if (header.length > 0) return { kind, rows: records.length, imported: 0, skipped: records.length, problems: header, committed: false };
		onProgress?.(0, records.length);
		const plan = await (kind === 'organisations' ? planOrganisations : planPeople)({ tx, municipalityId, records, skipInvalid });
		const invalidRows = new Set(plan.problems.map((problem) => problem.row)).size;
		if (invalidRows > 0 && !skipInvalid) {
			return { kind, rows: records.length, imported: 0, skipped: records.length, problems: plan.problems, committed: false };
		}
		const imported = await plan.write();
		onProgress?.(records.length, records.length);
		await recordChange(tx, {
			actor: by,
			municipalityId,
			action: 'create',
			entityType: 'organisation_import',
			entityId: crypto.randomUUID(),
			after: { kind, rows: records.length, imported, skipped: records.length - plan.validRows }
		});
		return { kind, rows: records.length, imported, skipped: records.length - plan.validRows, problems: plan.problems, committed: true };
	});
}

/** The back-office upload: facilitators and admins of the municipality only. */
export async function importCsv({
	db,
	actor,
	municipalityId,
	kind,
	text,
	skipInvalid
}: {
	db: Database;
	actor: Actor | null;
	municipalityId: string;
	kind: ImportKind;
	text: string;
	skipInvalid: boolean;
}): Promise<ImportReport> {
	const staff = requireRole(actor, municipalityId, backOfficeRoles);
	return runImport(db, staff, { municipalityId, kind, records: parseCsvText(text), skipInvalid });
}

/** The command line runs with the operator's authority, like `npm run admin`. */
export async function importCsvAsOperator({
	db,
	municipalityId,
	kind,
	records,
	skipInvalid,
	onProgress,
	operator = 'import command'
}: {
	db: Database;
	municipalityId: string;
	kind: ImportKind;
	records: CsvRecord[];
	skipInvalid: boolean;
	onProgress?: Progress;
	/** How the audit log names who imported: the command line, or the demo loader. */
	operator?: string;
}): Promise<ImportReport> {
	return runImport(db, { system: operator }, { municipalityId, kind, records, skipInvalid, onProgress });
}
