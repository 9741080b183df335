// The running server mails pending notices as soon as the writing transaction commits (PostgreSQL tells
// every listening server), and looks again every minute for what an interrupted run left behind.
import type pg from 'pg';
import { listenOnChannel } from '../http/public-change';
import { errorLogEntry, logger } from '../observability/logger';
import { dispatchNotices, UPDATE_NOTICE_CHANNEL, type DispatchOptions } from './updates.service';

const RETRY_MS = 60_000;

export async function startNoticeDispatch(pool: pg.Pool, options: DispatchOptions): Promise<() => Promise<void>> {
	let running: Promise<void> | undefined;
	let again = false;
	let stopped = false;
	const run = () => {
		if (stopped) return;
		// One run at a time in this process; news arriving meanwhile gets one more run after it.
		if (running) {
			again = true;
			return;
		}
		running = dispatchNotices(options)
			.catch((error: unknown) => logger.error({ error: errorLogEntry(error) }, 'notice dispatch failed'))
			.finally(() => {
				running = undefined;
				if (again) {
					again = false;
					run();
				}
			});
	};
	const stopListening = await listenOnChannel(pool, UPDATE_NOTICE_CHANNEL, run);
	const timer = setInterval(run, RETRY_MS).unref();
	run();
	return async () => {
		stopped = true;
		clearInterval(timer);
		await stopListening();
		await running;
	};
}
