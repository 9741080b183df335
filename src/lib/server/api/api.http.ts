// HTTP of the open-data API: JSON (and CSV) responses with CORS, caching, ETags, a per-address
// rate limit and errors as JSON with a stable code. Sessions and cookies play no part here.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { limitApiReads } from '../http/rate-limit';
import { isDomainError } from '../shared/errors';
import { BUSY_RETRY_AFTER_SECONDS, isDatabaseBusy } from '../db/database-busy';
import type { Executor } from '../db/client';

export const API_BASE = '/api/v1';
export const MAX_LIMIT = 200;
export const DEFAULT_LIMIT = 50;

export type ApiErrorCode = 'not_found' | 'invalid_parameter' | 'invalid_cursor' | 'rate_limited' | 'busy' | 'internal_error';

export class ApiError extends Error {
	constructor(
		readonly status: number,
		readonly code: ApiErrorCode,
		message: string,
		readonly details: { path: string; message: string }[] = []
	) {
		super(message);
	}
}

export const apiNotFound = (what = 'resource') => new ApiError(404, 'not_found', `The ${what} does not exist.`);

const corsHeaders = {
	'access-control-allow-origin': '*',
	'access-control-allow-methods': 'GET, HEAD, OPTIONS',
	'access-control-allow-headers': 'If-None-Match',
	'access-control-expose-headers': 'ETag, Retry-After',
	'access-control-max-age': '86400'
};

export function errorResponse(error: ApiError, extra: Record<string, string> = {}): Response {
	const body = { code: error.code, message: error.message, ...(error.details.length > 0 ? { details: error.details } : {}) };
	return new Response(JSON.stringify(body), {
		status: error.status,
		headers: { ...corsHeaders, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...extra }
	});
}

/** The preflight of a cross-origin GET: any origin may read, nobody may send credentials. */
export function preflightResponse(): Response {
	return new Response(null, { status: 204, headers: corsHeaders });
}

// ---------------------------------------------------------------------------------------------
// Cursors: the sort key of the last item on a page, opaque to clients (base64url of JSON).

export type CursorKey = (string | number)[];

export function encodeCursor(key: CursorKey): string {
	return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

const cursorKeySchema = z.array(z.union([z.string().max(200), z.number()])).min(1).max(4);

export function decodeCursor(cursor: string): CursorKey {
	try {
		return cursorKeySchema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
	} catch {
		throw new ApiError(400, 'invalid_cursor', 'The cursor is not one this API handed out.');
	}
}

function compareKeys(a: CursorKey, b: CursorKey): number {
	for (let i = 0; i < Math.max(a.length, b.length); i++) {
		const x = a[i];
		const y = b[i];
		if (x === y) continue;
		if (x === undefined) return -1;
		if (y === undefined) return 1;
		if (typeof x === 'number' && typeof y === 'number') return x - y;
		return String(x) < String(y) ? -1 : 1;
	}
	return 0;
}

export type Page<T> = { items: T[]; nextKey: CursorKey | null };

/**
 * Keyset paging over a bounded list the domain already returns in its stable order: the items
 * after the cursor's key. Sorting by the same key first keeps pages free of gaps and duplicates.
 */
export function pageOfList<T>(items: T[], keyOf: (item: T) => CursorKey, cursor: CursorKey | null, limit: number): Page<T> {
	const sorted = [...items].sort((a, b) => compareKeys(keyOf(a), keyOf(b)));
	const after = cursor ? sorted.filter((item) => compareKeys(keyOf(item), cursor) > 0) : sorted;
	const shown = after.slice(0, limit);
	return { items: shown, nextKey: after.length > limit ? keyOf(shown[shown.length - 1]) : null };
}

/** A page read from the database with one row more than asked for, to learn whether another follows. */
export function pageOfRows<T>(rows: T[], keyOf: (item: T) => CursorKey, limit: number): Page<T> {
	const shown = rows.slice(0, limit);
	return { items: shown, nextKey: rows.length > limit ? keyOf(shown[shown.length - 1]) : null };
}

export function nextUrl(url: URL, nextKey: CursorKey | null): string | null {
	if (!nextKey) return null;
	const next = new URL(url);
	next.searchParams.set('cursor', encodeCursor(nextKey));
	return next.toString();
}

// ---------------------------------------------------------------------------------------------
// Endpoints: one description per path, used to serve it and to document it (api.openapi.ts).

export type EndpointContext<P, Q> = { db: Executor; params: P; query: Q; url: URL; now: Date };

export type Endpoint<P extends z.ZodObject = z.ZodObject, Q extends z.ZodObject = z.ZodObject, R extends z.ZodType = z.ZodType> = {
	operationId: string;
	path: string;
	summary: string;
	params: P;
	query: Q;
	response: R;
	/** JSON by default; CSV endpoints document their columns in `response` (one row) and return text. */
	format: 'json' | 'geo+json' | 'csv';
	load: (context: EndpointContext<z.output<P>, z.output<Q>>) => Promise<R extends z.ZodType ? (z.input<R> | string) : never>;
};

export function defineEndpoint<P extends z.ZodObject, Q extends z.ZodObject, R extends z.ZodType>(
	endpoint: Omit<Endpoint<P, Q, R>, 'format' | 'load'> & {
		format?: Endpoint['format'];
		load: (context: EndpointContext<z.output<P>, z.output<Q>>) => Promise<z.input<R> | string>;
	}
): Endpoint {
	return { format: 'json', ...endpoint } as unknown as Endpoint;
}

const contentTypes = {
	json: 'application/json; charset=utf-8',
	'geo+json': 'application/geo+json; charset=utf-8',
	csv: 'text/csv; charset=utf-8'
};

function issuesOf(error: z.ZodError) {
	return error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}

function etagOf(body: string): string {
	return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

function matchesEtag(ifNoneMatch: string | null, etag: string): boolean {
	if (!ifNoneMatch) return false;
	return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag || tag.trim() === '*');
}

export type ApiRequest = { db: Executor; url: URL; params: Record<string, string>; headers: Headers; address: string; now?: Date };

/** Answers one GET: rate limit, parameters, the endpoint's data, then the body with its ETag. */
export async function serveEndpoint(endpoint: Endpoint, request: ApiRequest): Promise<Response> {
	try {
		try {
			await limitApiReads(request.address);
		} catch (caught) {
			if (isDomainError(caught) && caught.status === 429) {
				const seconds = String(caught.params.seconds ?? 60);
				return errorResponse(new ApiError(429, 'rate_limited', `Too many requests; try again in ${seconds} seconds.`), { 'retry-after': seconds });
			}
			throw caught;
		}
		const params = endpoint.params.safeParse(request.params);
		// A path that names nothing this API knows is a missing resource, not a malformed request.
		if (!params.success) throw apiNotFound();
		const query = endpoint.query.safeParse(Object.fromEntries(request.url.searchParams));
		if (!query.success) throw new ApiError(400, 'invalid_parameter', 'A query parameter is not valid.', issuesOf(query.error));
		const data = await endpoint.load({ db: request.db, params: params.data, query: query.data, url: request.url, now: request.now ?? new Date() });
		const body = typeof data === 'string' ? data : JSON.stringify(data);
		const etag = etagOf(body);
		const headers: Record<string, string> = {
			...corsHeaders,
			'content-type': contentTypes[endpoint.format],
			'cache-control': 'public, max-age=60',
			etag
		};
		if (endpoint.format === 'csv') {
			const name = request.url.pathname.split('/').filter(Boolean).slice(-3).join('-').replace(/[^a-z0-9.-]/gi, '_');
			headers['content-disposition'] = `attachment; filename="${name}"`;
		}
		if (matchesEtag(request.headers.get('if-none-match'), etag)) return new Response(null, { status: 304, headers });
		return new Response(body, { status: 200, headers });
	} catch (caught) {
		if (caught instanceof ApiError) return errorResponse(caught);
		if (isDomainError(caught) && caught.status === 404) return errorResponse(apiNotFound());
		if (isDatabaseBusy(caught)) {
			return errorResponse(new ApiError(503, 'busy', `The server is busy; try again in ${BUSY_RETRY_AFTER_SECONDS} seconds.`), { 'retry-after': String(BUSY_RETRY_AFTER_SECONDS) });
		}
		console.error('[api]', caught);
		return errorResponse(new ApiError(500, 'internal_error', 'The server could not answer this request.'));
	}
}

// ---------------------------------------------------------------------------------------------
// Shared query parameters.

export const limitParam = z.coerce.number().int().min(1).max(MAX_LIMIT).default(DEFAULT_LIMIT).describe(`Items per page, 1–${MAX_LIMIT}.`);
export const cursorParam = z.string().max(400).optional().describe('Opaque cursor from the `next` link of the previous page.');
export const pageQuery = z.strictObject({ limit: limitParam, cursor: cursorParam });
export const noQuery = z.strictObject({});

export { API_READS_PER_MINUTE } from '../http/rate-limit';
import { API_READS_PER_MINUTE } from '../http/rate-limit';
export const API_READS_PER_MINUTE_TEXT = String(API_READS_PER_MINUTE);
