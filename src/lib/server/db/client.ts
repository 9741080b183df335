import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from './schema';

export type Database = NodePgDatabase<typeof schema>;
/** A database handle or an open transaction: services accept either so callers can compose them atomically. */
export type Executor = Database | Parameters<Parameters<Database['transaction']>[0]>[0];

export type DatabaseConnection = {
	db: Database;
	pool: pg.Pool;
	close: () => Promise<void>;
};

// Dates are read as strings so that a calendar date never shifts with the server's time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

export function connectDatabase(url: string, options: { max?: number } = {}): DatabaseConnection {
	const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, connectionTimeoutMillis: 5000 });
	// pool.end() resolves before its clients' sockets are closed; a server stopped right after it
	// terminates them, which is expected then and not worth a line in the log.
	let closing = false;
	pool.on('error', (error) => {
		if (!closing) console.error('[db] idle client error', error.message);
	});
	// The pool listens for errors only on idle clients. A client that is checked out when the database goes
	// away (a transaction waiting on it) emits its socket's error as well, and an 'error' event without a
	// listener ends the whole process: every visitor would lose the site for one lost connection. The query
	// in flight is rejected with the same error and its caller reports it; the pool drops the broken client
	// when it comes back.
	pool.on('connect', (client) => {
		client.on('error', () => {});
	});
	const db = drizzle(pool, { schema });
	return {
		db,
		pool,
		close: () => {
			closing = true;
			return pool.end();
		}
	};
}
