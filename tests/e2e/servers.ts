import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { FullConfig } from '@playwright/test';
import { serverEnvironment, serverNodeFlags } from '../../scripts/server-flags';
import { demoLoadDay } from './demo-days';

// The stories' servers, started by Playwright's global setup. Playwright's own webServer option starts
// its servers one after the other, and each spends seconds creating its cluster and loading the demo:
// started together, the two are ready several seconds sooner. Each gets an empty data directory, so the
// demo is loaded fresh, and is stopped the way npm start stops (SIGTERM, which stops its PostgreSQL).

export const storyServerPorts = (firstPort: number) => [firstPort, firstPort + 1];

type StoryServer = { port: number; dataDir: string; child: ChildProcess; exited: Promise<number | null> };

const projectRoot = path.resolve(import.meta.dirname, '../..');

async function portIsFree(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const probe = net.createServer();
		probe.once('error', () => resolve(false));
		probe.listen(port, 'localhost', () => probe.close(() => resolve(true)));
	});
}

function startServer(port: number): StoryServer {
	const dataDir = mkdtempSync(path.join(os.tmpdir(), 'leitbild-e2e-'));
	const child = spawn(process.execPath, [...serverNodeFlags, 'scripts/serve.js'], {
		cwd: projectRoot,
		stdio: ['ignore', 'ignore', 'inherit'],
		env: {
			...process.env,
			...serverEnvironment,
			PORT: String(port),
			ORIGIN: `http://localhost:${port}`,
			DATA_DIR: dataDir,
			DEMO: 'on',
			METRICS_TOKEN: 'e2e-metrics-token-0123456789',
			// Playwright's request client reuses idle sockets; a server closing one just as a request goes out
			// resets that request (ECONNRESET), so the servers keep idle sockets longer than any test pauses.
			KEEP_ALIVE_TIMEOUT: '65'
		}
	});
	const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
	return { port, dataDir, child, exited };
}

async function waitUntilHealthy(server: StoryServer, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	let exitCode: number | null | undefined;
	void server.exited.then((code) => (exitCode = code));
	while (Date.now() < deadline) {
		if (exitCode !== undefined) throw new Error(`the server for port ${server.port} exited during start-up (code ${exitCode})`);
		const healthy = await fetch(`http://localhost:${server.port}/healthz`).then(
			(response) => response.ok,
			() => false
		);
		if (healthy) return;
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	throw new Error(`the server for port ${server.port} did not answer /healthz within ${timeoutMs / 1000} s`);
}

async function stopServer(server: StoryServer): Promise<void> {
	if (server.child.exitCode === null && server.child.signalCode === null) {
		server.child.kill('SIGTERM');
		const stopped = await Promise.race([server.exited.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 20_000))]);
		if (!stopped) server.child.kill('SIGKILL');
	}
	rmSync(server.dataDir, { recursive: true, force: true });
}

export default async function startStoryServers(config: FullConfig): Promise<() => Promise<void>> {
	const ports = storyServerPorts(Number(config.metadata.firstStoryPort));
	// Both servers plan the demo's coming events from the same day, and the stories, which inherit this
	// environment, find them there (demo-days.ts), even when the run crosses midnight.
	process.env.DEMO_DAY ??= demoLoadDay();
	for (const port of ports) {
		if (!(await portIsFree(port))) throw new Error(`port ${port} is in use: stop what listens there or set E2E_PORT to another first port`);
	}
	const servers = ports.map(startServer);
	const stopAll = async () => {
		await Promise.all(servers.map(stopServer));
	};
	try {
		await Promise.all(servers.map((server) => waitUntilHealthy(server, 120_000)));
	} catch (error) {
		await stopAll();
		throw error;
	}
	return stopAll;
}
