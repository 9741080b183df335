import { defineConfig } from '@playwright/test';
import { storyServerPorts } from './tests/e2e/servers';
import { testBrowser } from './scripts/test-provision';

// Two servers, each with its own embedded database and demo, take one half of the stories each: the
// stories of one half run one after another because they share their server's data. E2E_PORT is the
// first server's port, the second listens on the next one. They are started by the global setup.
const firstStoryPort = Number(process.env.E2E_PORT ?? 4173);
const [firstPort, secondPort] = storyServerPorts(firstStoryPort);
// Balanced by their running times: a–f and join without the attack corpus, which is as long as the matrix and the
// access checks together, and without figures (run first on the other server; it compares the demo's figures
// before and after its own changes).
const firstHalf = /\/(a[^t]|[b-e]|f(?!igures)|join)[^/]*\.spec\.ts$/;
const lifecycle = /app-lifecycle\.spec\.ts$/;

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: false,
	// The lifecycle checks start servers of their own and mostly wait on them, so they run beside the stories.
	workers: 3,
	projects: [
		{ name: 'stories a–f', testMatch: firstHalf, testIgnore: lifecycle, workers: 1, use: { baseURL: `http://localhost:${firstPort}` } },
		{ name: 'stories g–z', testIgnore: [firstHalf, lifecycle], workers: 1, use: { baseURL: `http://localhost:${secondPort}` } },
		{ name: 'lifecycle', testMatch: lifecycle, workers: 1 }
	],
	// One retry: a story that fails once on this busy machine and then passes is reported as flaky
	// in npm test's summary (with its error), not hidden; one that fails twice fails the run.
	retries: 1,
	// Long user stories scan many pages with axe; on a busy 2-core machine that takes a while.
	timeout: 90_000,
	reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
	use: {
		locale: 'de-DE',
		timezoneId: 'Europe/Berlin',
		launchOptions: {
			// Debian's chromium-headless-shell, or its full chromium where only that is installed (never a downloaded browser).
			executablePath: testBrowser(),
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-dev-shm-usage',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run',
				// V8 without its helper threads (no concurrent compiling or collecting): every test starts fresh
				// renderers whose helpers mostly compiled and collected for an axe scan run once. Measured on four specs
				// (monitoring, figures, public pages, languages), alternating: 13 % less CPU for the run (234–244 s against
				// 271–294 s of user + system time) and 145–151 s against 155–170 s of wall time.
				'--js-flags=--single-threaded'
			]
		}
	},
	globalSetup: './tests/e2e/servers.ts',
	metadata: { firstStoryPort }
});
