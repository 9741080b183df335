import type { Executor } from './client';

/**
 * A drizzle prepared statement belongs to one database handle. Hot public reads prepare theirs once per
 * handle: drizzle then skips building the SQL, and PostgreSQL skips parsing and planning on connections
 * that have run it before, which on the edition page was most of the cost of a query.
 */
export function preparedFor<T>(prepare: (db: Executor) => T): (db: Executor) => T {
	const prepared = new WeakMap<Executor, T>();
	return (db) => {
		let statement = prepared.get(db);
		if (!statement) {
			statement = prepare(db);
			prepared.set(db, statement);
		}
		return statement;
	};
}
