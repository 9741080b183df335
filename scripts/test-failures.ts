// The failures of every runner, gathered from their JSON reports and printed after all output, so a CI
// log that keeps only its tail still says which test failed and why.
import { existsSync, readFileSync } from 'node:fs';

export interface Failure {
	runner: string;
	test: string;
	message: string;
	/** Failed at first and passed on retry: reported, but not a failure of the run. */
	flaky: boolean;
}

const firstLines = (text: string, count = 12) =>
	text
		// eslint-disable-next-line no-control-regex -- runners colour their messages with ANSI escapes
		.replace(/\u001b\[[0-9;]*m/g, '')
		.split('\n')
		.slice(0, count)
		.join('\n');

interface VitestReport {
	testResults: { name: string; status: string; message?: string; assertionResults: { fullName: string; status: string; failureMessages: string[] }[] }[];
}

export function vitestFailures(file: string, runner: string): Failure[] {
	if (!existsSync(file)) return [];
	const report = JSON.parse(readFileSync(file, 'utf8')) as VitestReport;
	const failures: Failure[] = [];
	for (const result of report.testResults) {
		const failed = result.assertionResults.filter((test) => test.status === 'failed');
		for (const test of failed)
			failures.push({ runner, test: `${result.name} › ${test.fullName}`, message: firstLines(test.failureMessages.join('\n')), flaky: false });
		// A file that failed to load or whose hooks threw has no failed test of its own.
		if (result.status === 'failed' && failed.length === 0)
			failures.push({ runner, test: result.name, message: firstLines(result.message ?? ''), flaky: false });
	}
	return failures;
}

interface PlaywrightSuite {
	title: string;
	file?: string;
	specs?: { title: string; line: number; tests: { projectName: string; status: string; results: { status: string; error?: { message?: string } }[] }[] }[];
	suites?: PlaywrightSuite[];
}

export function playwrightFailures(file: string, runner: string): Failure[] {
	if (!existsSync(file)) return [];
	const report = JSON.parse(readFileSync(file, 'utf8')) as { suites: PlaywrightSuite[]; errors?: { message?: string }[] };
	const failures: Failure[] = [];
	const walk = (suite: PlaywrightSuite, path: string[]) => {
		for (const spec of suite.specs ?? [])
			for (const test of spec.tests) {
				if (test.status !== 'unexpected' && test.status !== 'flaky') continue;
				const error = test.results.find((result) => result.error)?.error?.message ?? '';
				failures.push({
					runner,
					test: `[${test.projectName}] ${[...path, spec.title].join(' › ')}:${spec.line}`,
					message: firstLines(error),
					flaky: test.status === 'flaky'
				});
			}
		for (const child of suite.suites ?? []) walk(child, [...path, child.title]);
	};
	for (const suite of report.suites) walk(suite, [suite.file ?? suite.title]);
	for (const error of report.errors ?? []) failures.push({ runner, test: '(outside any test)', message: firstLines(error.message ?? ''), flaky: false });
	return failures;
}

export function printFailures(failures: Failure[]): void {
	if (failures.length === 0) return;
	console.log(`\n── ${failures.length} failed or flaky test(s) ──`);
	for (const failure of failures) {
		console.log(`\n✘ ${failure.flaky ? 'flaky (failed, then passed on retry)' : 'failed'} · ${failure.runner} · ${failure.test}`);
		if (failure.message) console.log(failure.message.replace(/^/gm, '    '));
	}
}
