import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

// Two servers, each with its own embedded database and demo, take one half of the stories each: the
// stories of one half run one after another because they share their server's data. E2E_PORT is the
// first server's port, the second listens on the next one.
const port = Number(process.env.E2E_PORT ?? 4173);
const servers = [port, port + 1].map((serverPort) => ({
	port: serverPort,
	// Each run starts from an empty data directory, so the demo is loaded fresh.
	dataDir: mkdtempSync(path.join(os.tmpdir(), 'leitbild-e2e-'))
}));
// Balanced by their running times: a–f and join without the attack corpus, which is as long as the matrix and the
// access checks together.
const firstHalf = /\/(a[^t]|[b-f]|join)[^/]*\.spec\.ts$/;
const lifecycle = /app-lifecycle\.spec\.ts$/;

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: false,
	// The lifecycle checks start servers of their own and mostly wait on them, so they run beside the stories.
	workers: 3,
	projects: [
		{ name: 'stories a–f', testMatch: firstHalf, testIgnore: lifecycle, workers: 1, use: { baseURL: `http://localhost:${servers[0].port}` } },
		{ name: 'stories g–z', testIgnore: [firstHalf, lifecycle], workers: 1, use: { baseURL: `http://localhost:${servers[1].port}` } },
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
			executablePath: '/usr/bin/chromium',
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-dev-shm-usage',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run'
			]
		}
	},
	webServer: servers.map((server) => ({
		command: 'node --max-old-space-size=160 --max-semi-space-size=8 scripts/serve.js',
		url: `http://localhost:${server.port}/healthz`,
		reuseExistingServer: false,
		timeout: 120_000,
		stdout: 'ignore' as const,
		stderr: 'pipe' as const,
		env: {
			PORT: String(server.port),
			ORIGIN: `http://localhost:${server.port}`,
			DATA_DIR: server.dataDir,
			DEMO: 'on',
			METRICS_TOKEN: 'e2e-metrics-token-0123456789',
			// Playwright's request client reuses idle sockets; a server closing one just as a request goes out
			// resets that request (ECONNRESET), so the servers keep idle sockets longer than any test pauses.
			KEEP_ALIVE_TIMEOUT: '65',
			// As npm start runs it (scripts/server-flags.ts).
			MALLOC_ARENA_MAX: '2'
		}
	}))
});
