import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { BusyClientQuery, refuseQueriesOnBusyClients } from './busy-client-guard';
import { createTestDatabase, type TestDatabase } from './test-db';

let database: TestDatabase;
beforeAll(async () => {
	database = await createTestDatabase();
});
afterAll(async () => {
	await database?.drop();
});

describe('the busy-connection guard of the tests', () => {
	it('refuses a second query sent on a connection before the first is answered, and lets sequential ones through', async () => {
		refuseQueriesOnBusyClients();
		const client = new pg.Client({ connectionString: database.url });
		await client.connect();
		try {
			const first = client.query('SELECT pg_sleep(0.05)');
			expect(() => client.query('SELECT 1')).toThrow(BusyClientQuery);
			await first;
			expect((await client.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
			expect((await client.query('SELECT 2 AS two')).rows).toEqual([{ two: 2 }]);
		} finally {
			await client.end();
		}
	});
});
