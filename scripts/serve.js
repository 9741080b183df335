// The production server: SvelteKit's adapter-node handler behind node:http, with anonymous cache hits
// answered before the framework sees them (see src/lib/server/http/public-page-fast-path.ts).
// Plain JavaScript run by plain Node: a TypeScript loader would sit in every dynamic import SvelteKit
// makes per request (about a quarter of the throughput of an uncached page, measured).
// It honours adapter-node's HOST, PORT, ORIGIN, BODY_SIZE_LIMIT, SHUTDOWN_TIMEOUT, KEEP_ALIVE_TIMEOUT and
// HEADERS_TIMEOUT, and stops the way adapter-node does: no new connections, then `sveltekit:shutdown`,
// which stops the database.
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bytesOf, dropUnreadBodyAfterAnswer } from './unread-body.js';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.env.LEITBILD_ROOT ??= projectRoot;
// Event photos are uploaded in one request of up to 8 MB plus the form fields (adapter-node's default is 512 KB).
process.env.BODY_SIZE_LIMIT ??= '10M';

/** @param {string} name @param {number} [fallback] */
const seconds = (name, fallback) => {
	const value = process.env[name];
	return value === undefined || value === '' ? fallback : Number(value);
};

// Importing the handler runs SvelteKit's init hook, which boots the database: the server listens only when ready.
const { handler } = await import(pathToFileURL(path.join(projectRoot, 'build', 'handler.js')).href);
// Published by the runtime (publishPublicPageFastPath) when the public page cache is on.
/** @type {((request: http.IncomingMessage, response: http.ServerResponse) => boolean) | undefined} */
const fastPath = /** @type {Record<symbol, any>} */ (globalThis)[Symbol.for('leitbild.publicPageFastPath')];

const bodySizeLimit = bytesOf(process.env.BODY_SIZE_LIMIT);
const server = http.createServer((request, response) => {
	if (fastPath?.(request, response)) return;
	dropUnreadBodyAfterAnswer(request, response, bodySizeLimit);
	handler(request, response, () => {
		response.statusCode = 404;
		response.end();
	});
});
const keepAlive = seconds('KEEP_ALIVE_TIMEOUT');
if (keepAlive !== undefined) server.keepAliveTimeout = keepAlive * 1000;
const headersTimeout = seconds('HEADERS_TIMEOUT');
if (headersTimeout !== undefined) server.headersTimeout = headersTimeout * 1000;

const host = process.env.HOST || '0.0.0.0';
const port = Number(process.env.PORT || 3000);
server.listen(port, host, () => console.log(`Listening on http://${host}:${port}`));

let stopping = false;
/** @param {NodeJS.Signals} reason */
function stop(reason) {
	if (stopping) return;
	stopping = true;
	// A keep-alive connection would hold close() open until it times out.
	server.closeIdleConnections();
	const force = setTimeout(() => server.closeAllConnections(), (seconds('SHUTDOWN_TIMEOUT', 30) ?? 30) * 1000);
	server.close(() => {
		clearTimeout(force);
		process.emit(/** @type {any} */ ('sveltekit:shutdown'), reason);
	});
	// Connections still busy are closed as soon as their current answer is out.
	server.on('request', (_request, response) => response.on('finish', () => server.closeIdleConnections()));
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
