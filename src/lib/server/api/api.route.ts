// What every route of the open-data API shares: the running server's database and the caller's address.
import type { RequestHandler } from '@sveltejs/kit';
import { z } from 'zod';
import { getDb } from '../runtime';
import { defineEndpoint, errorResponse, apiNotFound, noQuery, preflightResponse, serveEndpoint, type Endpoint } from './api.http';
import { buildOpenApiDocument } from './api.openapi';

export function apiRoute(endpoint: Endpoint): RequestHandler {
	return (event) =>
		serveEndpoint(endpoint, {
			db: getDb(),
			url: event.url,
			params: event.params as Record<string, string>,
			headers: event.request.headers,
			address: event.getClientAddress()
		});
}

export const apiPreflight: RequestHandler = () => preflightResponse();

export const apiUnknownPath: RequestHandler = () => errorResponse(apiNotFound('path'));

export const openApiEndpoint = defineEndpoint({
	operationId: 'getOpenApiDocument',
	path: '/openapi.json',
	summary: 'This document.',
	params: z.object({}),
	query: noQuery,
	response: z.looseObject({ openapi: z.literal('3.1.0') }),
	load: async ({ url }) => openApiDocumentFor(url.origin)
});

// The document depends only on the code and the origin it is served under: build it once per origin.
const documents = new Map<string, ReturnType<typeof buildOpenApiDocument>>();
function openApiDocumentFor(origin: string) {
	let document = documents.get(origin);
	if (!document) {
		if (documents.size > 20) documents.clear();
		document = buildOpenApiDocument(origin);
		documents.set(origin, document);
	}
	return document;
}
