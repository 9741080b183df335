import path from 'node:path';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import type { Database } from './client';

/** The build does not carry the SQL files, so they are read from the project root at run time. */
export async function migrateDatabase(db: Database, projectRoot: string): Promise<void> {
	await migrate(db, { migrationsFolder: path.join(projectRoot, 'drizzle') });
}
