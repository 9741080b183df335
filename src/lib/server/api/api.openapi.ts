// The OpenAPI 3.1 document of the open-data API, built from the endpoint descriptions and the very
// zod schemas that the tests validate responses with (JSON Schema 2020-12, as OpenAPI 3.1 uses).
import { z } from 'zod';
import { API_BASE, API_READS_PER_MINUTE_TEXT, type Endpoint } from './api.http';
import { apiSchemas } from './api.schemas';
import { endpoints } from './api.service';

type JsonSchema = Record<string, unknown>;

/** Every named schema as a component; references between them point into components. */
function componentSchemas(): Record<string, JsonSchema> {
	const { schemas } = z.toJSONSchema(apiSchemas, {
		target: 'draft-2020-12',
		io: 'output',
		unrepresentable: 'throw',
		uri: (id) => `#/components/schemas/${id}`
	}) as unknown as { schemas: Record<string, JsonSchema> };
	// Inside an OpenAPI document the components are not separate resources: drop their own $schema and $id.
	return Object.fromEntries(Object.entries(schemas).map(([name, { $schema: _s, $id: _i, ...schema }]) => [name, schema]));
}

function responseRef(endpoint: Endpoint): string {
	const name = apiSchemas.get(endpoint.response)?.id;
	if (!name) throw new Error(`The response schema of ${endpoint.operationId} has no id in apiSchemas`);
	return `#/components/schemas/${name}`;
}

function parameterSchema(schema: z.ZodType): JsonSchema {
	const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as JsonSchema;
	delete json.$schema;
	return json;
}

function parametersOf(endpoint: Endpoint) {
	const path = Object.entries(endpoint.params.shape).map(([name, schema]) => ({
		name,
		in: 'path',
		required: true,
		description: (schema as z.ZodType).description,
		schema: parameterSchema(schema as z.ZodType)
	}));
	const query = Object.entries(endpoint.query.shape).map(([name, schema]) => ({
		name,
		in: 'query',
		required: !(schema as z.ZodType).safeParse(undefined).success,
		description: (schema as z.ZodType).description,
		schema: parameterSchema(schema as z.ZodType)
	}));
	return [...path, ...query];
}

const errorResponse = (description: string) => ({
	description,
	content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } }
});

function successContent(endpoint: Endpoint, ref: string) {
	if (endpoint.format === 'csv') {
		return {
			'text/csv': {
				schema: { type: 'string' },
				// The columns of one row, for readers of the document; the body itself is CSV text.
				'x-row-schema': { $ref: ref }
			}
		};
	}
	return { [endpoint.format === 'geo+json' ? 'application/geo+json' : 'application/json']: { schema: { $ref: ref } } };
}

export function buildOpenApiDocument(origin: string) {
	const components = componentSchemas();
	const paths: Record<string, unknown> = {};
	for (const endpoint of endpoints) {
		const ref = responseRef(endpoint);
		paths[endpoint.path] = {
			get: {
				operationId: endpoint.operationId,
				summary: endpoint.summary,
				parameters: parametersOf(endpoint),
				responses: {
					'200': {
						description: 'OK',
						headers: {
							ETag: { description: 'Send it back as If-None-Match to get 304 while nothing changed.', schema: { type: 'string' } },
							'Cache-Control': { schema: { type: 'string' } }
						},
						content: successContent(endpoint, ref)
					},
					'304': { description: 'Not modified since the ETag given in If-None-Match.' },
					'400': errorResponse('A query parameter or the cursor is not valid.'),
					'404': errorResponse('The municipality, strategy, edition or indicator does not exist.'),
					'429': {
						...errorResponse('Too many requests from this address.'),
						headers: { 'Retry-After': { description: 'Seconds to wait.', schema: { type: 'integer' } } }
					},
					'503': {
						...errorResponse('The server is too busy to answer now; nothing was changed.'),
						headers: { 'Retry-After': { description: 'Seconds to wait.', schema: { type: 'integer' } } }
					}
				}
			}
		};
	}
	return {
		openapi: '3.1.0' as const,
		jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
		info: {
			title: 'Leitbild open data API',
			version: '1.0.0',
			description: [
				'Read-only public data of the strategies on this installation: municipalities, strategies, editions with their fields of action, goals and measures, indicators and measurements, districts (GeoJSON) and events.',
				'Lists are paged with cursors: follow `next` until it is null; `limit` takes 1–200 (default 50).',
				`No authentication; CORS is open for GET. Each address may make ${API_READS_PER_MINUTE_TEXT} requests a minute, then gets 429 with Retry-After.`
			].join('\n\n')
		},
		servers: [{ url: new URL(API_BASE, origin).toString() }],
		paths,
		components: { schemas: components }
	};
}

export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;
