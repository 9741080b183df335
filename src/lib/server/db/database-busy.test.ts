import pg from 'pg';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import { describe, expect, inject, it } from 'vitest';
import { isDatabaseBusy } from './database-busy';

describe('isDatabaseBusy', () => {
	it('recognises the pool giving up waiting for a connection, as pg-pool reports it and as drizzle wraps it', async () => {
		// The pool's only connection is held, so the next checkout waits past its timeout, as under load. The
		// timeout is short only after the first connection is open: a slow machine may take longer than 50 ms
		// to open it (pg-pool reads the option on each checkout).
		const pool = new pg.Pool({ connectionString: inject('databaseAdminUrl'), max: 1, connectionTimeoutMillis: 30_000 });
		const held = await pool.connect();
		pool.options.connectionTimeoutMillis = 50;
		const waited = await pool.connect().then(
			(client) => (client.release(), null),
			(error: unknown) => error
		);
		held.release();
		await pool.end();
		expect(isDatabaseBusy(waited)).toBe(true);
		expect(isDatabaseBusy(new DrizzleQueryError('select 1', [], waited as Error))).toBe(true);
		expect(isDatabaseBusy(new Error('outer', { cause: new Error('Connection terminated due to connection timeout') }))).toBe(true);
	});

	it('leaves every other failure an unexpected error', () => {
		expect(isDatabaseBusy(new Error('relation "ideas" does not exist'))).toBe(false);
		expect(isDatabaseBusy(new DrizzleQueryError('select 1', [], new Error('connect ECONNREFUSED 127.0.0.1:5432')))).toBe(false);
		expect(isDatabaseBusy('timeout exceeded when trying to connect')).toBe(false);
		expect(isDatabaseBusy(undefined)).toBe(false);
	});
});
