// node-postgres queues a query sent on a connection that is still answering another and warns (from
// the third query on) that pg 9 will refuse it. In this code base it means a Promise.all over a transaction's
// single connection. The tests refuse it outright, so such code fails where it is written.
import pg from 'pg';

type ClientInternals = { _activeQuery?: unknown; _queryQueue?: unknown[]; pipeline?: boolean };
type QueryMethod = (this: ClientInternals, ...args: unknown[]) => unknown;

const guarded = Symbol.for('leitbild.busyClientGuard');

export class BusyClientQuery extends Error {
	constructor(query: unknown) {
		const text = typeof query === 'string' ? query : ((query as { text?: string } | null)?.text ?? '');
		super(`a query was sent on a connection still busy with another (Promise.all over a transaction?): ${text.slice(0, 200)}`);
	}
}

/** Makes every pg client refuse a query while another is running on it. Idempotent. */
export function refuseQueriesOnBusyClients(): void {
	const prototype = pg.Client.prototype as unknown as { query: QueryMethod; [guarded]?: true };
	if (prototype[guarded]) return;
	const query = prototype.query;
	prototype.query = function (this: ClientInternals, ...args: unknown[]) {
		if ((this._activeQuery || (this._queryQueue?.length ?? 0) > 0) && !this.pipeline) throw new BusyClientQuery(args[0]);
		return query.apply(this, args);
	};
	prototype[guarded] = true;
}
