// `npm run soak`: many concurrent clients on loopback against the production build on its own embedded
// database, mixing public reads with the writes of signed-in participants (ideas, comments, event
// registrations). It counts every answer; a 5xx or a failed connection fails the run. Afterwards it opens
// the database itself and checks that every write the server acknowledged is stored.
//   npm run soak                                   # 200 clients for 60 s
//   npm run soak -- --clients 50 --duration 10     # a short run
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { readConfig } from '../src/lib/server/config';
import { bootDatabase } from '../src/lib/server/db/boot';
import { findFreePort } from '../src/lib/server/db/embedded';
import { createAccount } from '../src/lib/server/people/people.service';
import { ensureBuild, projectRoot } from './ensure-build';
import { serverEnvironment, serverNodeFlags } from './server-flags';

const { values: flags } = parseArgs({
	options: { clients: { type: 'string', default: '200' }, duration: { type: 'string', default: '60' }, accounts: { type: 'string', default: '40' } }
});
const clients = Number(flags.clients);
const durationSeconds = Number(flags.duration);
const accountCount = Number(flags.accounts);
for (const [name, value] of Object.entries({ clients, duration: durationSeconds, accounts: accountCount })) {
	if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} needs a whole number above 0`);
}

const workDir = mkdtempSync(path.join(os.tmpdir(), 'leitbild-soak-'));
// As root the embedded PostgreSQL runs as the postgres user, which must be able to reach its directory inside.
chmodSync(workDir, 0o755);
const dataDir = path.join(workDir, 'data');
const password = 'soak-participant-password';
const environment = { DATA_DIR: dataDir, DEMO: 'on', LEITBILD_ROOT: projectRoot } as NodeJS.ProcessEnv;

type Setup = {
	municipality: string;
	editionPath: string;
	fieldId: string;
	eventIds: string[];
	readPaths: string[];
};

/** Boots the database once (migrations, demo), adds the soak's participants and finds what they can write to. */
async function prepare(): Promise<Setup> {
	const database = await bootDatabase(readConfig(environment), { whenRunning: 'stop', poolSize: 2 });
	try {
		const open = await database.db.execute<{ municipality: string; strategy: string; number: number; field_id: string }>(sql`
			select m.slug as municipality, s.slug as strategy, e.number, f.id as field_id
			from editions e join strategies s on s.id = e.strategy_id join municipalities m on m.id = e.municipality_id
			join fields f on f.edition_id = e.id
			where e.stage = 'participating' order by (m.slug = 'muenster') desc, e.number desc, f.position limit 1`);
		const edition = open.rows[0];
		if (!edition) throw new Error('the demo has no edition open for ideas');
		const events = await database.db.execute<{ id: string }>(sql`
			select ev.id from events ev join municipalities m on m.id = ev.municipality_id
			where m.slug = ${edition.municipality} and ev.status = 'planned' and ev.publication = 'published' and ev.organiser = ''
			and coalesce(ev.registration_deadline, ev.starts_at) > now() + interval '1 hour' order by ev.starts_at limit 20`);
		for (let index = 0; index < accountCount; index++) {
			await createAccount({
				db: database.db,
				email: `soak-${index}@example.org`,
				name: `Soak Teilnehmende ${index}`,
				password,
				municipalitySlug: edition.municipality,
				role: 'participant',
				isPlatformAdmin: false
			});
		}
		const editionPath = `/${edition.municipality}/strategies/${edition.strategy}/editions/${edition.number}`;
		return {
			municipality: edition.municipality,
			editionPath,
			fieldId: edition.field_id,
			eventIds: events.rows.map((row) => row.id),
			readPaths: ['/', `/${edition.municipality}`, editionPath, `${editionPath}/ideas`, `/${edition.municipality}/events`, '/muenster/strategies/migration-und-integration/editions/4']
		};
	} finally {
		await database.shutdown();
	}
}

let server: ChildProcess | undefined;
let serverExited: Promise<void> | undefined;
const logFile = path.join(workDir, 'server.log');

async function startServer(port: number, origin: string): Promise<number> {
	const env: NodeJS.ProcessEnv = { ...process.env, ...serverEnvironment, ...environment, NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port), ORIGIN: origin, WRITES_PER_MINUTE: '100000', IDEAS_PER_HOUR: '100000', COMMENTS_PER_HOUR: '100000', EVENT_REGISTRATIONS_PER_HOUR: '100000', LOG_LEVEL: 'warn' };
	delete env.DATABASE_URL;
	const log = openSync(logFile, 'a');
	const started = performance.now();
	server = spawn(process.execPath, [...serverNodeFlags, path.join(projectRoot, 'scripts', 'serve.js')], { cwd: projectRoot, env, stdio: ['ignore', log, log] });
	closeSync(log);
	serverExited = new Promise((resolve) => server!.once('exit', () => resolve()));
	let exited = false;
	void serverExited.then(() => (exited = true));
	while (performance.now() - started < 120_000) {
		if (exited) throw new Error(`the server exited during start-up:\n${tail()}`);
		try {
			const response = await fetch(`${origin}/healthz`);
			await response.arrayBuffer();
			if (response.ok) return Math.round(performance.now() - started);
		} catch {
			// Not listening yet.
		}
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
	throw new Error(`the server did not answer within 120 s:\n${tail()}`);
}

const tail = () => (existsSync(logFile) ? readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n') : '');

async function stopServer(): Promise<void> {
	if (!server || server.exitCode !== null || server.signalCode !== null) return;
	server.kill('SIGTERM');
	const stopped = await Promise.race([serverExited!.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 30_000))]);
	if (!stopped) {
		server.kill('SIGKILL');
		await serverExited;
	}
}

type Kind = 'read' | 'idea' | 'comment' | 'registration' | 'sign-in';
type Tally = { requests: number; statuses: Record<string, number>; failures: number; latencies: number[] };
const tallies = new Map<Kind, Tally>();
const acknowledged = { ideas: new Set<string>(), comments: new Set<string>(), registrations: new Set<string>() };
const refusedWrites: Record<string, number> = {};

function count(kind: Kind, status: number | 'network error', milliseconds: number): void {
	let tally = tallies.get(kind);
	if (!tally) tallies.set(kind, (tally = { requests: 0, statuses: {}, failures: 0, latencies: [] }));
	tally.requests++;
	tally.statuses[status] = (tally.statuses[status] ?? 0) + 1;
	if (status === 'network error' || status >= 500) tally.failures++;
	tally.latencies.push(milliseconds);
}

async function request(kind: Kind, url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
	const started = performance.now();
	try {
		const response = await fetch(url, { ...init, redirect: 'manual' });
		const body = await response.text();
		count(kind, response.status, performance.now() - started);
		return { status: response.status, headers: response.headers, body };
	} catch {
		count(kind, 'network error', performance.now() - started);
		return undefined;
	}
}

type ActionAnswer = { type: 'success' | 'failure' | 'redirect' | 'error'; status?: number; location?: string; data?: unknown };

async function act(kind: Kind, origin: string, cookie: string, pathAndAction: string, form: Record<string, string>) {
	const answer = await request(kind, `${origin}${pathAndAction}`, {
		method: 'POST',
		// JSON answers of form actions, the way SvelteKit's enhanced forms ask for them.
		headers: { origin, cookie, accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded', 'x-sveltekit-action': 'true' },
		body: new URLSearchParams(form).toString()
	});
	if (!answer || answer.status !== 200) return undefined;
	const parsed = JSON.parse(answer.body) as ActionAnswer;
	if (parsed.type === 'failure' || parsed.type === 'error') refusedWrites[`${kind} ${parsed.type} ${parsed.status ?? ''}`.trim()] = (refusedWrites[`${kind} ${parsed.type} ${parsed.status ?? ''}`.trim()] ?? 0) + 1;
	return parsed;
}

async function signIn(origin: string, email: string): Promise<string> {
	const answer = await request('sign-in', `${origin}/sign-in`, {
		method: 'POST',
		headers: { origin, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ email, password }).toString()
	});
	if (answer?.status !== 303) throw new Error(`sign-in of ${email} answered ${answer?.status ?? 'nothing'}`);
	return answer.headers.getSetCookie().map((cookie) => cookie.split(';')[0]).join('; ');
}

async function client(index: number, setup: Setup, origin: string, cookies: string[], ideaPool: string[], deadline: number): Promise<void> {
	const account = index % cookies.length;
	const cookie = cookies[account];
	let sequence = 0;
	while (Date.now() < deadline) {
		sequence++;
		const dice = Math.random();
		const token = `soak-${index}-${sequence}-${Math.random().toString(36).slice(2, 8)}`;
		if (dice < 0.6) {
			// Anonymous visitors (cache hits where the cache holds the page) and signed-in ones (always rendered).
			const pagePath = setup.readPaths[Math.floor(Math.random() * setup.readPaths.length)];
			await request('read', `${origin}${pagePath}`, dice < 0.3 ? {} : { headers: { cookie } });
		} else if (dice < 0.75) {
			const answer = await act('idea', origin, cookie, `${setup.editionPath}/ideas/new?/submit`, {
				title: `Idee ${token}`,
				body: `Ein Vorschlag aus dem Lasttest (${token}).`,
				fieldId: setup.fieldId
			});
			const id = answer?.type === 'redirect' ? answer.location?.match(/[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}/)?.[0] : undefined;
			if (id) {
				acknowledged.ideas.add(id);
				ideaPool.push(id);
			}
		} else if (dice < 0.9) {
			const ideaId = ideaPool[Math.floor(Math.random() * ideaPool.length)];
			if (!ideaId) continue;
			const body = `Ein Kommentar aus dem Lasttest (${token}).`;
			const answer = await act('comment', origin, cookie, `${setup.editionPath}/ideas/${ideaId}?/comment`, { body });
			if (answer?.type === 'success') acknowledged.comments.add(body);
		} else {
			const eventId = setup.eventIds[Math.floor(Math.random() * setup.eventIds.length)];
			if (!eventId) continue;
			const answer = await act('registration', origin, cookie, `/${setup.municipality}/events/${eventId}?/register`, {});
			if (answer?.type === 'success') acknowledged.registrations.add(`${account}|${eventId}`);
		}
	}
}

const percentile = (values: number[], share: number) => {
	if (values.length === 0) return 0;
	const sorted = [...values].sort((a, b) => a - b);
	return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))]);
};

async function verify() {
	const database = await bootDatabase(readConfig(environment), { whenRunning: 'stop', poolSize: 2, seedDemo: false });
	try {
		const ideaIds = [...acknowledged.ideas];
		const ideas = await database.db.execute<{ n: number }>(sql`select count(*)::int as n from ideas where id::text in (select jsonb_array_elements_text(${JSON.stringify(ideaIds)}::jsonb))`);
		const bodies = [...acknowledged.comments];
		const comments = await database.db.execute<{ n: number }>(sql`select count(distinct body)::int as n from idea_comments where body in (select jsonb_array_elements_text(${JSON.stringify(bodies)}::jsonb))`);
		const registrations = await database.db.execute<{ account: string; event_id: string }>(sql`
			select substring(u.email from 'soak-([0-9]+)@') as account, r.event_id
			from event_registrations r join auth_users u on u.id = r.user_id
			where u.email like 'soak-%@example.org' and r.status <> 'cancelled'`);
		const stored = new Set(registrations.rows.map((row) => `${row.account}|${row.event_id}`));
		const registrationsFound = [...acknowledged.registrations].filter((pair) => stored.has(pair)).length;
		return {
			ideas: { acknowledged: ideaIds.length, found: ideas.rows[0].n },
			comments: { acknowledged: bodies.length, found: comments.rows[0].n },
			registrations: { acknowledged: acknowledged.registrations.size, found: registrationsFound }
		};
	} finally {
		await database.shutdown();
	}
}

function readRss(pid: number | undefined): number {
	if (pid === undefined) return 0;
	try {
		const kilobytes = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+)/m)?.[1];
		return kilobytes ? Math.round(Number(kilobytes) / 1024) : 0;
	} catch {
		return 0;
	}
}

async function main(): Promise<number> {
	ensureBuild('soak');
	console.log(`[soak] ${clients} clients, ${durationSeconds} s, ${accountCount} participant accounts; ${os.cpus().length} CPUs, load average ${os.loadavg().map((value) => value.toFixed(2)).join(' ')}`);
	const setup = await prepare();
	if (setup.eventIds.length === 0) console.log('[soak] no event is open for registration: the run writes ideas and comments only');
	const port = await findFreePort();
	const origin = `http://127.0.0.1:${port}`;
	const startMs = await startServer(port, origin);
	console.log(`[soak] the server answered /healthz ${startMs} ms after it was started on the existing database`);
	const cookies: string[] = [];
	for (let index = 0; index < accountCount; index++) cookies.push(await signIn(origin, `soak-${index}@example.org`));
	const ideaPool: string[] = [];
	let peakRssMb = readRss(server?.pid);
	const sampler = setInterval(() => (peakRssMb = Math.max(peakRssMb, readRss(server?.pid))), 250);
	const started = Date.now();
	const deadline = started + durationSeconds * 1000;
	await Promise.all(Array.from({ length: clients }, (_, index) => client(index, setup, origin, cookies, ideaPool, deadline)));
	const elapsedSeconds = (Date.now() - started) / 1000;
	clearInterval(sampler);
	await stopServer();
	const stored = await verify();

	const kinds = [...tallies.entries()];
	console.log(`\n[soak] ${elapsedSeconds.toFixed(1)} s, peak server RSS ${peakRssMb} MB`);
	console.log(['requests', 'count', 'req/s', 'p50 ms', 'p99 ms', '5xx/errors', 'statuses'].join('\t'));
	for (const [kind, tally] of kinds) {
		console.log([kind, tally.requests, (tally.requests / elapsedSeconds).toFixed(0), percentile(tally.latencies, 0.5), percentile(tally.latencies, 0.99), tally.failures, JSON.stringify(tally.statuses)].join('\t'));
	}
	console.log(`refused writes (4xx answers of the rules, not acknowledged): ${JSON.stringify(refusedWrites)}`);
	console.log(['acknowledged writes', 'acknowledged', 'found in the database'].join('\t'));
	for (const [kind, figures] of Object.entries(stored)) console.log([kind, figures.acknowledged, figures.found].join('\t'));

	const failures = kinds.reduce((sum, [, tally]) => sum + tally.failures, 0);
	const missing = Object.values(stored).reduce((sum, figures) => sum + figures.acknowledged - figures.found, 0);
	const writes = Object.values(stored).reduce((sum, figures) => sum + figures.acknowledged, 0);
	const problems = [
		...(failures ? [`${failures} requests failed with a 5xx or a network error`] : []),
		...(missing ? [`${missing} acknowledged writes are missing from the database`] : []),
		...(writes === 0 ? ['no write was acknowledged'] : [])
	];
	const outputDir = path.join(projectRoot, 'bench-results');
	mkdirSync(outputDir, { recursive: true });
	const file = path.join(outputDir, `soak-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
	const report = {
		date: new Date().toISOString(),
		machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryMb: Math.round(os.totalmem() / 1024 / 1024), node: process.version, loadAverageAtEnd: os.loadavg() },
		settings: { clients, durationSeconds, accounts: accountCount },
		startToHealthyMs: startMs,
		elapsedSeconds,
		peakRssMb,
		requests: Object.fromEntries(
			kinds.map(([kind, tally]) => [kind, { count: tally.requests, perSecond: Math.round(tally.requests / elapsedSeconds), p50Ms: percentile(tally.latencies, 0.5), p99Ms: percentile(tally.latencies, 0.99), failures: tally.failures, statuses: tally.statuses }])
		),
		refusedWrites,
		stored,
		problems
	};
	writeFileSync(file, `${JSON.stringify(report, null, '\t')}\n`);
	console.log(`\n[soak] wrote ${path.relative(projectRoot, file)}`);
	if (problems.length) console.log(`[soak] ✘ ${problems.join('; ')}`);
	else console.log('[soak] ✔ no 5xx, every acknowledged write is stored');
	return problems.length ? 1 : 0;
}

let exitCode = 1;
try {
	exitCode = await main();
} catch (error) {
	console.error(`[soak] ${error instanceof Error ? error.message : String(error)}`);
	if (existsSync(logFile)) console.error(tail());
} finally {
	await stopServer();
	rmSync(workDir, { recursive: true, force: true });
}
process.exit(exitCode);
