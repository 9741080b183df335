import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import pg from 'pg';
import { demoEventIds } from '../../src/lib/server/demo/demo-event-ids';
import { findFreePort, startEmbeddedPostgres } from '../../src/lib/server/db/embedded';

// These start their own servers (not the shared one of the other specs) to check how the app
// lives with its embedded PostgreSQL: first start, a kill -9, a lost database, an external one.

const START_TIMEOUT_MS = 180_000;

type App = { process: ChildProcess; port: number; logFile: string };

async function startApp(dataDir: string, env: Record<string, string> = {}): Promise<App> {
	const port = await findFreePort();
	const logFile = path.join(dataDir, `app-${port}.log`);
	const log = openSync(logFile, 'a');
	const child = spawn(process.execPath, ['scripts/serve.js'], {
		env: { ...process.env, PORT: String(port), ORIGIN: `http://localhost:${port}`, DATA_DIR: dataDir, ...env },
		stdio: ['ignore', log, log]
	});
	// A first start creates a cluster and loads the demo: ~10 s alone, but this spec runs beside the stories,
	// and on a busy two-core machine the same start has taken more than a minute.
	const deadline = Date.now() + START_TIMEOUT_MS;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`app exited: ${readFileSync(logFile, 'utf8')}`);
		try {
			const response = await fetch(`http://127.0.0.1:${port}/healthz`);
			if (response.status === 200) return { process: child, port, logFile };
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	child.kill('SIGKILL');
	throw new Error(`app did not become healthy within ${START_TIMEOUT_MS / 1000} s: ${readFileSync(logFile, 'utf8')}`);
}

async function stopApp(app: App, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
	if (app.process.exitCode !== null) return;
	const exited = new Promise((resolve) => app.process.once('exit', resolve));
	app.process.kill(signal);
	await exited;
}

const postmasterPid = (dataDir: string) => Number(readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
const isAlive = (pid: number) => {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
};
async function waitFor(condition: () => boolean, timeoutMs = 20_000) {
	const deadline = Date.now() + timeoutMs;
	while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
	return condition();
}

test.describe.configure({ mode: 'serial' });
// Up to two starts of the app and one of an external PostgreSQL per test.
test.setTimeout(3 * START_TIMEOUT_MS);

test('after a kill -9 the next start stops the orphaned database server and comes up with the same data', async () => {
	const dataDir = mkdtempSync(path.join(os.tmpdir(), 'leitbild-lifecycle-'));
	try {
		const first = await startApp(dataDir);
		expect(existsSync(path.join(dataDir, 'postgres', 'PG_VERSION'))).toBe(true);
		const home = await (await fetch(`http://127.0.0.1:${first.port}/`)).text();
		expect(home).toContain('Münster');
		const orphan = postmasterPid(dataDir);
		await stopApp(first, 'SIGKILL');
		// The database server outlives the killed app: this is the situation the next start must handle.
		expect(isAlive(orphan)).toBe(true);

		const second = await startApp(dataDir);
		expect(isAlive(orphan)).toBe(false);
		const page = await fetch(`http://127.0.0.1:${second.port}/muenster/strategies/migration-und-integration/editions/4`);
		expect(page.status).toBe(200);
		expect(readFileSync(second.logFile, 'utf8')).toContain('left running by an earlier process');

		// A clean stop takes the database server down with the app.
		const running = postmasterPid(dataDir);
		await stopApp(second);
		expect(await waitFor(() => !isAlive(running))).toBe(true);
	} finally {
		rmSync(dataDir, { recursive: true, force: true });
	}
});

test('the health check answers 503 when the database is gone', async () => {
	const dataDir = mkdtempSync(path.join(os.tmpdir(), 'leitbild-lifecycle-'));
	try {
		const app = await startApp(dataDir, { DEMO: 'off', AUTH_SECRET: 'lifecycle-test-secret-0123456789abcdef' });
		process.kill(postmasterPid(dataDir), 'SIGINT');
		await expect
			.poll(async () => {
				const response = await fetch(`http://127.0.0.1:${app.port}/healthz`);
				return { status: response.status, body: await response.json() };
			}, { timeout: 20_000 })
			.toEqual({ status: 503, body: { status: 'error', db: 'error' } });
		await stopApp(app);
	} finally {
		rmSync(dataDir, { recursive: true, force: true });
	}
});

test('DEMO=off starts an empty install', async () => {
	const dataDir = mkdtempSync(path.join(os.tmpdir(), 'leitbild-lifecycle-'));
	try {
		const app = await startApp(dataDir, { DEMO: 'off', AUTH_SECRET: 'lifecycle-test-secret-0123456789abcdef' });
		const home = await (await fetch(`http://127.0.0.1:${app.port}/`)).text();
		expect(home).not.toContain('Münster');
		expect((await fetch(`http://127.0.0.1:${app.port}/muenster`)).status).toBe(404);
		await stopApp(app);
	} finally {
		rmSync(dataDir, { recursive: true, force: true });
	}
});

test('with DATABASE_URL the app uses that server, migrates it and starts no embedded one', async () => {
	const externalDir = mkdtempSync(path.join(os.tmpdir(), 'leitbild-external-'));
	const appDir = mkdtempSync(path.join(os.tmpdir(), 'leitbild-lifecycle-'));
	const external = await startEmbeddedPostgres({ dataDir: externalDir, databaseName: 'external_leitbild', whenRunning: 'stop' });
	try {
		const app = await startApp(appDir, { DATABASE_URL: external.url });
		expect(existsSync(path.join(appDir, 'postgres'))).toBe(false);
		const page = await fetch(`http://127.0.0.1:${app.port}/muenster`);
		expect(page.status).toBe(200);
		await stopApp(app);
	} finally {
		await external.stop();
		rmSync(externalDir, { recursive: true, force: true });
		rmSync(appDir, { recursive: true, force: true });
	}
});

test('two app instances on one PostgreSQL share sessions and sign-in limits', async () => {
	const externalDir = mkdtempSync(path.join(os.tmpdir(), 'leitbild-external-'));
	const appDirs = [mkdtempSync(path.join(os.tmpdir(), 'leitbild-lifecycle-')), mkdtempSync(path.join(os.tmpdir(), 'leitbild-lifecycle-'))];
	const external = await startEmbeddedPostgres({ dataDir: externalDir, databaseName: 'shared_leitbild', whenRunning: 'stop' });
	const apps: App[] = [];
	try {
		const env = { DATABASE_URL: external.url, AUTH_SECRET: 'two-instances-secret-0123456789abcdef' };
		apps.push(await startApp(appDirs[0], env));
		apps.push(await startApp(appDirs[1], env));
		const [one, two] = apps;
		const signIn = (app: App, password: string) =>
			fetch(`http://127.0.0.1:${app.port}/sign-in`, {
				method: 'POST',
				body: new URLSearchParams({ email: 'teilnahme@example.org', password }),
				headers: { origin: `http://localhost:${app.port}`, accept: 'text/html' },
				redirect: 'manual'
			});

		const signedIn = await signIn(one, 'demo-participant');
		expect(signedIn.status).toBe(303);
		const session = signedIn.headers.getSetCookie().map((cookie) => cookie.split(';')[0]).join('; ');
		expect(session).toContain('session_token=');
		const account = await fetch(`http://127.0.0.1:${two.port}/account`, { headers: { cookie: session }, redirect: 'manual' });
		expect(account.status).toBe(200);
		expect(await account.text()).toContain('teilnahme@example.org');

		// Wrong passwords alternate between the instances; the sixth is refused by whichever gets it.
		for (let attempt = 0; attempt < 5; attempt++) expect((await signIn(apps[attempt % 2], 'falsch-falsch-falsch')).status).toBe(400);
		expect((await signIn(two, 'falsch-falsch-falsch')).status).toBe(429);
		expect((await signIn(one, 'demo-participant')).status).toBe(429);
	} finally {
		for (const app of apps) await stopApp(app);
		await external.stop();
		rmSync(externalDir, { recursive: true, force: true });
		for (const dir of appDirs) rmSync(dir, { recursive: true, force: true });
	}
});

// One address registers guests far faster than people do: the burst needs more than the hourly budget per address.
const burstLimits = { EVENT_REGISTRATIONS_PER_HOUR: '100000' };

/**
 * Guest registrations for the demo's upcoming event, eight at a time, until `killAfter` of them are
 * acknowledged; then `kill` runs and the burst ends. Answers that arrive after the kill still count:
 * the server sent them, so their writes were committed.
 */
async function registrationBurst(app: App, killAfter: number, kill: () => void): Promise<string[]> {
	const acknowledged: string[] = [];
	let next = 0;
	let killed = false;
	const url = `http://127.0.0.1:${app.port}/muenster/events/${demoEventIds.muenster}?/register`;
	const worker = async () => {
		while (!killed) {
			const email = `absturz-${next++}@example.org`;
			try {
				const response = await fetch(url, {
					method: 'POST',
					body: new URLSearchParams({ name: 'Absturz Probe', email }),
					headers: { origin: `http://localhost:${app.port}`, 'x-sveltekit-action': 'true' }
				});
				const result = (await response.json()) as { type: string };
				if (response.status === 200 && result.type === 'success') acknowledged.push(email);
				else if (!killed) throw new Error(`a registration was refused: ${response.status} ${JSON.stringify(result)}`);
			} catch (error) {
				if (!killed) throw error;
			}
			if (!killed && acknowledged.length >= killAfter) {
				killed = true;
				kill();
			}
		}
	};
	await Promise.all(Array.from({ length: 8 }, worker));
	return acknowledged;
}

async function registeredEmails(databaseUrl: string): Promise<Set<string>> {
	const client = new pg.Client({ connectionString: databaseUrl });
	await client.connect();
	try {
		const { rows } = await client.query<{ email: string }>("select email from event_registrations where email like 'absturz-%'");
		return new Set(rows.map((row) => row.email));
	} finally {
		await client.end();
	}
}

test('a kill -9 of the app and its embedded database during a write burst loses no acknowledged write', async () => {
	const dataDir = mkdtempSync(path.join(os.tmpdir(), 'leitbild-crash-'));
	try {
		const app = await startApp(dataDir, burstLimits);
		const database = postmasterPid(dataDir);
		const acknowledged = await registrationBurst(app, 60, () => {
			app.process.kill('SIGKILL');
			process.kill(database, 'SIGKILL');
		});
		expect(acknowledged.length).toBeGreaterThanOrEqual(60);
		expect(await waitFor(() => !isAlive(database))).toBe(true);

		// The next start recovers the database from its write-ahead log and serves again.
		const restarted = await startApp(dataDir);
		const reopened = await startEmbeddedPostgres({ dataDir, whenRunning: 'reuse' });
		const stored = await registeredEmails(reopened.url);
		expect(acknowledged.filter((email) => !stored.has(email))).toEqual([]);
		expect((await fetch(`http://127.0.0.1:${restarted.port}/muenster/events/${demoEventIds.muenster}`)).status).toBe(200);
		await stopApp(restarted);
	} finally {
		rmSync(dataDir, { recursive: true, force: true });
	}
});

test('a kill -9 of the app on an external PostgreSQL during a write burst loses no acknowledged write', async () => {
	const externalDir = mkdtempSync(path.join(os.tmpdir(), 'leitbild-external-'));
	const appDir = mkdtempSync(path.join(os.tmpdir(), 'leitbild-crash-'));
	const external = await startEmbeddedPostgres({ dataDir: externalDir, databaseName: 'crash_leitbild', whenRunning: 'stop' });
	try {
		const env = { DATABASE_URL: external.url };
		const app = await startApp(appDir, { ...env, ...burstLimits });
		const acknowledged = await registrationBurst(app, 60, () => app.process.kill('SIGKILL'));
		const restarted = await startApp(appDir, env);
		const stored = await registeredEmails(external.url);
		expect(acknowledged.filter((email) => !stored.has(email))).toEqual([]);
		await stopApp(restarted);
	} finally {
		await external.stop();
		rmSync(externalDir, { recursive: true, force: true });
		rmSync(appDir, { recursive: true, force: true });
	}
});
