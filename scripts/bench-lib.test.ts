import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import {
	cpuTicksBetween,
	defaultOptions,
	formatCpu,
	meetsTarget,
	median,
	medianCpu,
	parseBenchArguments,
	parseProcessStat,
	parseVmRss,
	problemsOf,
	processTreeTicks,
	summarise,
	type LoadResult
} from './bench-lib';
import { parseVmHwm } from './bench-import';
import { apiReadsPerMinute } from '../src/lib/server/http/rate-limit';

const result = (overrides: Partial<LoadResult> = {}): LoadResult => ({
	requests: { average: 999, total: 1000 },
	latency: { p50: 4, p99: 20, max: 40 },
	duration: 10,
	errors: 0,
	timeouts: 0,
	statusCodeStats: { '200': { count: 1000 } },
	...overrides
});

it('reads the flags in both spellings and refuses what it does not understand', () => {
	expect(parseBenchArguments([])).toEqual(defaultOptions);
	expect(parseBenchArguments(['--connections', '10', '--duration=3', '--warmup', '0', '--runs=1', '--only', 'a,c', '--scale', '1000000'])).toEqual({
		connections: 10,
		duration: 3,
		warmup: 0,
		runs: 1,
		only: ['a', 'c'],
		scale: 1_000_000,
		importRows: 1_000_000
	});
	expect(parseBenchArguments(['--only', 'import', '--import-rows', '50000'])).toMatchObject({ only: ['import'], importRows: 50_000 });
	expect(() => parseBenchArguments(['--import-rows', 'viele'])).toThrow(/--import-rows/);
	expect(() => parseBenchArguments(['--scale', '10000'])).toThrow(/more than that/);
	expect(() => parseBenchArguments(['--duration', '0'])).toThrow(/--duration/);
	expect(() => parseBenchArguments(['--connections', 'many'])).toThrow(/--connections/);
	expect(() => parseBenchArguments(['--connections'])).toThrow(/--connections/);
	expect(() => parseBenchArguments(['--only', 'z'])).toThrow(/--only/);
	expect(parseBenchArguments(['--only', 'cold']).only).toEqual(['cold']);
	expect(parseBenchArguments(['--only', 's20,s29', '--scale', '200000']).only).toEqual(['s20', 's29']);
	expect(() => parseBenchArguments(['--only', 's0'])).toThrow(/--only/);
	expect(() => parseBenchArguments(['--fast'])).toThrow(/unknown flag/);
	expect(() => parseBenchArguments(['fast'])).toThrow(/unexpected argument/);
});

it('counts completed responses over the measured time and converts RSS to MB', () => {
	const measurement = summarise(result(), 200, 150 * 1024 * 1024);
	expect(measurement).toMatchObject({ requestsPerSecond: 100, p50Ms: 4, p99Ms: 20, requests: 1000, unexpectedStatuses: 0, peakRssMb: 150 });
	expect(problemsOf(measurement)).toEqual([]);
});

it('reports errors and any status other than the expected one, so a broken run cannot pass as fast', () => {
	const revalidation = summarise(result({ statusCodeStats: { '304': { count: 990 }, '200': { count: 10 } } }), 304, 0);
	expect(revalidation.unexpectedStatuses).toBe(10);
	expect(problemsOf(revalidation).join()).toMatch(/10 responses with an unexpected status/);
	const failing = summarise(result({ errors: 3, timeouts: 2, statusCodeStats: { '500': { count: 1000 } } }), 200, 0);
	expect(problemsOf(failing)).toHaveLength(2);
	expect(meetsTarget(failing, 1, { minRatio: 0.1 })).toBe(false);
	expect(problemsOf(summarise(result({ requests: { average: 0, total: 0 }, statusCodeStats: {} }), 200, 0))).toEqual(['no responses at all']);
});

it('checks ratio and p99 against a target', () => {
	const measurement = summarise(result(), 200, 0);
	expect(meetsTarget(measurement, 0.05, { minRatio: 0.03, maxP99Ms: 100 })).toBe(true);
	expect(meetsTarget(measurement, 0.02, { minRatio: 0.03 })).toBe(false);
	expect(meetsTarget(measurement, 0.05, { minRatio: 0.03, maxP99Ms: 20 })).toBe(false);
});

it('reads VmRSS from /proc/<pid>/status', () => {
	expect(parseVmRss('Name:\tnode\nVmPeak:\t  999 kB\nVmRSS:\t  204800 kB\nThreads:\t7\n')).toBe(200 * 1024 * 1024);
	expect(parseVmRss('Name:\tzombie\n')).toBeUndefined();
});

it('reads the parent and the CPU time from /proc/<pid>/stat, whatever the command name holds', () => {
	// pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime …
	const stat = '4242 (node (serve) x) S 4200 4242 4200 0 -1 4194560 9000 0 12 0 731 129 5 2 20 0 11 0 123456';
	expect(parseProcessStat(stat)).toEqual({ parentPid: 4200, ticks: 860 });
	expect(parseProcessStat('1 (init) S')).toBeUndefined();
});

it('splits the CPU a server spent into its own and that of the processes it started, per request', () => {
	const tree = (app: number, postmaster: number, backend: number) =>
		new Map([
			[1, { parentPid: 0, ticks: 99_999 }],
			[10, { parentPid: 1, ticks: app }],
			[11, { parentPid: 10, ticks: postmaster }],
			[12, { parentPid: 11, ticks: backend }],
			[20, { parentPid: 1, ticks: 5_000 }]
		]);
	const before = processTreeTicks(10, tree(1_000, 50, 0));
	expect([...before.keys()].sort()).toEqual([10, 11, 12]);
	// The backend started during the run; the unrelated process 20 and the parent 1 are not the server's.
	const after = processTreeTicks(10, new Map([...tree(1_800, 60, 190), [13, { parentPid: 11, ticks: 50 }]]));
	const spent = cpuTicksBetween(10, before, after);
	expect(spent).toEqual({ app: 800, database: 250 });
	// 1,000 requests: 8 s of the app's CPU is 8 ms a request, 2.5 s of the database's 2.5 ms.
	const measurement = summarise(result(), 200, 0, spent);
	expect(measurement.cpuMsPerRequest).toEqual({ app: 8, database: 2.5 });
	expect(formatCpu(measurement.cpuMsPerRequest)).toBe('8.00 + 2.50');
	expect(summarise(result(), 200, 0).cpuMsPerRequest).toBeNull();
	expect(medianCpu([{ app: 8, database: 2 }, { app: 6, database: 4 }, { app: 7, database: 3 }])).toEqual({ app: 7, database: 3 });
	expect(medianCpu([{ app: 8, database: 2 }, null])).toBeNull();
	expect(formatCpu(null)).toBe('–');
});

it('takes the median of an odd and an even number of runs', () => {
	expect(median([3, 1, 2])).toBe(2);
	expect(median([4, 1, 2, 3])).toBe(2.5);
	expect(median([])).toBeNaN();
});

it('reads the peak memory of the importing process from its status', () => {
	expect(parseVmHwm('Name:\tnode\nVmPeak:\t 900000 kB\nVmHWM:\t  409600 kB\nVmRSS:\t  204800 kB\n')).toBe(400 * 1024 * 1024);
	expect(parseVmHwm('Name:\tnode\n')).toBeUndefined();
});

it('the raised API limit the bench starts its server with is one the server accepts, not one it replaces by the default', () => {
	const bench = readFileSync(new URL('./bench.ts', import.meta.url), 'utf8');
	const raised = /API_RATE_LIMIT_PER_MINUTE: '(\d+)'/.exec(bench)?.[1];
	expect(raised).toBeDefined();
	expect(apiReadsPerMinute(raised)).toBe(Number(raised));
});
