import { bootDatabase, type BootedDatabase } from './db/boot';
import { readConfig, type AppConfig } from './config';
import { listenForPublicChanges } from './http/public-change';
import { PublicPageCache } from './http/public-page-cache';
import { memoryStore, postgresStore, useRateLimitStore } from './http/rate-limit';
import { createPublicPageFastPath, publishPublicPageFastPath } from './http/public-page-fast-path';
import type { Auth } from './people/auth';
import { onFirstUse } from './shared/first-use';
import { createMailer, type Mailer } from './mail/mail.service';
import { createMetrics, type Metrics } from './observability/metrics';
import { keepRecentDisclosures } from './monitoring/disclosure.service';

type Runtime = {
	config: AppConfig;
	database: BootedDatabase;
	/** better-auth, loaded on first use: no anonymous page needs it, and loading it added about 150 ms to every start. */
	auth: () => Promise<Auth>;
	publicPages: PublicPageCache;
	mailer: Mailer;
	metrics: Metrics;
};

// The one database connection, auth instance and page cache of the running server, opened by the init hook.
let runtime: Runtime | undefined;
let starting: Promise<void> | undefined;

/**
 * Boots the database and the services around it. `whileDatabaseStarts` is called once PostgreSQL is starting:
 * hooks.server.ts reads the request handling then, so that Node's reading of it overlaps the database's start.
 */
export function startRuntime({ whileDatabaseStarts }: { whileDatabaseStarts?: () => void } = {}): Promise<void> {
	starting ??= (async () => {
		const config = readConfig();
		// The notices' mails reach every message of the catalogues, so they are read while PostgreSQL starts too.
		const loadNoticeModules = onFirstUse(() => Promise.all([import('./updates/updates.dispatch'), import('./updates/updates.service')]));
		// A server still running on the data directory can only be an orphan of a killed app: stop it.
		const database = await bootDatabase(config, {
			whenRunning: 'stop',
			whileDatabaseStarts: () => {
				whileDatabaseStarts?.();
				void loadNoticeModules();
			}
		});
		let stopListening: () => Promise<void>;
		const publicPages = new PublicPageCache();
		const auth = onFirstUse(() =>
			import('./people/auth').then(({ createAuth }) => createAuth({ db: database.db, secret: config.authSecret, demo: config.demo, baseURL: config.origin }))
		);
		try {
			stopListening = await listenForPublicChanges(database.pool, () => publicPages.clear());
		} catch (error) {
			await database.shutdown();
			throw error;
		}
		useRateLimitStore(postgresStore(database.pool), config.limits);
		const mailer = createMailer({ smtpUrl: config.smtpUrl, outboxDir: config.outboxDir, from: config.mailFrom });
		const { pool } = database;
		const [{ startNoticeDispatch }, { countNoticesToSend }] = await loadNoticeModules();
		const metrics = createMetrics({
			pool: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
			publicPages: () => publicPages.size,
			pendingNotices: () => countNoticesToSend({ db: database.db })
		});
		const stopNoticeDispatch = await startNoticeDispatch(pool, { db: database.db, mailer, publicOrigin: config.origin, onMailed: metrics.countNoticeMail });
		const disclosures = keepRecentDisclosures(database.db);
		publicPages.alsoClear(disclosures.clear);
		runtime = { config, database, auth, publicPages, mailer, metrics };
		if (config.publicCache) publishPublicPageFastPath(createPublicPageFastPath(publicPages, metrics.countCacheHit));
		process.once('sveltekit:shutdown', async () => {
			publishPublicPageFastPath(undefined);
			await stopNoticeDispatch();
			await stopListening();
			await database.shutdown();
			// Nothing may reach the closed pool afterwards, and a later start in the same process (the tests of
			// one worker share their modules) opens a runtime of its own.
			useRateLimitStore(memoryStore);
			disclosures.stop();
			runtime = undefined;
			starting = undefined;
		});
	})();
	return starting;
}

export function getRuntime(): Runtime {
	if (!runtime) throw new Error('The server runtime has not started');
	return runtime;
}

export const getDb = () => getRuntime().database.db;
