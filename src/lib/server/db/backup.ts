// Backup and restore as a logical export of every table. The embedded server ships no pg_dump, and
// Debian's client tools are older than its server, so the app copies the data itself with COPY. The
// same code serves an external PostgreSQL, and a backup restores into a later version of the app: the
// schema comes from the app's own migrations, the backup carries only rows and their column names.
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import * as tar from 'tar';
import { z } from 'zod';
import type { DatabaseConnection } from './client';
import { migrateDatabase } from './migrate';

const FORMAT = 'leitbild-backup/1';

const manifestSchema = z.object({
	format: z.literal(FORMAT),
	createdAt: z.string(),
	/** How many migrations the source had applied: a backup from a newer app cannot be restored by an older one. */
	migrations: z.number().int().nonnegative(),
	tables: z.array(
		z.object({
			name: z.string().regex(/^[a-z_][a-z0-9_]*$/),
			columns: z.array(z.string().regex(/^[a-z_][a-z0-9_]*$/)).min(1),
			rows: z.number().int().nonnegative(),
			file: z.string().regex(/^tables\/[0-9]{3}-[a-z0-9_]+\.csv$/)
		})
	)
});
export type BackupManifest = z.output<typeof manifestSchema>;

export class BackupError extends Error {
	name = 'BackupError';
}

type Table = { name: string; columns: string[] };
type Progress = (table: string, rows: number) => void;

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Tables the database keeps itself from others by triggers: a restore fills them again as it loads
 * their sources, so they are neither saved nor loaded (loading them as well would count twice).
 */
const derivedTables = ['idea_field_tallies', 'idea_title_words'];

/** The app's tables with their stored (not generated) columns, in a stable order; derived tables left out. */
async function listTables(client: pg.PoolClient): Promise<Table[]> {
	const { rows } = await client.query<Table>(`
		select c.relname as name, array_agg(a.attname::text order by a.attnum) as columns
		from pg_class c
		join pg_namespace n on n.oid = c.relnamespace
		join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
		where n.nspname = 'public' and c.relkind = 'r' and not c.relispartition and not c.relname = any($1)
		group by c.relname
		order by c.relname`,
		[derivedTables]
	);
	return rows;
}

/**
 * Foreign keys are dropped for the load and added again before the commit: tables refer to each other
 * in cycles (a municipality names its contact point, which belongs to the municipality), so no order of
 * COPY statements would satisfy them, and adding them back checks every restored row. Unlike disabling
 * triggers, this needs no superuser, only ownership of the tables.
 */
async function withoutForeignKeys(client: pg.PoolClient, load: () => Promise<void>): Promise<void> {
	const { rows: keys } = await client.query<{ table: string; name: string; definition: string }>(`
		select c.relname as table, k.conname as name, pg_get_constraintdef(k.oid) as definition
		from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
		where k.contype = 'f' and n.nspname = 'public'
		order by c.relname, k.conname`);
	for (const key of keys) await client.query(`alter table public.${ident(key.table)} drop constraint ${ident(key.name)}`);
	await load();
	for (const key of keys) await client.query(`alter table public.${ident(key.table)} add constraint ${ident(key.name)} ${key.definition}`);
}

async function appliedMigrations(client: pg.PoolClient): Promise<number> {
	const { rows } = await client.query<{ n: number }>(`select count(*)::int as n from drizzle.__drizzle_migrations`);
	return rows[0].n;
}

async function migrationsOfThisVersion(projectRoot: string): Promise<number> {
	const journal = JSON.parse(await readFile(path.join(projectRoot, 'drizzle', 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };
	return journal.entries.length;
}

/** Writes every row of every table, as of one moment, into a gzipped tar file. */
export async function backupDatabase(connection: DatabaseConnection, file: string, progress: Progress = () => {}): Promise<BackupManifest> {
	const work = await mkdtemp(path.join(tmpdir(), 'leitbild-backup-'));
	const client = await connection.pool.connect();
	try {
		await mkdir(path.join(work, 'tables'));
		// One snapshot for all tables: a write during the backup is either wholly in it or not at all.
		await client.query('begin isolation level repeatable read read only');
		const tables = await listTables(client);
		const manifest: BackupManifest = { format: FORMAT, createdAt: new Date().toISOString(), migrations: await appliedMigrations(client), tables: [] };
		for (const [index, table] of tables.entries()) {
			const entry = `tables/${String(index).padStart(3, '0')}-${table.name}.csv`;
			const columns = table.columns.map(ident).join(', ');
			await pipeline(client.query(copyTo(`copy public.${ident(table.name)} (${columns}) to stdout with (format csv)`)), createWriteStream(path.join(work, entry)));
			const { rows } = await client.query<{ n: string }>(`select count(*) as n from public.${ident(table.name)}`);
			manifest.tables.push({ name: table.name, columns: table.columns, rows: Number(rows[0].n), file: entry });
			progress(table.name, Number(rows[0].n));
		}
		await client.query('commit');
		await writeFile(path.join(work, 'manifest.json'), `${JSON.stringify(manifest, null, '\t')}\n`);
		await tar.c({ gzip: true, file, cwd: work, portable: true }, ['manifest.json', 'tables']);
		return manifest;
	} catch (error) {
		await client.query('rollback').catch(() => {});
		throw error;
	} finally {
		client.release();
		await rm(work, { recursive: true, force: true });
	}
}

async function readManifest(work: string): Promise<BackupManifest> {
	let raw: unknown;
	try {
		raw = JSON.parse(await readFile(path.join(work, 'manifest.json'), 'utf8'));
	} catch {
		throw new BackupError('the file is not a Leitbild backup (no readable manifest.json)');
	}
	const parsed = manifestSchema.safeParse(raw);
	if (!parsed.success) throw new BackupError(`the backup's manifest is not valid: ${parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; ')}`);
	return parsed.data;
}

/**
 * Restores a backup into a database that holds no rows yet (a fresh install with DEMO=off), or, with
 * `replace`, after dropping everything in it (the command line saves the old data first). All rows go
 * in within one transaction, so a failed restore leaves no partial data behind.
 */
export async function restoreDatabase(
	connection: DatabaseConnection,
	{ file, projectRoot, replace = false, progress = () => {} }: { file: string; projectRoot: string; replace?: boolean; progress?: Progress }
): Promise<BackupManifest> {
	const work = await mkdtemp(path.join(tmpdir(), 'leitbild-restore-'));
	try {
		try {
			await tar.x({ file, cwd: work, strict: true, filter: (entry) => entry === 'manifest.json' || entry.startsWith('tables/') });
		} catch (error) {
			throw new BackupError(`the file cannot be read as a backup: ${(error as Error).message}`);
		}
		const manifest = await readManifest(work);
		const known = await migrationsOfThisVersion(projectRoot);
		if (manifest.migrations > known) {
			throw new BackupError(`the backup was made by a newer version of Leitbild (${manifest.migrations} migrations, this version has ${known}); update first`);
		}
		if (replace) {
			await connection.pool.query('drop schema if exists public cascade; drop schema if exists drizzle cascade; create schema public');
		}
		await migrateDatabase(connection.db, projectRoot);
		const client = await connection.pool.connect();
		try {
			await client.query('begin');
			const present = new Map((await listTables(client)).map((table) => [table.name, new Set(table.columns)]));
			for (const name of present.keys()) {
				const { rows } = await client.query(`select 1 from public.${ident(name)} limit 1`);
				if (rows.length > 0) throw new BackupError(`the database is not empty (table ${name} has rows); restore into an empty install or pass --replace`);
			}
			await withoutForeignKeys(client, async () => {
				for (const table of manifest.tables) {
					const columns = present.get(table.name);
					const missing = columns ? table.columns.filter((column) => !columns.has(column)) : table.columns;
					if (missing.length > 0) throw new BackupError(`this version has no ${columns ? `column ${missing.join(', ')} in ` : ''}table ${table.name}`);
					const list = table.columns.map(ident).join(', ');
					await pipeline(createReadStream(path.join(work, table.file)), client.query(copyFrom(`copy public.${ident(table.name)} (${list}) from stdin with (format csv)`)));
					progress(table.name, table.rows);
				}
			});
			// Numbered columns continue after the restored rows, not from 1.
			const { rows: sequences } = await client.query<{ table_name: string; column_name: string }>(`
				select table_name, column_name from information_schema.columns
				where table_schema = 'public' and (column_default like 'nextval(%' or is_identity = 'YES')`);
			for (const { table_name: table, column_name: column } of sequences) {
				await client.query(
					`select setval(pg_get_serial_sequence($1, $2), coalesce((select max(${ident(column)}) from public.${ident(table)}), 0) + 1, false)`,
					[`public.${ident(table)}`, column]
				);
			}
			await client.query('commit');
		} catch (error) {
			await client.query('rollback').catch(() => {});
			throw error;
		} finally {
			client.release();
		}
		return manifest;
	} finally {
		await rm(work, { recursive: true, force: true });
	}
}
