import { sql } from 'drizzle-orm';
import type pg from 'pg';
import type { Executor } from '../db/client';

export const PUBLIC_CHANGE_CHANNEL = 'leitbild_public_change';

/** Inside the writing transaction: PostgreSQL delivers the notice only if the transaction commits. */
export async function announcePublicChange(db: Executor, municipalityId: string | null): Promise<void> {
	await db.execute(sql`select pg_notify(${PUBLIC_CHANGE_CHANNEL}, ${municipalityId ?? ''})`);
}

/** Keeps one connection listening for changes; reconnects after the database restarts. */
export const listenForPublicChanges = (pool: pg.Pool, onChange: () => void) => listenOnChannel(pool, PUBLIC_CHANGE_CHANNEL, onChange);

/** One connection listening on a channel; after the database restarts it reconnects and calls `onNotify` once. */
export async function listenOnChannel(pool: pg.Pool, channel: string, onNotify: () => void): Promise<() => Promise<void>> {
	let client: pg.PoolClient | undefined;
	let stopped = false;
	const connect = async () => {
		if (stopped) return;
		try {
			const listening = await pool.connect();
			client = listening;
			listening.on('notification', onNotify);
			listening.on('error', () => {
				// On shutdown the database goes away after we released this client: releasing it twice throws.
				if (client !== listening) return;
				client = undefined;
				listening.release(true);
				if (stopped) return;
				// Anything may have happened while we were not listening.
				onNotify();
				setTimeout(connect, 1000).unref();
			});
			await listening.query(`listen ${channel}`);
		} catch {
			setTimeout(connect, 1000).unref();
		}
	};
	await connect();
	return async () => {
		stopped = true;
		const listening = client;
		client = undefined;
		listening?.release(true);
	};
}
