import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { connectDatabase, type Database } from './client';
import type { DataDescription } from './data-description';
import { loadDataDescription } from './load-data';

export const TEMPLATE_DATABASE = 'leitbild_test_template';

export type TestDatabase = {
	db: Database;
	url: string;
	ids: Awaited<ReturnType<typeof loadDataDescription>>;
	drop: () => Promise<void>;
};

/** A fresh database cloned from the migrated template, filled from a plain description of the data. */
export async function createTestDatabase(data: DataDescription = {}): Promise<TestDatabase> {
	const adminUrl = inject('databaseAdminUrl');
	const name = `leitbild_test_${randomBytes(6).toString('hex')}`;
	const admin = new pg.Client({ connectionString: adminUrl });
	await admin.connect();
	await admin.query(`create database ${name} template ${TEMPLATE_DATABASE} strategy file_copy`);
	await admin.end();
	const url = new URL(adminUrl);
	url.pathname = `/${name}`;
	const connection = connectDatabase(url.toString(), { max: 5 });
	const ids = await loadDataDescription(connection.db, data);
	return {
		db: connection.db,
		url: url.toString(),
		ids,
		drop: async () => {
			await connection.close();
			const cleanup = new pg.Client({ connectionString: adminUrl });
			await cleanup.connect();
			await cleanup.query(`drop database if exists ${name} with (force)`);
			await cleanup.end();
		}
	};
}
