// `npm run import -- organisations|people FILE --municipality SLUG [--skip-invalid]`: fills the
// organisation registry from a spreadsheet with the operator's authority, all rows or none.
import { createReadStream, existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import * as messages from '../src/lib/paraglide/messages';
import { readConfig } from '../src/lib/server/config';
import { bootDatabase, type BootedDatabase } from '../src/lib/server/db/boot';
import { importCsvAsOperator, parseCsvStream, type ImportReport } from '../src/lib/server/people/organisation.import';
import { isDomainError } from '../src/lib/server/shared/errors';
import { getMunicipalityBySlug } from '../src/lib/server/tenancy/tenancy.service';
import { getEditionPage } from '../src/lib/server/document/document.service';
import { importMeasurements } from '../src/lib/server/monitoring/measurement-import';
import { writeFileSync } from 'node:fs';
import { importKinds, type ImportKind } from '../src/lib/validation/organisation';

const usage = `Usage:
  npm run import -- organisations FILE.csv --municipality SLUG [--skip-invalid]
  npm run import -- people FILE.csv --municipality SLUG [--skip-invalid]
  npm run import -- measurements FILE.csv --municipality SLUG --edition STRATEGY/NUMBER [--partial] [--replace] [--german] [--report FILE]

  Organisation columns: name, sector, district, contact_person, email, phone, web, description, listed_publicly
  People columns:       name, email, organisation, role (contact, board, member)
  --skip-invalid        import the valid rows even when others are invalid (default: import nothing then)
  Measurement columns:  see docs/measurement-format.md
  --partial             measurements: import the valid rows, report the rest (default: all or nothing)
  --replace             measurements: a row for a stored value replaces it (default: an error)
  --german              measurements: semicolons and decimal commas, as German spreadsheets save CSV
  --report FILE         measurements: write every row error as CSV (line,column,code,value) to FILE

Connects to DATABASE_URL, or to the embedded PostgreSQL in DATA_DIR (default ./data), reusing it when the app is running.`;

class UsageError extends Error {}

type Options = { kind: ImportKind; file: string; municipality: string; skipInvalid: boolean };
type MeasurementOptions = {
	kind: 'measurements';
	file: string;
	municipality: string;
	strategySlug: string;
	number: number;
	partial: boolean;
	replace: boolean;
	german: boolean;
	reportFile: string | undefined;
};

function parseCommandLine(argv: string[]): Options | MeasurementOptions {
	let parsed;
	try {
		parsed = parseArgs({
			args: argv,
			allowPositionals: true,
			strict: true,
			options: {
				municipality: { type: 'string' },
				'skip-invalid': { type: 'boolean' },
				edition: { type: 'string' },
				partial: { type: 'boolean' },
				replace: { type: 'boolean' },
				german: { type: 'boolean' },
				report: { type: 'string' },
				help: { type: 'boolean', short: 'h' }
			}
		});
	} catch (error) {
		throw new UsageError((error as Error).message);
	}
	if (parsed.values.help) {
		console.log(usage);
		process.exit(0);
	}
	const [kind, file, ...rest] = parsed.positionals;
	if (kind === 'measurements') {
		if (!file || !existsSync(file)) throw new UsageError(file ? `there is no file ${file}` : 'no file given');
		if (rest.length > 0) throw new UsageError(`unexpected argument "${rest[0]}"`);
		if (!parsed.values.municipality) throw new UsageError('give --municipality SLUG');
		const edition = /^([a-z0-9-]+)\/(\d+)$/.exec(parsed.values.edition ?? '');
		if (!edition) throw new UsageError('give --edition STRATEGY/NUMBER, e.g. migration-und-integration/4');
		return {
			kind: 'measurements',
			file,
			municipality: parsed.values.municipality,
			strategySlug: edition[1],
			number: Number(edition[2]),
			partial: parsed.values.partial ?? false,
			replace: parsed.values.replace ?? false,
			german: parsed.values.german ?? false,
			reportFile: parsed.values.report
		};
	}
	if (!importKinds.includes(kind as ImportKind)) throw new UsageError(kind ? `unknown kind "${kind}"` : 'say what to import');
	if (!file) throw new UsageError('no file given');
	if (rest.length > 0) throw new UsageError(`unexpected argument "${rest[0]}"`);
	if (!existsSync(file)) throw new UsageError(`there is no file ${file}`);
	if (!parsed.values.municipality) throw new UsageError('give --municipality SLUG');
	return { kind: kind as ImportKind, file, municipality: parsed.values.municipality, skipInvalid: parsed.values['skip-invalid'] ?? false };
}

/** The web shows problems in the reader's language; the command line speaks English. */
function english(key: string, params: Record<string, unknown> = {}): string {
	const message = (messages as unknown as Record<string, (p: Record<string, unknown>, o: { locale: 'en' }) => string>)[key];
	return message ? message(params, { locale: 'en' }) : key;
}

function printReport(report: ImportReport): void {
	for (const problem of report.problems) {
		console.error(`row ${problem.row}${problem.field ? `, ${problem.field}` : ''}: ${english(problem.problem)}`);
	}
	if (report.committed) {
		console.log(`Imported ${report.imported} of ${report.rows} rows (${report.skipped} skipped).`);
	} else {
		console.error(`Nothing was imported: ${report.problems.length} problem(s). Fix the file or use --skip-invalid.`);
	}
}

async function importMeasurementFile(options: MeasurementOptions): Promise<number> {
	let database: BootedDatabase | undefined;
	const showProgress = Boolean(process.stderr.isTTY);
	// The file's size is known, its row count not: the bar counts rows read against an estimate.
	const bar = new cliProgress.SingleBar({ format: 'importing [{bar}] {value} rows', stream: process.stderr, hideCursor: true }, cliProgress.Presets.shades_classic);
	try {
		database = await bootDatabase(readConfig(), { seedDemo: false, poolSize: 2, whenRunning: 'reuse' });
		const municipality = await getMunicipalityBySlug({ db: database.db, slug: options.municipality });
		const page = await getEditionPage({ db: database.db, municipalityId: municipality.id, strategySlug: options.strategySlug, number: options.number });
		if (showProgress) bar.start(0, 0);
		const report = await importMeasurements(database.db, createReadStream(options.file), {
			municipalityId: municipality.id,
			editionId: page.edition.id,
			partial: options.partial,
			onExisting: options.replace ? 'replace' : 'error',
			german: options.german,
			fileName: options.file,
			keepErrors: options.reportFile ? 1_000_000 : 50,
			onProgress: (rows) => {
				if (!showProgress) return;
				bar.setTotal(rows);
				bar.update(rows);
			}
		});
		if (showProgress) bar.stop();
		for (const error of report.errors.slice(0, 50)) console.error(`line ${error.line}${error.column ? `, ${error.column}` : ''}: ${error.code}${error.value ? ` (${error.value})` : ''}`);
		if (options.reportFile) {
			const quote = (text: string) => (/[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);
			writeFileSync(options.reportFile, 'line,column,code,value\n' + report.errors.map((e) => [String(e.line), e.column, e.code, e.value].map(quote).join(',')).join('\n') + '\n');
		}
		if (report.committed) console.log(`Imported ${report.imported} of ${report.rowsRead} rows (${report.rejected} rejected).`);
		else console.error(`Nothing was imported: ${report.rejected} invalid row(s). Fix the file or use --partial.`);
		return report.committed ? 0 : 2;
	} catch (error) {
		if (showProgress) bar.stop();
		console.error(`Error: ${isDomainError(error) ? english(error.code, error.params) : error instanceof Error ? error.message : String(error)}`);
		return 1;
	} finally {
		await database?.shutdown();
	}
}

async function main(): Promise<number> {
	let parsedOptions: Options | MeasurementOptions;
	try {
		parsedOptions = parseCommandLine(process.argv.slice(2));
	} catch (error) {
		if (!(error instanceof UsageError)) throw error;
		console.error(`Error: ${error.message}\n\n${usage}`);
		return 1;
	}
	if (parsedOptions.kind === 'measurements') return importMeasurementFile(parsedOptions);
	const options: Options = parsedOptions;
	let database: BootedDatabase | undefined;
	// Progress goes to stderr, and only on a terminal, so piped output stays a clean report.
	const bar = new cliProgress.SingleBar(
		{ format: '{phase} [{bar}] {value}/{total} rows', stream: process.stderr, noTTYOutput: false, hideCursor: true },
		cliProgress.Presets.shades_classic
	);
	const showProgress = Boolean(process.stderr.isTTY);
	try {
		database = await bootDatabase(readConfig(), { seedDemo: false, poolSize: 2, whenRunning: 'reuse' });
		const municipality = await getMunicipalityBySlug({ db: database.db, slug: options.municipality });
		if (showProgress) bar.start(0, 0, { phase: 'reading  ' });
		const records = await parseCsvStream(createReadStream(options.file), (count) => {
			if (showProgress && count % 100 === 0) {
				bar.setTotal(count);
				bar.update(count);
			}
		});
		if (showProgress) {
			bar.setTotal(records.length);
			bar.update(0, { phase: 'importing' });
		}
		const report = await importCsvAsOperator({
			db: database.db,
			municipalityId: municipality.id,
			kind: options.kind,
			records,
			skipInvalid: options.skipInvalid,
			onProgress: (done, total) => {
				if (!showProgress) return;
				bar.setTotal(total);
				bar.update(done);
			}
		});
		if (showProgress) bar.stop();
		printReport(report);
		return report.committed ? 0 : 2;
	} catch (error) {
		if (showProgress) bar.stop();
		if (isDomainError(error)) {
			if (error.code === 'tenancy_municipality_not_found') console.error(`Error: there is no municipality with the slug "${options.municipality}"`);
			else console.error(`Error: ${english(error.code, error.params)}`);
			return 1;
		}
		console.error(`Error: ${error instanceof Error ? error.message : String(error)}`);
		return 1;
	} finally {
		await database?.shutdown();
	}
}

process.exit(await main());
