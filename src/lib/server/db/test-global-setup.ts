import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { connectDatabase } from './client';
import { startEmbeddedPostgres } from './embedded';
import { migrateDatabase } from './migrate';
import { TEMPLATE_DATABASE } from './test-db';
import pg from 'pg';

// One server for the whole run: the embedded one by default, or the server named by
// TEST_DATABASE_URL (npm test points it at Debian's PostgreSQL 15 for the second pass).
// Each test file then clones a fresh database from a migrated template.
export default async function setup(project: TestProject) {
	let adminUrl = process.env.TEST_DATABASE_URL;
	let stopServer = async () => {};
	if (!adminUrl) {
		const dataDir = await mkdtemp(path.join(os.tmpdir(), 'leitbild-test-'));
		const server = await startEmbeddedPostgres({ dataDir, databaseName: 'postgres', whenRunning: 'stop', throwaway: true });
		adminUrl = server.url;
		stopServer = async () => {
			await server.stop();
			await rm(dataDir, { recursive: true, force: true });
		};
	}
	const admin = new pg.Client({ connectionString: adminUrl });
	await admin.connect();
	await admin.query(`drop database if exists ${TEMPLATE_DATABASE}`);
	await admin.query(`create database ${TEMPLATE_DATABASE}`);
	await admin.end();
	const templateUrl = new URL(adminUrl);
	templateUrl.pathname = `/${TEMPLATE_DATABASE}`;
	const template = connectDatabase(templateUrl.toString(), { max: 1 });
	await migrateDatabase(template.db, process.cwd());
	const version = await template.pool.query('show server_version');
	console.log(`[test] PostgreSQL ${version.rows[0].server_version} at ${templateUrl.host}`);
	await template.close();
	project.provide('databaseAdminUrl', adminUrl);
	return async () => {
		await stopServer();
	};
}

declare module 'vitest' {
	export interface ProvidedContext {
		databaseAdminUrl: string;
	}
}
