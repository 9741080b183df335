import { sql } from 'drizzle-orm';
import type { Database } from './client';

export const OLDEST_SUPPORTED_POSTGRES = 15;

export async function assertSupportedPostgres(db: Database): Promise<number> {
	const result = await db.execute<{ server_version_num: string }>(sql`show server_version_num`);
	const major = Math.floor(Number(result.rows[0].server_version_num) / 10000);
	if (major < OLDEST_SUPPORTED_POSTGRES) {
		throw new Error(`PostgreSQL ${major} is too old: Leitbild needs version ${OLDEST_SUPPORTED_POSTGRES} or later`);
	}
	return major;
}
