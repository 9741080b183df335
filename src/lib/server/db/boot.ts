import { sql } from 'drizzle-orm';
import type { AppConfig } from '../config';
import { isInstallEmpty } from '../demo/install-empty';
import { connectDatabase, type DatabaseConnection } from './client';
import { startEmbeddedPostgres, type WhenRunning } from './embedded';
import { migrateDatabase } from './migrate';
import { calendarDayIn } from '../calendar-day';
import { assertSupportedPostgres } from './version';

export type BootedDatabase = DatabaseConnection & { embedded: boolean; shutdown: () => Promise<void> };

// Two processes starting at once (the app and the admin CLI, say) must not migrate twice.
const MIGRATION_LOCK = 4_711_2025;

/** Connects to DATABASE_URL or starts the embedded server, migrates, and loads the demo into an empty install. */
export async function bootDatabase(
	config: AppConfig,
	options: { seedDemo?: boolean; poolSize?: number; whenRunning: WhenRunning; whileDatabaseStarts?: () => void }
): Promise<BootedDatabase> {
	if (config.databaseUrl) options.whileDatabaseStarts?.();
	const embedded = config.databaseUrl
		? undefined
		: await startEmbeddedPostgres({ dataDir: config.dataDir, log: config.logDatabase, whenRunning: options.whenRunning, whileStarting: options.whileDatabaseStarts });
	const url = config.databaseUrl ?? embedded!.url;
	const connection = connectDatabase(url, { max: options.poolSize ?? 10 });
	try {
		await assertSupportedPostgres(connection.db);
		const client = await connection.pool.connect();
		try {
			await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
			await migrateDatabase(connection.db, config.projectRoot);
			if (config.demo && options.seedDemo !== false && (await isInstallEmpty(connection.db))) {
				// The demo's loaders reach most of the server's code: imported only when there is a demo to load.
				const { loadDemo } = await import('../demo/demo.service');
				await loadDemo(connection.db, { loadDay: config.demoDay ?? calendarDayIn('Europe/Berlin', new Date()), dataDir: config.dataDir });
				console.log('[db] loaded the demo data');
			}
		} finally {
			await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
			client.release();
		}
	} catch (error) {
		await connection.close();
		await embedded?.stop();
		throw error;
	}
	let stopped = false;
	return {
		...connection,
		embedded: Boolean(embedded),
		shutdown: async () => {
			if (stopped) return;
			stopped = true;
			await connection.close();
			await embedded?.stop();
		}
	};
}

export async function databaseAnswers(connection: DatabaseConnection): Promise<boolean> {
	try {
		await connection.db.execute(sql`select 1`);
		return true;
	} catch {
		return false;
	}
}
