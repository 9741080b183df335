import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { verifyPassword } from 'better-auth/crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase } from '../src/lib/server/db/client';
import { startEmbeddedPostgres } from '../src/lib/server/db/embedded';
import { createTestDatabase, type TestDatabase } from '../src/lib/server/db/test-db';
import { authCredentials, authUsers, roleAssignments } from '../src/lib/server/people/people.schema';
import type { Database } from '../src/lib/server/db/client';
import { runAdminCommand } from './admin-command';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..');

type Outcome = { code: number; stdout: string; stderr: string };

/** The environment without the developer's own database settings: only what the test names reaches the CLI. */
function cliEnvironment(env: Record<string, string>): NodeJS.ProcessEnv {
	const { DATABASE_URL: _url, DATA_DIR: _dir, ...inherited } = process.env;
	return { ...inherited, ...env };
}

/** Runs the CLI as an operator would, in a process of its own; stdin is a pipe, so it never prompts. */
async function admin(args: string[], env: Record<string, string>): Promise<Outcome> {
	try {
		const { stdout, stderr } = await run('npx', ['tsx', 'scripts/admin.ts', ...args], {
			cwd: root,
			env: cliEnvironment(env),
			timeout: 60_000
		});
		return { code: 0, stdout, stderr };
	} catch (error) {
		const failed = error as { code?: number; stdout?: string; stderr?: string };
		if (typeof failed.code !== 'number') throw error;
		return { code: failed.code, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
	}
}

/**
 * The same command run in this process, without a terminal. Starting the CLI's process costs 3–5 s of CPU (it
 * loads the whole server domain), so only the stories that depend on the process itself start one: its exit
 * status and stream order, and an embedded server that must outlive it.
 */
async function adminInProcess(args: string[], env: Record<string, string>): Promise<Outcome> {
	const stdout: string[] = [];
	const stderr: string[] = [];
	const code = await runAdminCommand(args, cliEnvironment(env), { out: (text) => stdout.push(text), err: (text) => stderr.push(text) });
	return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
}

async function accountOf(db: Database, email: string) {
	const [user] = await db.select().from(authUsers).where(eq(authUsers.email, email));
	if (!user) return undefined;
	const [credential] = await db.select().from(authCredentials).where(eq(authCredentials.userId, user.id));
	const roles = await db.select().from(roleAssignments).where(eq(roleAssignments.userId, user.id));
	return { user, hash: credential.password!, roles };
}

describe('npm run admin -- create', () => {
	let test: TestDatabase;
	let env: Record<string, string>;

	beforeAll(async () => {
		test = await createTestDatabase({
			municipalities: [{ slug: 'a-stadt', name: 'A-Stadt' }],
			accounts: [{ email: 'vergeben@example.org', name: 'Vergeben', password: 'schon-vergeben-123' }]
		});
		env = { DATABASE_URL: test.url };
	});
	afterAll(() => test.drop());

	it('creates an admin of a municipality whose password better-auth accepts', async () => {
		const result = await adminInProcess(
			['create', '--email', 'Neue.Admin@Example.org', '--municipality', 'a-stadt', '--name', 'Neue Admin', '--password', 'ein-langes-passwort'],
			env
		);
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		expect(result.stdout).not.toContain('ein-langes-passwort');
		const account = await accountOf(test.db, 'neue.admin@example.org');
		expect(account?.user).toMatchObject({ name: 'Neue Admin', isPlatformAdmin: false, emailVerified: true });
		expect(account?.roles.map((role) => [role.municipalityId, role.role])).toEqual([[test.ids.municipalityIds.get('a-stadt'), 'admin']]);
		expect(await verifyPassword({ hash: account!.hash, password: 'ein-langes-passwort' })).toBe(true);
		expect(await verifyPassword({ hash: account!.hash, password: 'ein-anderes-passwort' })).toBe(false);
	});

	it('without a password and without a terminal it generates one and prints it once', async () => {
		// No input given: the command sees no terminal, as with the pipe that stdin is in the process below.
		const result = await adminInProcess(['create', '--email', 'moderation@example.org', '--municipality', 'a-stadt', '--role', 'moderator'], env);
		expect(result.code).toBe(0);
		const printed = [...result.stdout.matchAll(/Password \(shown only now\): (\S+)/g)].map((match) => match[1]);
		expect(printed).toHaveLength(1);
		expect(printed[0].length).toBeGreaterThanOrEqual(12);
		const account = await accountOf(test.db, 'moderation@example.org');
		expect(account?.roles.map((role) => role.role)).toEqual(['moderator']);
		expect(await verifyPassword({ hash: account!.hash, password: printed[0] })).toBe(true);
	});

	it('creates an install-wide administrator with --platform, without a municipality role', async () => {
		const result = await adminInProcess(['create', '--email', 'betrieb@example.org', '--platform', '--password', 'plattform-passwort'], env);
		expect(result.code).toBe(0);
		const account = await accountOf(test.db, 'betrieb@example.org');
		expect(account?.user.isPlatformAdmin).toBe(true);
		expect(account?.roles).toEqual([]);
	});

	it.each([
		[['--email', 'x@example.org', '--municipality', 'gibt-es-nicht', '--password', 'ein-langes-passwort'], /no municipality with the slug "gibt-es-nicht"/, 'x@example.org'],
		[['--email', 'VERGEBEN@example.org', '--municipality', 'a-stadt', '--password', 'ein-langes-passwort'], /already an account for vergeben@example.org/, null],
		[['--email', 'keine-adresse', '--municipality', 'a-stadt', '--password', 'ein-langes-passwort'], /--email is not a valid e-mail address/, 'keine-adresse'],
		[['--email', 'kurz@example.org', '--municipality', 'a-stadt', '--password', 'zu-kurz'], /--password must have at least 12 characters/, 'kurz@example.org'],
		[['--email', 'ohne@example.org', '--password', 'ein-langes-passwort'], /give --municipality SLUG or --platform/, 'ohne@example.org'],
		[['--email', 'rolle@example.org', '--municipality', 'a-stadt', '--role', 'chef', '--password', 'ein-langes-passwort'], /--role must be one of/, 'rolle@example.org']
	])('refuses %j with a clear message, status 1 and no account', async (args, message, email) => {
		const usersBefore = await test.db.select().from(authUsers);
		const result = await adminInProcess(['create', ...args], env);
		expect(result.code).toBe(1);
		expect(result.stderr).toMatch(message);
		if (email) expect(await accountOf(test.db, email)).toBeUndefined();
		expect(await test.db.select().from(authUsers)).toEqual(usersBefore);
	});

	it('exits with status 1 and says why when it refuses', async () => {
		const result = await admin(['create', '--email', 'ohne@example.org', '--password', 'ein-langes-passwort'], env);
		expect(result.code).toBe(1);
		expect(result.stderr).toMatch(/^Error: give --municipality SLUG or --platform\n\nUsage:/);
		expect(result.stdout).toBe('');
	});

	it('prints its usage for --help and exits with status 0', async () => {
		const result = await adminInProcess(['--help'], env);
		expect(result.code).toBe(0);
		expect(result.stdout).toMatch(/^Usage:\n {2}npm run admin -- create --email E --municipality SLUG/);
		expect(result.stderr).toBe('');
	});
});

describe('the CLI beside a running app', () => {
	it('reuses the embedded server of the data directory and leaves it running', async () => {
		const dataDir = await mkdtemp(path.join(os.tmpdir(), 'leitbild-cli-'));
		// Started the way the app starts it: this process owns the server.
		const server = await startEmbeddedPostgres({ dataDir, whenRunning: 'stop' });
		const app = connectDatabase(server.url, { max: 1 });
		try {
			const result = await admin(['create', '--email', 'neben@example.org', '--platform', '--password', 'ein-langes-passwort'], {
				DATA_DIR: dataDir
			});
			expect(result.stderr).toBe('');
			expect(result.code).toBe(0);
			// The app's own connection still works, so the CLI neither stopped nor replaced the server.
			const account = await accountOf(app.db, 'neben@example.org');
			expect(account?.user.isPlatformAdmin).toBe(true);
		} finally {
			await app.close();
			await server.stop();
			await rm(dataDir, { recursive: true, force: true });
		}
	});
});
