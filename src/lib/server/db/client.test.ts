import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase, type DatabaseConnection } from './client';
import { createTestDatabase, type TestDatabase } from './test-db';

let database: TestDatabase;
let connection: DatabaseConnection;
beforeAll(async () => {
	database = await createTestDatabase();
	connection = connectDatabase(database.url, { max: 2 });
});
afterAll(async () => {
	await connection?.close();
	await database?.drop();
});

describe('the connection pool', () => {
	it('survives losing a connection that is checked out: the query fails, the process goes on, the next query gets a new connection', async () => {
		const client = await connection.pool.connect();
		const { rows } = await client.query<{ pid: number }>('select pg_backend_pid() as pid');
		// With a timeout the call returns only once the backend has ended, so the next query cannot slip in before.
		await connection.pool.query('select pg_terminate_backend($1, 10000)', [rows[0].pid]);
		// Without a listener on the checked-out client, its socket's error would be an uncaught exception,
		// which Vitest reports as a failure of this file (and which ends a server).
		await expect(client.query('select 1')).rejects.toThrow();
		// Released as broken: under load the query may fail on the server's termination notice before the
		// socket's reset arrives, and a client released as sound would then be lent out once more.
		client.release(true);
		const after = await connection.pool.query<{ pid: number }>('select pg_backend_pid() as pid');
		expect(after.rows[0].pid).not.toBe(rows[0].pid);
	});
});
