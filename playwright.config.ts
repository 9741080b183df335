import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 4173);
// Each run starts from an empty data directory, so the demo is loaded fresh.
const dataDir = process.env.E2E_DATA_DIR ?? mkdtempSync(path.join(os.tmpdir(), 'leitbild-e2e-'));

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: false,
	// The stories share one server and its demo data, so they run one after another; the lifecycle
	// checks start servers of their own and mostly wait on them, so they run beside the stories.
	workers: 2,
	projects: [
		{ name: 'stories', testIgnore: /app-lifecycle\.spec\.ts$/, workers: 1 },
		{ name: 'lifecycle', testMatch: /app-lifecycle\.spec\.ts$/, workers: 1 }
	],
	retries: 0,
	// Long user stories scan many pages with axe; on a busy 2-core machine that takes a while.
	timeout: 90_000,
	reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
	use: {
		baseURL: `http://localhost:${port}`,
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
	webServer: {
		command: 'node --max-old-space-size=160 --max-semi-space-size=8 scripts/serve.js',
		url: `http://localhost:${port}/healthz`,
		reuseExistingServer: false,
		timeout: 120_000,
		stdout: 'ignore',
		stderr: 'pipe',
		env: {
			PORT: String(port),
			ORIGIN: `http://localhost:${port}`,
			DATA_DIR: dataDir,
			DEMO: 'on',
			METRICS_TOKEN: 'e2e-metrics-token-0123456789',
			// Event photos are uploaded in one request of up to 8 MB plus the form fields.
			E2E_DATA_DIR: dataDir
		}
	}
});
