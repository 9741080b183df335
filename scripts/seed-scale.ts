// `npm run seed:scale -- --municipalities 100 --ideas 1000000 --comments 5000000 --measurements 10000000`:
// fills the database (DATABASE_URL, or the embedded one in DATA_DIR) with fictional data for
// benchmarks at scale. Adds municipalities skala-001, skala-002, … beside whatever is there.
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { readConfig } from '../src/lib/server/config';
import { bootDatabase, type BootedDatabase } from '../src/lib/server/db/boot';
import { seedScale, type ScaleSizes } from '../src/lib/server/db/scale-seed';

const usage = `Usage:
  npm run seed:scale -- [--municipalities N] [--ideas N] [--comments N] [--measurements N] [--authors N]
                        [--articles N] [--events N]

  --municipalities  towns to add (default 10), each with six districts, one strategy, 6 fields, 24 goals,
                    72 measures with their tracking and 25 indicators
  --ideas           ideas across all towns (default 100000)
  --comments        comments on those ideas (default 500000), skewed towards some ideas
  --measurements    indicator measurements (default 1000000), quarterly and per district
  --authors         accounts per town who wrote the ideas and comments (default 200)
  --articles        published news articles across all towns, each with a hashtag (default 10000)
  --events          published events across all towns, 2020 to 2028 (default 10000)

Connects to DATABASE_URL, or to the embedded PostgreSQL in DATA_DIR (default ./data), reusing it when the app is running.`;

const count = (value: string | undefined, fallback: number, name: string) => {
	if (value === undefined) return fallback;
	const parsed = Number(value.replaceAll('_', ''));
	if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`--${name} needs a whole number ≥ 0, not "${value}"`);
	return parsed;
};

let sizes: ScaleSizes;
try {
	const { values } = parseArgs({
		args: process.argv.slice(2),
		strict: true,
		options: {
			municipalities: { type: 'string' },
			ideas: { type: 'string' },
			comments: { type: 'string' },
			measurements: { type: 'string' },
			authors: { type: 'string' },
			articles: { type: 'string' },
			events: { type: 'string' },
			help: { type: 'boolean', short: 'h' }
		}
	});
	if (values.help) {
		console.log(usage);
		process.exit(0);
	}
	sizes = {
		municipalities: count(values.municipalities, 10, 'municipalities'),
		ideas: count(values.ideas, 100_000, 'ideas'),
		comments: count(values.comments, 500_000, 'comments'),
		measurements: count(values.measurements, 1_000_000, 'measurements'),
		authorsPerMunicipality: Math.max(1, count(values.authors, 200, 'authors')),
		articles: count(values.articles, 10_000, 'articles'),
		events: count(values.events, 10_000, 'events')
	};
	if (sizes.municipalities < 1) throw new Error('--municipalities needs at least 1');
} catch (error) {
	console.error(`${(error as Error).message}\n\n${usage}`);
	process.exit(2);
}

// A bar per table in a terminal; one line per finished table in a log.
const bars = process.stdout.isTTY
	? new cliProgress.MultiBar(
			{ format: '{table} |{bar}| {value}/{total} rows · {rate} rows/s', hideCursor: true, clearOnComplete: false },
			cliProgress.Presets.shades_classic
		)
	: undefined;
const tables = new Map<string, { bar?: cliProgress.SingleBar; startedAt: number }>();
const progress = (table: string, done: number, total: number) => {
	let entry = tables.get(table);
	if (!entry) {
		entry = { bar: bars?.create(total, 0, { table: table.padEnd(22), rate: 0 }), startedAt: Date.now() };
		tables.set(table, entry);
	}
	const rate = Math.round(done / Math.max(0.001, (Date.now() - entry.startedAt) / 1000));
	entry.bar?.update(done, { table: table.padEnd(22), rate });
	if (!bars && done === total && total > 0) console.log(`${table}: ${total.toLocaleString('en')} rows, ${rate.toLocaleString('en')} rows/s`);
};

let database: BootedDatabase | undefined;
const startedAt = Date.now();
try {
	database = await bootDatabase(readConfig(), { seedDemo: false, poolSize: 2, whenRunning: 'reuse' });
	const summary = await seedScale(database, sizes, progress);
	bars?.stop();
	const seconds = (Date.now() - startedAt) / 1000;
	console.log(`Added ${summary.municipalitySlugs.length} municipalities (${summary.municipalitySlugs[0]} … ${summary.municipalitySlugs.at(-1)}) in ${seconds.toFixed(1)} s:`);
	for (const [table, rows] of Object.entries(summary.rows)) console.log(`  ${table.padEnd(24)} ${rows.toLocaleString('en')}`);
} catch (error) {
	bars?.stop();
	console.error(`seed:scale failed: ${(error as Error).message}`);
	process.exitCode = 1;
} finally {
	await database?.shutdown();
}
