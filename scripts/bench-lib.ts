// The arithmetic of `npm run bench`, kept apart from the processes it starts so that it can be tested.

export type BenchOptions = {
	connections: number;
	duration: number;
	warmup: number;
	runs: number;
	only: string[] | undefined;
	scale: number | undefined;
	/** Rows of the measurement import benchmark. */
	importRows: number;
};

export const defaultOptions: BenchOptions = { connections: 50, duration: 10, warmup: 3, runs: 2, only: undefined, scale: undefined, importRows: 1_000_000 };

/**
 * (a) raw node:http, (b–d) the edition page uncached, cached and revalidated, (e) the ideas list,
 * (f) one idea, (g) the edition's document, (h) the comparison of two of its versions, (i) the
 * calendar's month grid, (j) the regional iCalendar feed, (k) the monitor, (l) one indicator, (m) a news
 * article, (n) a hashtag page, (o) a municipality's sitemap, (p) the open-data API's list of an edition's measures.
 */
export const scenarioIds = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r'] as const;
export type ScenarioId = (typeof scenarioIds)[number];
/**
 * Measurements without load that `--only` can pick as well: the cold start on an existing database, and
 * the CSV import of `--import-rows` measurements (rows/s and the importing process's peak memory).
 */
export const extraIds = ['cold', 'import'] as const;
/** Milliseconds from starting the server on an existing embedded database to its first 200 of the edition page. */
export const COLD_START_TARGET_MS = 2000;
const selectable: readonly string[] = [...scenarioIds, ...extraIds];
/** The pages measured at scale (s1, s2, … in bench-scale.ts): with `--scale`, `--only` can pick some of them. */
export const isScalePageId = (id: string) => /^s[1-9][0-9]*$/.test(id);
const usage = `usage: npm run bench -- [--connections N] [--duration S] [--warmup S] [--runs N] [--only ${selectable.join(',')},s1,s2,…] [--scale ROWS] [--import-rows ROWS]`;

/** Reads `--name value` and `--name=value`; an unknown or malformed flag is an error, never ignored. */
export function parseBenchArguments(argv: string[]): BenchOptions {
	const options = { ...defaultOptions };
	const positive = (name: string, raw: string | undefined, allowZero = false): number => {
		const value = Number(raw);
		if (raw === undefined || raw === '' || !Number.isInteger(value) || value < (allowZero ? 0 : 1)) {
			throw new Error(`--${name} needs a whole number${allowZero ? '' : ' above 0'}, got ${raw ?? 'nothing'}\n${usage}`);
		}
		return value;
	};
	for (let index = 0; index < argv.length; index++) {
		const argument = argv[index];
		if (argument === '--help' || argument === '-h') throw new Error(usage);
		const match = /^--([a-z]+(?:-[a-z]+)*)(?:=(.*))?$/.exec(argument);
		if (!match) throw new Error(`unexpected argument ${argument}\n${usage}`);
		const [, name, inline] = match;
		const raw = inline ?? argv[++index];
		if (name === 'connections') options.connections = positive(name, raw);
		else if (name === 'duration') options.duration = positive(name, raw);
		else if (name === 'warmup') options.warmup = positive(name, raw, true);
		else if (name === 'runs') options.runs = positive(name, raw);
		else if (name === 'scale') {
			options.scale = positive(name, raw);
			if (options.scale <= 10_000) throw new Error(`--scale compares with 10,000 rows and needs more than that, got ${raw}\n${usage}`);
		}
		else if (name === 'import-rows') options.importRows = positive(name, raw);
		else if (name === 'only') {
			const names = (raw ?? '').split(',').filter(Boolean);
			if (names.length === 0 || names.some((scenario) => !selectable.includes(scenario) && !isScalePageId(scenario))) {
				throw new Error(`--only takes a comma-separated list of ${selectable.join(', ')} and pages at scale s1, s2, …\n${usage}`);
			}
			options.only = names;
		} else throw new Error(`unknown flag --${name}\n${usage}`);
	}
	return options;
}

/** The parts of an autocannon result we report; statusCodeStats is missing from its published types. */
export type LoadResult = {
	requests: { average: number; total: number };
	latency: { p50: number; p99: number; max: number };
	duration: number;
	errors: number;
	timeouts: number;
	statusCodeStats?: Record<string, { count: number }>;
};

export type Measurement = {
	requestsPerSecond: number;
	p50Ms: number;
	p99Ms: number;
	maxMs: number;
	requests: number;
	errors: number;
	timeouts: number;
	statusCounts: Record<string, number>;
	/** Responses whose status was not the one the scenario is about (200, or 304 for revalidation). */
	unexpectedStatuses: number;
	peakRssMb: number;
	/**
	 * CPU time per completed request, of the server's own process and of the processes it started (the embedded
	 * PostgreSQL): steadier than req/s where other work shares the machine, and it says which side to look at.
	 */
	cpuMsPerRequest: CpuPerRequest | null;
};

export type CpuPerRequest = { app: number; database: number };

/** CPU time in clock ticks, as /proc counts it. */
export type CpuTicks = { app: number; database: number };

/** Linux reports process times in USER_HZ, which is 100 on every architecture Node runs on. */
const ticksPerSecond = 100;

export function summarise(result: LoadResult, expectedStatus: number, peakRssBytes: number, cpuTicks?: CpuTicks): Measurement {
	const statusCounts: Record<string, number> = {};
	for (const [status, { count }] of Object.entries(result.statusCodeStats ?? {})) statusCounts[status] = count;
	const unexpectedStatuses = Object.entries(statusCounts)
		.filter(([status]) => Number(status) !== expectedStatus)
		.reduce((sum, [, count]) => sum + count, 0);
	return {
		// Completed responses over the measured time: unlike the mean of per-second samples it does not
		// depend on how the last partial second is counted.
		requestsPerSecond: result.duration > 0 ? result.requests.total / result.duration : 0,
		p50Ms: result.latency.p50,
		p99Ms: result.latency.p99,
		maxMs: result.latency.max,
		requests: result.requests.total,
		errors: result.errors,
		timeouts: result.timeouts,
		statusCounts,
		unexpectedStatuses,
		peakRssMb: Math.round((peakRssBytes / 1024 / 1024) * 10) / 10,
		cpuMsPerRequest: cpuTicks && result.requests.total > 0 ? cpuPerRequest(cpuTicks, result.requests.total) : null
	};
}

function cpuPerRequest(ticks: CpuTicks, requests: number): CpuPerRequest {
	const milliseconds = (value: number) => Math.round(((value * 1000) / ticksPerSecond / requests) * 100) / 100;
	return { app: milliseconds(ticks.app), database: milliseconds(ticks.database) };
}

/** The parent and the CPU time so far (user + system, in ticks) from /proc/<pid>/stat. */
export function parseProcessStat(stat: string): { parentPid: number; ticks: number } | undefined {
	// The second field, the command name, is in parentheses and may itself hold spaces and parentheses.
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	// From the state (field 3) on: the parent is field 4, user and system time fields 14 and 15.
	const parentPid = Number(fields[1]);
	const ticks = Number(fields[11]) + Number(fields[12]);
	return Number.isInteger(parentPid) && Number.isFinite(ticks) ? { parentPid, ticks } : undefined;
}

/** The CPU ticks so far of a process and of every process below it, by pid, from every process's parsed stat. */
export function processTreeTicks(pid: number, processes: Map<number, { parentPid: number; ticks: number }>): Map<number, number> {
	const children = new Map<number, number[]>();
	for (const [child, { parentPid }] of processes) children.set(parentPid, [...(children.get(parentPid) ?? []), child]);
	const tree = new Map<number, number>();
	const pending = [pid];
	while (pending.length > 0) {
		const next = pending.pop()!;
		const entry = processes.get(next);
		if (!entry) continue;
		tree.set(next, entry.ticks);
		pending.push(...(children.get(next) ?? []));
	}
	return tree;
}

/**
 * What a process tree spent between two readings: the root itself (the app), and the processes below it (the
 * embedded PostgreSQL). A process that started in between counts from zero; one that ended in between is not
 * counted, which under load leaves out little, since the app's pool keeps its connections.
 */
export function cpuTicksBetween(pid: number, before: Map<number, number>, after: Map<number, number>): CpuTicks {
	const spent = { app: 0, database: 0 };
	for (const [member, ticks] of after) spent[member === pid ? 'app' : 'database'] += Math.max(0, ticks - (before.get(member) ?? 0));
	return spent;
}

/** "VmRSS:    123456 kB" from /proc/<pid>/status, in bytes; undefined once the process is gone. */
export function parseVmRss(status: string): number | undefined {
	const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status);
	return match ? Number(match[1]) * 1024 : undefined;
}

/** A measurement is only valid when every request was answered with the expected status. */
export function problemsOf(measurement: Measurement): string[] {
	const problems: string[] = [];
	if (measurement.errors > 0) problems.push(`${measurement.errors} connection errors (${measurement.timeouts} timeouts)`);
	if (measurement.unexpectedStatuses > 0) problems.push(`${measurement.unexpectedStatuses} responses with an unexpected status ${JSON.stringify(measurement.statusCounts)}`);
	if (measurement.requests === 0) problems.push('no responses at all');
	return problems;
}

export type Target = { minRatio: number; maxP99Ms?: number };

export function meetsTarget(measurement: Measurement, ratio: number, target: Target): boolean {
	return ratio >= target.minRatio && (target.maxP99Ms === undefined || measurement.p99Ms < target.maxP99Ms) && problemsOf(measurement).length === 0;
}

/** The median of each side over the runs; none when a run has no figure. */
export function medianCpu(runs: (CpuPerRequest | null)[]): CpuPerRequest | null {
	if (runs.length === 0 || runs.some((run) => run === null)) return null;
	const measured = runs as CpuPerRequest[];
	return { app: median(measured.map((run) => run.app)), database: median(measured.map((run) => run.database)) };
}

/** "7.9 + 1.5" ms of CPU per request, app + database. */
export function formatCpu(cpu: CpuPerRequest | null): string {
	return cpu ? `${cpu.app.toFixed(2)} + ${cpu.database.toFixed(2)}` : '–';
}

export function median(values: number[]): number {
	if (values.length === 0) return Number.NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
