// The production server: SvelteKit's adapter-node handler behind node:http, with anonymous cache hits
// answered before the framework sees them (see src/lib/server/http/public-page-fast-path.ts).
// It honours adapter-node's HOST, PORT, ORIGIN, SHUTDOWN_TIMEOUT, KEEP_ALIVE_TIMEOUT and HEADERS_TIMEOUT,
// and stops the way adapter-node does: no new connections, then `sveltekit:shutdown`, which stops the database.
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { publishedPublicPageFastPath } from '../src/lib/server/http/public-page-fast-path';
import { projectRoot } from './ensure-build';

type Handler = (request: IncomingMessage, response: ServerResponse, next: () => void) => void;

const seconds = (name: string, fallback?: number) => {
	const value = process.env[name];
	return value === undefined || value === '' ? fallback : Number(value);
};

// Event photos are uploaded in one request of up to 8 MB plus the form fields (adapter-node's default is 512 KB).
process.env.BODY_SIZE_LIMIT ??= '10M';

// Importing the handler runs SvelteKit's init hook, which boots the database: the server listens only when ready.
const { handler } = (await import(pathToFileURL(path.join(projectRoot, 'build', 'handler.js')).href)) as { handler: Handler };
const fastPath = publishedPublicPageFastPath();

const notFound = (response: ServerResponse) => () => {
	response.statusCode = 404;
	response.end();
};

const server = http.createServer((request, response) => {
	if (fastPath?.(request, response)) return;
	handler(request, response, notFound(response));
});
const keepAlive = seconds('KEEP_ALIVE_TIMEOUT');
if (keepAlive !== undefined) server.keepAliveTimeout = keepAlive * 1000;
const headersTimeout = seconds('HEADERS_TIMEOUT');
if (headersTimeout !== undefined) server.headersTimeout = headersTimeout * 1000;

const host = process.env.HOST || '0.0.0.0';
const port = Number(process.env.PORT || 3000);
server.listen(port, host, () => console.log(`Listening on http://${host}:${port}`));

let stopping = false;
function stop(reason: NodeJS.Signals) {
	if (stopping) return;
	stopping = true;
	// A keep-alive connection would hold close() open until it times out.
	server.closeIdleConnections();
	const force = setTimeout(() => server.closeAllConnections(), (seconds('SHUTDOWN_TIMEOUT', 30) ?? 30) * 1000);
	server.close(() => {
		clearTimeout(force);
		(process.emit as (event: string, ...args: unknown[]) => boolean)('sveltekit:shutdown', reason);
	});
	// Connections still busy are closed as soon as their current answer is out.
	server.on('request', (_request, response: ServerResponse) => response.on('finish', () => server.closeIdleConnections()));
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
