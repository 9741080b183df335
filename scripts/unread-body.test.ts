import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { bytesOf, dropUnreadBodyAfterAnswer } from './unread-body.js';

let server: http.Server | undefined;
let agent: http.Agent | undefined;
afterEach(async () => {
	agent?.destroy();
	server?.closeAllConnections();
	await new Promise((resolve) => server?.close(resolve));
});

/** A server that, like SvelteKit's adapter, reads a body's first chunk, pauses it, and answers 404 without the rest. */
async function startServer(drain: boolean): Promise<number> {
	// Checked every quarter second instead of every 30: the stuck case below ends soon after the headers timeout.
	server = http.createServer({ connectionsCheckingInterval: 250 }, (request, response) => {
		if (drain) dropUnreadBodyAfterAnswer(request, response, 1024 * 1024);
		request.on('data', () => request.pause());
		setTimeout(() => {
			response.statusCode = request.method === 'POST' ? 404 : 200;
			response.end('answered');
		}, 20);
	});
	// A short headers timeout: without the fix the second request would wait a minute for it.
	server.headersTimeout = 3000;
	server.requestTimeout = 3000;
	await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
	return (server.address() as AddressInfo).port;
}

function send(port: number, method: string, body = ''): Promise<{ status: number | undefined; reused: boolean; ms: number }> {
	const started = Date.now();
	return new Promise((resolve, reject) => {
		const request = http.request({ host: '127.0.0.1', port, method, path: '/', agent, headers: body ? { 'Content-Length': Buffer.byteLength(body) } : {} }, (response) => {
			response.resume();
			response.on('end', () => resolve({ status: response.statusCode, reused: request.reusedSocket, ms: Date.now() - started }));
		});
		request.on('error', reject);
		request.end(body);
	});
}

it.each([
	['with the body dropped, the next request on the kept-alive connection is answered at once', true],
	['without it, the next request on that connection waits until the server gives up (what the fix prevents)', false]
])('%s', async (_title, drain) => {
	const port = await startServer(drain);
	agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
	const first = await send(port, 'POST', 'field='.padEnd(300_000, 'x'));
	expect(first.status).toBe(404);
	const second = await send(port, 'GET').catch((error: Error) => error);
	if (drain) {
		expect(second).toMatchObject({ status: 200, reused: true });
		expect((second as { ms: number }).ms).toBeLessThan(2000);
	} else {
		// Cut off by the headers timeout (or answered only after it): the connection was stuck.
		expect(second instanceof Error || (second as { ms: number }).ms >= 2000).toBe(true);
	}
});

it('a body larger than the limit closes the connection instead of being read', async () => {
	server = http.createServer((request, response) => {
		dropUnreadBodyAfterAnswer(request, response, 1000);
		request.on('data', () => request.pause());
		response.statusCode = 413;
		response.end();
	});
	await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
	const port = (server.address() as AddressInfo).port;
	agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
	const closed = new Promise<void>((resolve) => server!.once('connection', (socket) => socket.once('close', () => resolve())));
	await send(port, 'POST', 'x'.repeat(200_000)).catch(() => undefined);
	await closed;
});

it('reads the size limit as adapter-node does', () => {
	expect(bytesOf('10M')).toBe(10 * 1024 * 1024);
	expect(bytesOf('512K')).toBe(512 * 1024);
	expect(bytesOf('2048')).toBe(2048);
	expect(bytesOf('1g')).toBe(1024 ** 3);
});
