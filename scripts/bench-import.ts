// The import benchmark of `npm run bench`: a CSV of measurements in the exchange format
// (docs/measurement-format.md), written to disk row by row, imported by the same code path as
// `npm run import -- measurements FILE.csv` in a child process of its own, so that its peak memory
// is the import's alone. Reports rows per second and that peak (VmHWM of the importing process).
import type { ChildProcess } from 'node:child_process';
import { createWriteStream, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { connectDatabase } from '../src/lib/server/db/client';
import { startEmbeddedPostgres } from '../src/lib/server/db/embedded';

export const DEFAULT_IMPORT_ROWS = 1_000_000;

export type ImportBenchResult = {
	rows: number;
	imported: number;
	fileMb: number;
	writeSeconds: number;
	importSeconds: number;
	rowsPerSecond: number;
	peakMemoryMb: number;
};

type Process = { child: ChildProcess; exited: Promise<void>; logFile: string };

export type ImportBenchContext = {
	workDir: string;
	projectRoot: string;
	/** Starts the app on the directory so that it migrates and loads the demo, then stops it. */
	prepareDemo: (dataDir: string) => Promise<void>;
	spawnImport: (args: string[], env: NodeJS.ProcessEnv) => Process;
	log: (line: string) => void;
};

const MUNICIPALITY = 'muenster';
const STRATEGY = 'migration-und-integration';
const EDITION = 4;

type Series = { code: string; members: Record<string, string> };

/** Every series the 4th edition's indicators take: the total, and each member of each dimension with the others at total. */
async function seriesOfDemo(dataDir: string): Promise<{ series: Series[]; dimensionKeys: string[] }> {
	const database = await startEmbeddedPostgres({ dataDir, whenRunning: 'stop' });
	const connection = connectDatabase(database.url, { max: 1 });
	try {
		const { rows } = await connection.pool.query<{ code: string; dimension: string | null; member: string | null; is_total: boolean | null }>(
			`select i.code, d.key as dimension, dm.key as member, dm.is_total
			from indicators i
			join editions e on e.id = i.edition_id
			join strategies s on s.id = e.strategy_id
			join municipalities m on m.id = i.municipality_id
			left join indicator_breakdowns b on b.indicator_id = i.id
			left join dimensions d on d.id = b.dimension_id
			left join dimension_members dm on dm.dimension_id = d.id
			where m.slug = $1 and s.slug = $2 and e.number = $3
			order by i.code, d.key, dm.position`,
			[MUNICIPALITY, STRATEGY, EDITION]
		);
		const byIndicator = new Map<string, Map<string, string[]>>();
		for (const row of rows) {
			const dimensions = byIndicator.get(row.code) ?? new Map<string, string[]>();
			byIndicator.set(row.code, dimensions);
			if (row.dimension && row.member && !row.is_total) dimensions.set(row.dimension, [...(dimensions.get(row.dimension) ?? []), row.member]);
			else if (row.dimension && !dimensions.has(row.dimension)) dimensions.set(row.dimension, []);
		}
		const dimensionKeys = [...new Set([...byIndicator.values()].flatMap((dimensions) => [...dimensions.keys()]))].sort();
		const series: Series[] = [];
		for (const [code, dimensions] of byIndicator) {
			const total = Object.fromEntries([...dimensions.keys()].map((key) => [key, 'total']));
			series.push({ code, members: total });
			for (const [key, members] of dimensions) for (const member of members) series.push({ code, members: { ...total, [key]: member } });
		}
		if (series.length === 0) throw new Error(`the demo has no indicators in ${MUNICIPALITY}/${STRATEGY}/${EDITION}`);
		return { series, dimensionKeys };
	} finally {
		await connection.close();
		await database.stop();
	}
}

/**
 * One value per series and day, day after day from 1990 on: single-day periods never collide with the
 * demo's quarters. Written in chunks with back-pressure, so the file never sits in this process's memory.
 */
async function writeCsv(file: string, rows: number, series: Series[], dimensionKeys: string[]): Promise<void> {
	const out = createWriteStream(file, { encoding: 'utf8' });
	out.write(['indicator', 'period', 'value', ...dimensionKeys.map((key) => `dim_${key}`), 'note'].join(',') + '\n');
	const firstDay = Date.UTC(1990, 0, 1);
	let written = 0;
	let chunk: string[] = [];
	for (let day = 0; written < rows; day++) {
		const date = new Date(firstDay + day * 86_400_000).toISOString().slice(0, 10);
		for (let s = 0; s < series.length && written < rows; s++, written++) {
			const { code, members } = series[s];
			const value = ((((day + 1) * 7919 + (s + 1) * 104_729) % 100_000) / 10).toFixed(1);
			chunk.push([code, `${date}/${date}`, value, ...dimensionKeys.map((key) => members[key] ?? ''), 'Lasttest'].join(','));
			if (chunk.length === 10_000) {
				if (!out.write(chunk.join('\n') + '\n')) await once(out, 'drain');
				chunk = [];
			}
		}
	}
	if (chunk.length > 0) out.write(chunk.join('\n') + '\n');
	out.end();
	await once(out, 'finish');
}

/** The peak resident memory of a process so far (kB in /proc → bytes); it only grows, so the last reading is the peak. */
export function parseVmHwm(status: string): number | undefined {
	const match = /^VmHWM:\s+(\d+)\s+kB$/m.exec(status);
	return match ? Number(match[1]) * 1024 : undefined;
}

export async function benchMeasurementImport(context: ImportBenchContext, rows: number): Promise<ImportBenchResult> {
	const dataDir = path.join(context.workDir, 'import-data');
	const file = path.join(context.workDir, 'measurements.csv');
	try {
		context.log('  loading the demo into a database of its own…');
		await context.prepareDemo(dataDir);
		const { series, dimensionKeys } = await seriesOfDemo(dataDir);
		context.log(`  writing ${rows.toLocaleString('en')} rows (${series.length} series of the 4th edition's indicators, one value a day each)…`);
		const writeStarted = performance.now();
		await writeCsv(file, rows, series, dimensionKeys);
		const writeSeconds = (performance.now() - writeStarted) / 1000;
		const fileMb = statSync(file).size / 1024 / 1024;
		context.log(`  importing ${fileMb.toFixed(0)} MB with npm run import -- measurements …`);
		const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, LEITBILD_ROOT: context.projectRoot, DEMO: 'on' };
		delete env.DATABASE_URL;
		const started = performance.now();
		const importing = context.spawnImport(
			['--import', 'tsx', path.join(context.projectRoot, 'scripts', 'import.ts'), 'measurements', file, '--municipality', MUNICIPALITY, '--edition', `${STRATEGY}/${EDITION}`],
			env
		);
		let peak = 0;
		const sample = () => {
			try {
				peak = Math.max(peak, parseVmHwm(readFileSync(`/proc/${importing.child.pid}/status`, 'utf8')) ?? 0);
			} catch {
				// The process has just ended: the last reading stands.
			}
		};
		const timer = setInterval(sample, 50);
		await importing.exited;
		clearInterval(timer);
		const importSeconds = (performance.now() - started) / 1000;
		const output = readFileSync(importing.logFile, 'utf8');
		const done = /Imported (\d+) of (\d+) rows/.exec(output);
		if (importing.child.exitCode !== 0 || !done || Number(done[1]) !== rows) {
			throw new Error(`the import did not take all ${rows} rows (exit ${importing.child.exitCode}):\n${output.split('\n').slice(-20).join('\n')}`);
		}
		return {
			rows,
			imported: Number(done[1]),
			fileMb: Math.round(fileMb),
			writeSeconds: Math.round(writeSeconds * 10) / 10,
			importSeconds: Math.round(importSeconds * 10) / 10,
			rowsPerSecond: Math.round(rows / importSeconds),
			peakMemoryMb: Math.round(peak / 1024 / 1024)
		};
	} finally {
		rmSync(file, { force: true });
		rmSync(dataDir, { recursive: true, force: true });
	}
}
