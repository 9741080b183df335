import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import * as tar from 'tar';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ideaComments, ideas } from '../participation/idea.schema';
import { BackupError, backupDatabase, restoreDatabase } from './backup';
import type { Database } from './client';
import { createTestDatabase, type TestDatabase } from './test-db';

const projectRoot = process.cwd();
const data = {
	municipalities: [
		{
			slug: 'a-stadt',
			name: 'A-Stadt',
			districts: ['Nord', 'Süd'],
			strategies: [{ slug: 'vielfalt', title: 'Vielfalt', editions: [{ number: 1, periodStart: 2025, periodEnd: 2030, stage: 'participating' as const, fields: [{ title: 'Sprache' }] }] }]
		}
	],
	accounts: [{ email: 'ada@example.org', name: 'Ada Beispiel', password: 'passwort-ada', roles: [{ municipality: 'a-stadt', role: 'participant' as const }] }]
};

let source: TestDatabase;
let work: string;

beforeAll(async () => {
	work = await mkdtemp(path.join(tmpdir(), 'backup-test-'));
	source = await createTestDatabase(data);
	const municipalityId = source.ids.municipalityIds.get('a-stadt')!;
	const [{ editionId, fieldId }] = (
		await source.db.execute<{ editionId: string; fieldId: string }>(sql`select edition_id as "editionId", id as "fieldId" from fields limit 1`)
	).rows;
	// Text that CSV must carry intact: quotes, separators, line breaks, right-to-left script, emoji, a backslash.
	const awkward = 'Sagt "Hallo", dann;\nneue Zeile\r\nمرحبا بكم 👋 \\N ende';
	const [idea] = await source.db
		.insert(ideas)
		.values({ municipalityId, editionId, fieldId, title: 'Begegnungsorte', body: awkward, authorUserId: source.ids.accountIds.get('ada@example.org')! })
		.returning();
	const [comment] = await source.db.insert(ideaComments).values({ municipalityId, ideaId: idea.id, body: 'Erster Kommentar' }).returning();
	// A reply refers to a row of its own table: the restore must not trip over the order.
	await source.db.insert(ideaComments).values({ municipalityId, ideaId: idea.id, parentId: comment.id, body: 'Antwort mit leerem Feld: ' });
});

afterAll(async () => {
	await source.drop();
	await rm(work, { recursive: true, force: true });
});

/** Row count and a checksum over every row's text form, per table: equal fingerprints mean equal contents. */
async function fingerprint(db: Database) {
	const tables = await db.execute<{ name: string }>(
		sql`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind = 'r' order by 1`
	);
	const result: Record<string, string> = {};
	for (const { name } of tables.rows) {
		const [row] = (
			await db.execute<{ rows: number; sum: string }>(
				sql.raw(`select count(*)::int as rows, md5(coalesce(string_agg(t::text, E'\\n' order by t::text), '')) as sum from public."${name}" t`)
			)
		).rows;
		result[name] = `${row.rows}:${row.sum}`;
	}
	return result;
}

const connectionOf = (test: TestDatabase) => ({ db: test.db, pool: (test.db as unknown as { $client: import('pg').Pool }).$client, close: async () => {} });

it('a backup restored into an empty install has every row of every table, byte for byte', async () => {
	const file = path.join(work, 'round-trip.tar.gz');
	const manifest = await backupDatabase(connectionOf(source), file);
	expect(manifest.tables.find((table) => table.name === 'idea_comments')?.rows).toBe(2);

	const target = await createTestDatabase();
	try {
		await restoreDatabase(connectionOf(target), { file, projectRoot });
		const [before, after] = await Promise.all([fingerprint(source.db), fingerprint(target.db)]);
		expect(Object.keys(after)).toEqual(Object.keys(before));
		expect(after).toEqual(before);
		expect(Number(before.ideas.split(':')[0])).toBe(1);
	} finally {
		await target.drop();
	}
});

it('refuses to restore over existing data and leaves it untouched; --replace swaps it', async () => {
	const file = path.join(work, 'over.tar.gz');
	await backupDatabase(connectionOf(source), file);
	const occupied = await createTestDatabase({ municipalities: [{ slug: 'b-dorf', name: 'B-Dorf' }] });
	try {
		const before = await fingerprint(occupied.db);
		await expect(restoreDatabase(connectionOf(occupied), { file, projectRoot })).rejects.toThrow(/not empty/);
		expect(await fingerprint(occupied.db)).toEqual(before);
		await restoreDatabase(connectionOf(occupied), { file, projectRoot, replace: true });
		expect(await fingerprint(occupied.db)).toEqual(await fingerprint(source.db));
	} finally {
		await occupied.drop();
	}
});

it('refuses a file that is not a backup, and a backup made by a newer version', async () => {
	const target = await createTestDatabase();
	try {
		const junk = path.join(work, 'junk.tar.gz');
		await writeFile(junk, 'no backup at all');
		await expect(restoreDatabase(connectionOf(target), { file: junk, projectRoot })).rejects.toBeInstanceOf(BackupError);

		const file = path.join(work, 'newer.tar.gz');
		await backupDatabase(connectionOf(source), file);
		const unpacked = await mkdtemp(path.join(work, 'unpacked-'));
		await tar.x({ file, cwd: unpacked });
		const manifest = JSON.parse(await readFile(path.join(unpacked, 'manifest.json'), 'utf8'));
		await writeFile(path.join(unpacked, 'manifest.json'), JSON.stringify({ ...manifest, migrations: manifest.migrations + 1 }));
		const newer = path.join(work, 'newer-edited.tar.gz');
		await tar.c({ gzip: true, file: newer, cwd: unpacked }, ['manifest.json', 'tables']);
		await expect(restoreDatabase(connectionOf(target), { file: newer, projectRoot })).rejects.toThrow(/newer version/);
		expect((await fingerprint(target.db)).ideas.startsWith('0:')).toBe(true);
	} finally {
		await target.drop();
	}
});
