// `npm run bench`: throughput, latency and memory of the public edition page, measured against a raw
// node:http server on the same machine with the same load, so the figures can be compared across machines
// by their ratio. Every server runs on its own, one after another, as a child process of this script.
// A full run also times the PDF of the 4th edition's council submission and of its annual report, generated uncached,
// and the CSV import of a million measurements (rows/s and the importing process's peak memory).
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync, closeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { findFreePort } from '../src/lib/server/db/embedded';
import { comingDay, comingWeeksFrom } from '../src/lib/server/demo/demo-coming-days';
import { calendarDayIn } from '../src/lib/server/calendar-day';
import {
	COLD_START_TARGET_MS,
	cpuTicksBetween,
	formatCpu,
	isScalePageId,
	median,
	medianCpu,
	meetsTarget,
	parseBenchArguments,
	parseProcessStat,
	parseVmRss,
	problemsOf,
	processTreeTicks,
	summarise,
	type BenchOptions,
	type LoadResult,
	type Measurement,
	type ScenarioId,
	type Target
} from './bench-lib';
import { ensureBuild, projectRoot } from './ensure-build';
import { serverEnvironment, serverNodeFlags } from './server-flags';
import { benchAtScale, MAX_GROWTH, SMALL_SCALE, type ScaleResult } from './bench-scale';
import { benchMeasurementImport, type ImportBenchResult } from './bench-import';

// The server `npm start` runs, fast path for cache hits included.
const serveScript = path.join(projectRoot, 'scripts', 'serve.js');
const editionPath = '/muenster/strategies/migration-und-integration/editions/4';
// Filtered and on its second page, so that the count, the filter and the offset all do their work.
const ideasListPath = `${editionPath}/ideas?status=adopted&page=2`;
const documentPath = `${editionPath}/document`;
const comparePath = `${documentPath}?compare=1..2`;
// The demo's coming events move with the day it is loaded: the servers and this month (the one with the busy
// Saturday, as the demo wrote it in February 2027) are planned from the same day.
process.env.DEMO_DAY ??= calendarDayIn('Europe/Berlin', new Date());
const monthGridPath = `/muenster/events?month=${comingDay('2027-02-27', comingWeeksFrom(process.env.DEMO_DAY)).slice(0, 7)}`;
const regionFeedPath = '/regions/muensterland/events.ics';
const monitorPath = `${editionPath}/monitor`;
const articlePath = '/muenster/news/abschlussveranstaltung-im-historischen-rathaus';
const tagPath = '/muenster/tags/leitbild';
const sitemapPath = '/sitemaps/muenster/1.xml';
const searchPath = '/muenster/search?q=Sprachkurse';
// Words of a measure's English translation: the reader's language is searched beside the German originals.
const translatedSearchPath = '/en/muenster/search?q=recognition';
const apiMeasuresPath = '/api/v1/municipalities/muenster/strategies/migration-und-integration/editions/4/measures?limit=50';

type Server = { label: string; child: ChildProcess; port: number; exited: Promise<void>; dataDir?: string; logFile: string };

type Scenario = {
	id: ScenarioId;
	title: string;
	expectedStatus: number;
	target?: Target;
	start: () => Promise<Server>;
	/** Checks that the server answers the way the scenario claims before it is loaded; returns the request headers. */
	prepare: (server: Server) => Promise<Record<string, string>>;
	/** Fixed, or found by `prepare` (the idea detail takes the first idea of the list). */
	path: string | ((server: Server) => string);
};

type ScenarioResult = {
	id: string;
	title: string;
	url: string;
	headers: Record<string, string>;
	runs: (Measurement & { ratioToRaw: number | null; loadAverage: number[]; problems: string[] })[];
	median: { requestsPerSecond: number; p50Ms: number; p99Ms: number; peakRssMb: number; ratioToRaw: number | null; cpuMsPerRequest: Measurement['cpuMsPerRequest'] };
	target?: Target & { met: boolean };
};

const running = new Set<Server>();
const workDir = mkdtempSync(path.join(os.tmpdir(), 'leitbild-bench-'));
// As root the embedded PostgreSQL runs as the postgres user, which must be able to reach its directory inside.
chmodSync(workDir, 0o755);
const sharedDataDir = path.join(workDir, 'data');

function processIsAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

function readRss(pid: number): number | undefined {
	try {
		return parseVmRss(readFileSync(`/proc/${pid}/status`, 'utf8'));
	} catch {
		return undefined;
	}
}

function tail(file: string, lines = 30): string {
	if (!existsSync(file)) return '';
	return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
}

function spawnServer(label: string, args: string[], env: NodeJS.ProcessEnv, port: number, dataDir?: string): Server {
	const logFile = path.join(workDir, `${label.replace(/\W+/g, '-')}-${port}.log`);
	// Output goes to a file: a pipe nobody reads would block the server, and a file survives for the error report.
	const log = openSync(logFile, 'a');
	const child = spawn(process.execPath, args, { cwd: projectRoot, env, stdio: ['ignore', log, log], detached: true });
	closeSync(log);
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	const server = { label, child, port, exited, dataDir, logFile };
	running.add(server);
	return server;
}

async function waitForHttp(server: Server, url: string, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	let exited = false;
	void server.exited.then(() => (exited = true));
	while (Date.now() < deadline) {
		if (exited) throw new Error(`${server.label} exited during start-up:\n${tail(server.logFile)}`);
		try {
			const response = await fetch(url);
			await response.arrayBuffer();
			if (response.ok) return;
		} catch {
			// Not listening yet.
		}
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	throw new Error(`${server.label} did not answer ${url} within ${timeoutMs / 1000} s:\n${tail(server.logFile)}`);
}

async function startHelloWorld(): Promise<Server> {
	const port = await findFreePort();
	const code = `require('node:http').createServer((request, response) => {
		response.writeHead(200, { 'content-type': 'text/plain' });
		response.end('hello world');
	}).listen(${port}, '127.0.0.1');`;
	const server = spawnServer('node:http hello world', ['-e', code], { PATH: process.env.PATH, NODE_ENV: 'production' }, port);
	await waitForHttp(server, `http://127.0.0.1:${port}/`, 10_000);
	return server;
}

async function startAppWith(environment: Record<string, string>, dataDir: string, label: string): Promise<Server> {
	const port = await findFreePort();
	const origin = `http://127.0.0.1:${port}`;
	const env: NodeJS.ProcessEnv = { ...process.env, ...serverEnvironment, NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port), ORIGIN: origin };
	// The embedded PostgreSQL in a fresh directory, never a database named in the caller's environment.
	delete env.DATABASE_URL;
	Object.assign(env, { DATA_DIR: dataDir, LEITBILD_ROOT: projectRoot, ...environment });
	const server = spawnServer(label, [...serverNodeFlags, serveScript], env, port, dataDir);
	await waitForHttp(server, `${origin}/healthz`, 180_000);
	return server;
}

/**
 * The first start on an empty directory creates the cluster, migrates and loads the demo. The process keeps much
 * of the memory that took (the uncached edition page under load: 252 MB peak RSS in the server that had loaded
 * the demo, 177 MB in one started on the loaded database), so it happens in a server of its own, and every
 * measured server starts on an existing database, as a production server does after its first start.
 */
async function prepareSharedDataDir(): Promise<void> {
	if (existsSync(path.join(sharedDataDir, 'postgres', 'PG_VERSION'))) return;
	console.log('[bench] preparing the embedded database with the demo (a server of its own, not measured)…');
	await stopServer(await startAppWith({ DEMO: 'on', PUBLIC_CACHE: 'off' }, sharedDataDir, 'Leitbild (preparing the demo)'));
}

const startApp = (publicCache: boolean) =>
	startAppWith({ DEMO: 'on', PUBLIC_CACHE: publicCache ? 'on' : 'off' }, sharedDataDir, `Leitbild (PUBLIC_CACHE=${publicCache ? 'on' : 'off'})`);

/** SIGTERM lets adapter-node stop the embedded PostgreSQL; a server that hangs is killed, and so is its database. */
async function stopServer(server: Server): Promise<void> {
	const pid = server.child.pid;
	if (pid !== undefined && server.child.exitCode === null && server.child.signalCode === null) {
		server.child.kill('SIGTERM');
		const stopped = await Promise.race([server.exited.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 20_000))]);
		if (!stopped) {
			server.child.kill('SIGKILL');
			await server.exited;
		}
	}
	if (server.dataDir) {
		const pidFile = path.join(server.dataDir, 'postgres', 'postmaster.pid');
		const postgresPid = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').split('\n')[0]) : 0;
		if (Number.isInteger(postgresPid) && postgresPid > 0 && processIsAlive(postgresPid)) {
			process.kill(postgresPid, 'SIGINT');
			const deadline = Date.now() + 20_000;
			while (processIsAlive(postgresPid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
		}
	}
	running.delete(server);
}

async function stopAll(): Promise<void> {
	await Promise.all([...running].map((server) => stopServer(server).catch((error) => console.error(`[bench] stopping ${server.label}:`, error))));
}

async function get(url: string, headers: Record<string, string> = {}) {
	const response = await fetch(url, { headers, redirect: 'manual' });
	return { status: response.status, headers: response.headers, body: await response.text() };
}

function expectThat(condition: boolean, message: string): void {
	if (!condition) throw new Error(`precondition failed: ${message}`);
}

const pageUrl = (server: Server) => `http://127.0.0.1:${server.port}${editionPath}`;

async function expectPublicPage(server: Server) {
	const response = await get(pageUrl(server));
	expectThat(response.status === 200, `${editionPath} answered ${response.status}`);
	expectThat((response.headers.get('content-type') ?? '').startsWith('text/html'), 'the page is not text/html');
	expectThat(response.headers.has('content-security-policy'), 'the page has no Content-Security-Policy');
	expectThat(response.headers.get('x-content-type-options') === 'nosniff', 'the page lacks the security headers');
	return response;
}

const ideaDetailPaths = new WeakMap<Server, string>();
const indicatorPaths = new WeakMap<Server, string>();

const scenarios: Scenario[] = [
	{
		id: 'a',
		title: 'raw node:http hello world',
		expectedStatus: 200,
		path: '/',
		start: startHelloWorld,
		prepare: async () => ({})
	},
	{
		id: 'b',
		title: 'edition page, uncached (PUBLIC_CACHE=off)',
		expectedStatus: 200,
		target: { minRatio: 0.03, maxP99Ms: 100 },
		path: editionPath,
		start: () => startApp(false),
		prepare: async (server) => {
			await expectPublicPage(server);
			const again = await expectPublicPage(server);
			expectThat(!again.headers.has('x-cache'), 'PUBLIC_CACHE=off but the page came from the cache');
			return {};
		}
	},
	{
		id: 'c',
		title: 'edition page, public page cache on',
		expectedStatus: 200,
		target: { minRatio: 0.15 },
		path: editionPath,
		start: () => startApp(true),
		prepare: async (server) => {
			const first = await expectPublicPage(server);
			const second = await expectPublicPage(server);
			expectThat(second.headers.get('x-cache') === 'hit', `the second anonymous GET was not a cache hit (X-Cache: ${second.headers.get('x-cache')})`);
			expectThat(second.body === first.body, 'the cached body differs from the rendered one');
			return {};
		}
	},
	{
		id: 'd',
		title: 'edition page, revalidation with If-None-Match (304)',
		expectedStatus: 304,
		target: { minRatio: 0.15 },
		path: editionPath,
		start: () => startApp(true),
		prepare: async (server) => {
			const page = await expectPublicPage(server);
			const etag = page.headers.get('etag');
			expectThat(Boolean(etag), 'the cached page has no ETag');
			const revalidated = await get(pageUrl(server), { 'if-none-match': etag! });
			expectThat(revalidated.status === 304, `If-None-Match with the current ETag answered ${revalidated.status}`);
			expectThat(revalidated.body === '', 'the 304 carried a body');
			return { 'if-none-match': etag! };
		}
	},
	{
		id: 'e',
		title: 'ideas list, filtered, page 2, uncached',
		expectedStatus: 200,
		path: ideasListPath,
		start: () => startApp(false),
		prepare: async (server) => {
			const list = await get(`http://127.0.0.1:${server.port}${ideasListPath}`);
			expectThat(list.status === 200, `${ideasListPath} answered ${list.status}`);
			expectThat((list.body.match(/href="[^"]*\/ideas\/[0-9a-f-]{36}"/g) ?? []).length >= 10, 'the second page of adopted ideas lists fewer than ten ideas');
			return {};
		}
	},
	{
		id: 'f',
		title: 'one idea with its comments, uncached',
		expectedStatus: 200,
		path: (server) => ideaDetailPaths.get(server)!,
		start: () => startApp(false),
		prepare: async (server) => {
			const list = await get(`http://127.0.0.1:${server.port}${editionPath}/ideas`);
			const first = list.body.match(/href="([^"]*\/ideas\/[0-9a-f-]{36})"/)?.[1];
			expectThat(Boolean(first), 'the ideas list links no idea');
			const detail = await get(`http://127.0.0.1:${server.port}${first}`);
			expectThat(detail.status === 200 && detail.body.includes('<h1'), `${first} answered ${detail.status}`);
			ideaDetailPaths.set(server, first!);
			return {};
		}
	},
	{
		id: 'g',
		title: 'the edition’s document, latest version, uncached',
		expectedStatus: 200,
		path: documentPath,
		start: () => startApp(false),
		prepare: async (server) => {
			const page = await get(`http://127.0.0.1:${server.port}${documentPath}`);
			expectThat(page.status === 200, `${documentPath} answered ${page.status}`);
			expectThat((page.body.match(/id="goal-/g) ?? []).length >= 5, 'the document shows fewer than five goals');
			return {};
		}
	},
	{
		id: 'h',
		title: 'comparison of versions 1 and 2, uncached',
		expectedStatus: 200,
		path: comparePath,
		start: () => startApp(false),
		prepare: async (server) => {
			const page = await get(`http://127.0.0.1:${server.port}${comparePath}`);
			expectThat(page.status === 200, `${comparePath} answered ${page.status}`);
			expectThat(page.body.includes('<ins') && page.body.includes('<del'), 'the comparison shows no insertion or deletion');
			return {};
		}
	},
	{
		id: 'i',
		title: 'month grid of the calendar, its busiest demo month, uncached',
		expectedStatus: 200,
		path: monthGridPath,
		start: () => startApp(false),
		prepare: async (server) => {
			const grid = await get(`http://127.0.0.1:${server.port}${monthGridPath}`);
			expectThat(grid.status === 200, `${monthGridPath} answered ${grid.status}`);
			expectThat(/<table class="calendar-month/.test(grid.body), 'the month grid has no table');
			expectThat((grid.body.match(/href="[^"]*\/events\/[0-9a-f-]{36}"/g) ?? []).length >= 3, 'the month grid links fewer than three events');
			return {};
		}
	},
	{
		id: 'j',
		title: 'regional iCalendar feed',
		expectedStatus: 200,
		path: regionFeedPath,
		start: () => startApp(false),
		prepare: async (server) => {
			const feed = await get(`http://127.0.0.1:${server.port}${regionFeedPath}`);
			expectThat(feed.status === 200 && feed.headers.get('content-type') === 'text/calendar; charset=utf-8', `${regionFeedPath} answered ${feed.status}`);
			expectThat((feed.body.match(/BEGIN:VEVENT/g) ?? []).length >= 5, 'the regional feed carries fewer than five events');
			return {};
		}
	},
	{
		id: 'k',
		title: 'the edition’s monitor, uncached',
		expectedStatus: 200,
		path: monitorPath,
		start: () => startApp(false),
		prepare: async (server) => {
			const page = await get(`http://127.0.0.1:${server.port}${monitorPath}`);
			expectThat(page.status === 200, `${monitorPath} answered ${page.status}`);
			expectThat((page.body.match(/href="[^"]*\/monitor\/measures\/[0-9a-f-]{36}"/g) ?? []).length >= 10, 'the monitor links fewer than ten measures');
			return {};
		}
	},
	{
		id: 'l',
		title: 'one indicator with its chart and table, uncached',
		expectedStatus: 200,
		path: (server) => indicatorPaths.get(server)!,
		start: () => startApp(false),
		prepare: async (server) => {
			const monitor = await get(`http://127.0.0.1:${server.port}${monitorPath}`);
			const first = monitor.body.match(/href="([^"]*\/monitor\/indicators\/[0-9a-f-]{36})"/)?.[1];
			expectThat(Boolean(first), 'the monitor links no indicator');
			const page = await get(`http://127.0.0.1:${server.port}${first}`);
			expectThat(page.status === 200 && page.body.includes('<svg') && page.body.includes('<table'), `${first} answered ${page.status} without chart and table`);
			indicatorPaths.set(server, first!);
			return {};
		}
	},
	{
		id: 'm',
		title: 'one news article with its hashtags and structured data, uncached',
		expectedStatus: 200,
		path: articlePath,
		start: () => startApp(false),
		prepare: async (server) => {
			const page = await get(`http://127.0.0.1:${server.port}${articlePath}`);
			expectThat(page.status === 200, `${articlePath} answered ${page.status}`);
			expectThat(page.body.includes('"@type":"NewsArticle"'), 'the article carries no NewsArticle data');
			expectThat(page.body.includes('/muenster/tags/leitbild'), 'the article links no hashtag page');
			return {};
		}
	},
	{
		id: 'n',
		title: 'a hashtag page listing its articles, uncached',
		expectedStatus: 200,
		path: tagPath,
		start: () => startApp(false),
		prepare: async (server) => {
			const page = await get(`http://127.0.0.1:${server.port}${tagPath}`);
			expectThat(page.status === 200, `${tagPath} answered ${page.status}`);
			expectThat((page.body.match(/href="[^"]*\/muenster\/news\/[a-z0-9-]+"/g) ?? []).length >= 2, 'the tag page lists fewer than two articles');
			return {};
		}
	},
	{
		id: 'o',
		title: 'a municipality’s sitemap, kept in memory until public data changes',
		expectedStatus: 200,
		path: sitemapPath,
		start: () => startApp(true),
		prepare: async (server) => {
			const sitemap = await get(`http://127.0.0.1:${server.port}${sitemapPath}`);
			expectThat(sitemap.status === 200 && (sitemap.headers.get('content-type') ?? '').startsWith('application/xml'), `${sitemapPath} answered ${sitemap.status}`);
			expectThat((sitemap.body.match(/<url>/g) ?? []).length >= 40, 'the sitemap lists fewer than forty addresses');
			return {};
		}
	},
	{
		id: 'p',
		title: 'the open-data API: first page of the edition’s measures',
		expectedStatus: 200,
		path: apiMeasuresPath,
		// The per-address limit (600 a minute) would answer most requests with 429 and measure the wall.
		start: () => startAppWith({ DEMO: 'on', PUBLIC_CACHE: 'off', API_RATE_LIMIT_PER_MINUTE: '100000000' }, sharedDataDir, 'Leitbild (API_RATE_LIMIT_PER_MINUTE raised)'),
		prepare: async (server) => {
			const page = await get(`http://127.0.0.1:${server.port}${apiMeasuresPath}`);
			expectThat(page.status === 200, `${apiMeasuresPath} answered ${page.status}`);
			expectThat(((JSON.parse(page.body) as { data?: unknown[] }).data?.length ?? 0) > 0, 'the API listed no measures');
			return {};
		}
	},
	{
		id: 'q',
		title: 'the search of a municipality, all kinds (never cached)',
		expectedStatus: 200,
		path: searchPath,
		start: () => startApp(true),
		prepare: async (server) => {
			const page = await get(`http://127.0.0.1:${server.port}${searchPath}`);
			expectThat(page.status === 200, `${searchPath} answered ${page.status}`);
			expectThat((page.body.match(/<mark>/g) ?? []).length >= 5, 'the search marks fewer than five matching words');
			expectThat(!page.headers.has('x-cache'), 'the search came from the page cache');
			return {};
		}
	},
	{
		id: 'r',
		title: 'the search of a municipality in English, its translations included (never cached)',
		expectedStatus: 200,
		path: translatedSearchPath,
		start: () => startApp(true),
		prepare: async (server) => {
			const page = await get(`http://127.0.0.1:${server.port}${translatedSearchPath}`);
			expectThat(page.status === 200, `${translatedSearchPath} answered ${page.status}`);
			expectThat(page.body.includes('<mark>recognition</mark>'), 'the English search found no translated measure');
			return {};
		}
	}
];

async function load(url: string, headers: Record<string, string>, options: BenchOptions, duration: number): Promise<LoadResult> {
	const result = await autocannon({ url, headers, connections: options.connections, duration });
	return result as unknown as LoadResult;
}

/** Every process's parent and CPU time so far, from /proc. */
function readProcesses(): Map<number, { parentPid: number; ticks: number }> {
	const processes = new Map<number, { parentPid: number; ticks: number }>();
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const parsed = parseProcessStat(readFileSync(`/proc/${entry}/stat`, 'utf8'));
			if (parsed) processes.set(Number(entry), parsed);
		} catch {
			// Ended since the directory was listed.
		}
	}
	return processes;
}

/**
 * Samples the server's resident memory while the load runs and a moment after, keeping the peak, and reads the
 * CPU time the server and the processes it started spend in that while.
 */
function sampleServer(pid: number) {
	const cpuBefore = processTreeTicks(pid, readProcesses());
	let peak = readRss(pid) ?? 0;
	const timer = setInterval(() => (peak = Math.max(peak, readRss(pid) ?? 0)), 100);
	return async () => {
		await new Promise((resolve) => setTimeout(resolve, 300));
		clearInterval(timer);
		return { peakRssBytes: Math.max(peak, readRss(pid) ?? 0), cpuTicks: cpuTicksBetween(pid, cpuBefore, processTreeTicks(pid, readProcesses())) };
	};
}

type PdfGeneration = { url: string; uncachedMs: number[]; medianMs: number; cachedMs: number; bytes: number };

/**
 * The council submission of the whole 4th edition as PDF, generated anew each run: the cached file is
 * removed first, so each download reads the version and the figures and writes the PDF. One request
 * at a time; the median of the runs is the figure, and a last request shows what the cache saves.
 */
async function measurePdfGeneration(runs = 5, document: { address: string; cacheDir: string } = { address: `${editionPath}/document.pdf?version=2`, cacheDir: 'council-submissions' }): Promise<PdfGeneration> {
	const server = await startApp(false);
	try {
		const url = `http://127.0.0.1:${server.port}${document.address}`;
		const cacheDir = path.join(sharedDataDir, 'cache', document.cacheDir);
		const download = async () => {
			const started = performance.now();
			const response = await fetch(url);
			const body = new Uint8Array(await response.arrayBuffer());
			const elapsed = performance.now() - started;
			expectThat(response.status === 200 && response.headers.get('content-type') === 'application/pdf', `${url} answered ${response.status} ${response.headers.get('content-type')}`);
			return { elapsed, bytes: body.byteLength };
		};
		const uncachedMs: number[] = [];
		let bytes = 0;
		for (let run = 0; run < runs; run++) {
			rmSync(cacheDir, { recursive: true, force: true });
			const result = await download();
			uncachedMs.push(Math.round(result.elapsed));
			bytes = result.bytes;
		}
		const cached = await download();
		return { url, uncachedMs, medianMs: median(uncachedMs), cachedMs: Math.round(cached.elapsed), bytes };
	} finally {
		await stopServer(server);
	}
}

type ColdStart = { runsMs: number[]; medianMs: number; targetMs: number; met: boolean };

/**
 * Time from spawning the production server on an existing embedded database (cluster, migrations and
 * demo already there, PostgreSQL stopped) to its first 200 of the edition page, polled every 10 ms: what
 * a restart after an update or a crash costs. The directory is prepared by one start and stop first.
 */
async function measureColdStart(runs = 3): Promise<ColdStart> {
	await prepareSharedDataDir();
	const runsMs: number[] = [];
	for (let run = 0; run < runs; run++) {
		const port = await findFreePort();
		const origin = `http://127.0.0.1:${port}`;
		const env: NodeJS.ProcessEnv = { ...process.env, ...serverEnvironment, NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port), ORIGIN: origin };
		delete env.DATABASE_URL;
		Object.assign(env, { DATA_DIR: sharedDataDir, LEITBILD_ROOT: projectRoot, DEMO: 'on', PUBLIC_CACHE: 'on' });
		const started = performance.now();
		const server = spawnServer('Leitbild (cold start)', [...serverNodeFlags, serveScript], env, port, sharedDataDir);
		try {
			let exited = false;
			void server.exited.then(() => (exited = true));
			for (;;) {
				if (exited) throw new Error(`the server exited during start-up:\n${tail(server.logFile)}`);
				if (performance.now() - started > 60_000) throw new Error(`no 200 of ${editionPath} within 60 s:\n${tail(server.logFile)}`);
				const status = await fetch(`${origin}${editionPath}`).then(
					async (response) => (await response.arrayBuffer(), response.status),
					() => 0
				);
				if (status === 200) break;
				await new Promise((resolve) => setTimeout(resolve, 10));
			}
			runsMs.push(Math.round(performance.now() - started));
		} finally {
			await stopServer(server);
		}
	}
	const medianMs = median(runsMs);
	return { runsMs, medianMs, targetMs: COLD_START_TARGET_MS, met: medianMs <= COLD_START_TARGET_MS };
}

const format = (value: number, digits = 0) => value.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });

async function main(): Promise<number> {
	const options = parseBenchArguments(process.argv.slice(2));
	ensureBuild('bench');
	console.log(
		`[bench] autocannon, ${options.connections} connections, ${options.duration} s per run after a ${options.warmup} s warm-up, ${options.runs} run(s) per scenario; ` +
			`${os.cpus().length} CPUs, load average ${os.loadavg().map((value) => value.toFixed(2)).join(' ')}`
	);
	let coldStart: ColdStart | null = null;
	if (!options.only || options.only.includes('cold')) {
		console.log('\n[bench] cold start on the existing embedded database: spawn to the first 200 of the edition page…');
		coldStart = await measureColdStart();
		console.log(`  runs ${coldStart.runsMs.join(', ')} ms, median ${coldStart.medianMs} ms ${coldStart.met ? '✔' : '✘'} target ≤ ${coldStart.targetMs} ms`);
	}
	const selected = scenarios.filter((scenario) => !options.only || options.only.includes(scenario.id));
	if (selected.some((scenario) => scenario.id !== 'a')) await prepareSharedDataDir();
	const results: ScenarioResult[] = [];
	let rawRuns: number[] | undefined;
	for (const scenario of selected) {
		console.log(`\n[bench] (${scenario.id}) ${scenario.title}: starting the server…`);
		const server = await scenario.start();
		try {
			const headers = await scenario.prepare(server);
			const url = `http://127.0.0.1:${server.port}${typeof scenario.path === 'string' ? scenario.path : scenario.path(server)}`;
			if (options.warmup > 0) await load(url, headers, options, options.warmup);
			const runs: ScenarioResult['runs'] = [];
			for (let run = 0; run < options.runs; run++) {
				const loadAverage = os.loadavg();
				const stopSampling = sampleServer(server.child.pid!);
				const result = await load(url, headers, options, options.duration);
				const { peakRssBytes, cpuTicks } = await stopSampling();
				const measurement = summarise(result, scenario.expectedStatus, peakRssBytes, cpuTicks);
				const raw = rawRuns?.[run] ?? rawRuns?.[0];
				const ratioToRaw = scenario.id === 'a' ? 1 : raw ? measurement.requestsPerSecond / raw : null;
				const problems = problemsOf(measurement);
				runs.push({ ...measurement, ratioToRaw, loadAverage, problems });
				console.log(
					`  run ${run + 1}: ${format(measurement.requestsPerSecond)} req/s, p50 ${measurement.p50Ms} ms, p99 ${measurement.p99Ms} ms, ` +
						`peak RSS ${measurement.peakRssMb} MB, CPU ${formatCpu(measurement.cpuMsPerRequest)} ms/request (app + database), ${ratioToRaw === null ? 'no raw figure to compare' : `ratio ${ratioToRaw.toFixed(3)}`}, ` +
						`statuses ${JSON.stringify(measurement.statusCounts)}${problems.length ? `\n  ✘ ${problems.join('; ')}` : ''}`
				);
			}
			if (scenario.id === 'a') rawRuns = runs.map((run) => run.requestsPerSecond);
			const ratios = runs.map((run) => run.ratioToRaw).filter((ratio): ratio is number => ratio !== null);
			const summary: ScenarioResult['median'] = {
				requestsPerSecond: median(runs.map((run) => run.requestsPerSecond)),
				p50Ms: median(runs.map((run) => run.p50Ms)),
				p99Ms: median(runs.map((run) => run.p99Ms)),
				peakRssMb: Math.max(...runs.map((run) => run.peakRssMb)),
				ratioToRaw: ratios.length ? median(ratios) : null,
				cpuMsPerRequest: medianCpu(runs.map((run) => run.cpuMsPerRequest))
			};
			const medianMeasurement = { ...runs[0], ...summary, errors: Math.max(...runs.map((run) => run.errors)), unexpectedStatuses: Math.max(...runs.map((run) => run.unexpectedStatuses)) };
			results.push({
				id: scenario.id,
				title: scenario.title,
				url,
				headers,
				runs,
				median: summary,
				target: scenario.target && summary.ratioToRaw !== null ? { ...scenario.target, met: meetsTarget(medianMeasurement, summary.ratioToRaw, scenario.target) } : undefined
			});
		} finally {
			await stopServer(server);
		}
	}

	// Part of a full run only: `--only` picks load scenarios.
	let pdfGeneration: PdfGeneration | null = null;
	let annualReportGeneration: PdfGeneration | null = null;
	// The 4th edition runs from 2025: the current year's report has the most data behind it.
	const reportYear = Math.min(2030, new Date().getFullYear());
	if (!options.only) {
		console.log('\n[bench] PDF generation: the council submission of the 4th edition, uncached…');
		pdfGeneration = await measurePdfGeneration();
		console.log(`\n[bench] PDF generation: the 4th edition's annual report ${reportYear}, uncached…`);
		annualReportGeneration = await measurePdfGeneration(5, { address: `${editionPath}/monitor/report/${reportYear}.pdf`, cacheDir: 'annual-reports' });
	}

	console.log('\n[bench] medians over the runs (peak RSS: highest of the runs; ratio: req/s against (a) of the same run)');
	console.log(['scenario', 'req/s', 'p50 ms', 'p99 ms', 'RSS MB', 'CPU ms/req (app + db)', 'ratio', 'target'].join('\t'));
	for (const result of results) {
		const target = result.target
			? `${result.target.met ? '✔' : '✘'} ratio ≥ ${result.target.minRatio}${result.target.maxP99Ms ? `, p99 < ${result.target.maxP99Ms} ms` : ''}`
			: '';
		console.log(
			[
				`(${result.id}) ${result.title}`,
				format(result.median.requestsPerSecond),
				result.median.p50Ms,
				result.median.p99Ms,
				result.median.peakRssMb,
				formatCpu(result.median.cpuMsPerRequest),
				result.median.ratioToRaw?.toFixed(3) ?? '–',
				target
			].join('\t')
		);
	}
	if (coldStart) {
		console.log(['cold start to first 200 of the edition page', `median ${coldStart.medianMs} ms (runs ${coldStart.runsMs.join(', ')} ms)`, `${coldStart.met ? '✔' : '✘'} ≤ ${coldStart.targetMs} ms`].join('\t'));
	}
	if (pdfGeneration) {
		console.log(
			`PDF of the 4th edition (council submission)\tmedian ${pdfGeneration.medianMs} ms uncached (runs ${pdfGeneration.uncachedMs.join(', ')} ms), ${pdfGeneration.cachedMs} ms from the cache, ${format(pdfGeneration.bytes / 1024)} kB`
		);
	}
	if (annualReportGeneration) {
		console.log(
			`PDF of the 4th edition (annual report ${reportYear})\tmedian ${annualReportGeneration.medianMs} ms uncached (runs ${annualReportGeneration.uncachedMs.join(', ')} ms), ${annualReportGeneration.cachedMs} ms from the cache, ${format(annualReportGeneration.bytes / 1024)} kB`
		);
	}
	let importBench: ImportBenchResult | null = null;
	if (!options.only || options.only.includes('import')) {
		console.log(`\n[bench] import: ${options.importRows.toLocaleString('en')} measurement rows from a CSV file, in a process of its own…`);
		importBench = await measureImport(options.importRows);
		console.log(
			[
				`import of ${importBench.rows.toLocaleString('en')} measurement rows (${importBench.fileMb} MB CSV)`,
				`${format(importBench.rowsPerSecond)} rows/s (${importBench.importSeconds} s)`,
				`peak memory ${importBench.peakMemoryMb} MB`
			].join('\t')
		);
	}
	const scaleResults = options.scale ? await measureAtScale(options, options.scale) : [];
	const problems = [
		...results.flatMap((result) => result.runs.flatMap((run, index) => run.problems.map((problem) => `(${result.id}) run ${index + 1}: ${problem}`))),
		...scaleResults.flatMap((result) => [...problemsOf(result.small), ...problemsOf(result.large)].map((problem) => `(${result.id}) ${problem}`))
	];
	if (problems.length) console.log(`\n[bench] ✘ the measurements include failed requests, so their figures are not valid:\n  ${problems.join('\n  ')}`);

	const outputDir = path.join(projectRoot, 'bench-results');
	mkdirSync(outputDir, { recursive: true });
	const file = path.join(outputDir, `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
	const report = {
		date: new Date().toISOString(),
		machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryMb: Math.round(os.totalmem() / 1024 / 1024), node: process.version, loadAverageAtEnd: os.loadavg() },
		settings: { tool: 'autocannon', connections: options.connections, durationSeconds: options.duration, warmupSeconds: options.warmup, runs: options.runs },
		results,
		scale: scaleResults,
		pdfGeneration,
		annualReportGeneration,
		coldStart,
		import: importBench,
		problems
	};
	writeFileSync(file, `${JSON.stringify(report, null, '\t')}\n`);
	console.log(`\n[bench] wrote ${path.relative(projectRoot, file)}`);
	return problems.length ? 1 : 0;
}

/** The CSV import on a database of its own with the demo loaded, so no other measurement sees its million rows. */
async function measureImport(rows: number): Promise<ImportBenchResult> {
	return benchMeasurementImport(
		{
			workDir,
			projectRoot,
			prepareDemo: async (dataDir) => stopServer(await startAppWith({ DEMO: 'on' }, dataDir, 'Leitbild (demo for the import)')),
			spawnImport: (args, env) => spawnServer('npm run import -- measurements', args, env, 0, env.DATA_DIR),
			log: (line) => console.log(line)
		},
		rows
	);
}

/** The pages whose main table grows, at 10,000 rows and at `largeRows` (see bench-scale.ts). */
async function measureAtScale(options: BenchOptions, largeRows: number): Promise<ScaleResult[]> {
	console.log(`\n[bench] at scale: the same pages with ${SMALL_SCALE.toLocaleString('en')} and with ${largeRows.toLocaleString('en')} rows (seeding takes a while)…`);
	const results = await benchAtScale(
		{
			workDir,
			startApp: startAppWith,
			stopServer: (server) => stopServer(server as Server),
			get,
			log: (line) => console.log(line),
			measure: async (url, server) => {
				if (options.warmup > 0) await load(url, {}, options, options.warmup);
				const runs: Measurement[] = [];
				for (let run = 0; run < options.runs; run++) {
					const stopSampling = sampleServer(server.child.pid!);
					const result = await load(url, {}, options, options.duration);
					const { peakRssBytes, cpuTicks } = await stopSampling();
					runs.push(summarise(result, 200, peakRssBytes, cpuTicks));
				}
				return {
					...runs[0],
					requestsPerSecond: median(runs.map((run) => run.requestsPerSecond)),
					p50Ms: median(runs.map((run) => run.p50Ms)),
					p99Ms: median(runs.map((run) => run.p99Ms)),
					peakRssMb: Math.max(...runs.map((run) => run.peakRssMb)),
					cpuMsPerRequest: medianCpu(runs.map((run) => run.cpuMsPerRequest)),
					errors: Math.max(...runs.map((run) => run.errors)),
					unexpectedStatuses: Math.max(...runs.map((run) => run.unexpectedStatuses))
				};
			}
		},
		largeRows,
		options.only?.filter(isScalePageId)
	);
	console.log(`\n[bench] at scale (medians; growth: p50 at ${largeRows.toLocaleString('en')} rows over p50 at ${SMALL_SCALE.toLocaleString('en')}, target ≤ ${MAX_GROWTH})`);
	console.log(['page', 'req/s small', 'p50 small', 'req/s large', 'p50 large', 'p99 large', 'growth', 'target'].join('\t'));
	for (const result of results) {
		console.log(
			[`(${result.id}) ${result.title}`, format(result.small.requestsPerSecond), result.small.p50Ms, format(result.large.requestsPerSecond), result.large.p50Ms, result.large.p99Ms, result.growth.toFixed(2), result.met ? '✔' : '✘'].join('\t')
		);
	}
	return results;
}

let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.on(signal, () => {
		if (interrupted) return;
		interrupted = true;
		console.error(`\n[bench] ${signal}: stopping the servers…`);
		void stopAll().finally(() => {
			rmSync(workDir, { recursive: true, force: true });
			process.exit(130);
		});
	});
}

let exitCode = 1;
try {
	exitCode = await main();
} catch (error) {
	console.error(`[bench] ${error instanceof Error ? error.message : String(error)}`);
} finally {
	await stopAll();
	rmSync(workDir, { recursive: true, force: true });
}
process.exit(exitCode);
