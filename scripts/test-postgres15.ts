import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findFreePort } from '../src/lib/server/db/embedded';
import { POSTGRES_15_BIN } from './test-provision';

/**
 * A throwaway PostgreSQL 15 cluster (Debian's, the oldest version we support) on a loopback port.
 * initdb refuses to run as root, so as root the cluster belongs to the postgres user.
 */
export async function startPostgres15(): Promise<{ url: string; stop: () => void }> {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'leitbild-pg15-'));
	const port = await findFreePort();
	const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
	const run = (binary: string, args: string[]) => {
		const command = [path.join(POSTGRES_15_BIN, binary), ...args];
		const result = isRoot
			? // Run from the cluster's directory: the checkout may be one the postgres user cannot enter.
				spawnSync('su', ['postgres', '-s', '/bin/sh', '-c', command.map((part) => `'${part}'`).join(' ')], { encoding: 'utf8', cwd: dir })
			: spawnSync(command[0], command.slice(1), { encoding: 'utf8' });
		if (result.status !== 0) throw new Error(`${binary} failed: ${result.stderr || result.stdout}`);
	};
	if (isRoot) {
		chmodSync(dir, 0o755);
		const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
		const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
		chownSync(dir, uid, gid);
	}
	const dataDir = path.join(dir, 'cluster');
	run('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
	run('pg_ctl', [
		'-D',
		dataDir,
		'-l',
		path.join(dir, 'log'),
		'-o',
		`-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
		'-w',
		'start'
	]);
	return {
		url: `postgres://postgres@127.0.0.1:${port}/postgres`,
		stop: () => {
			try {
				run('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
			} finally {
				rmSync(dir, { recursive: true, force: true });
			}
		}
	};
}

/**
 * The server's test files that open a test database: the run on PostgreSQL 15 is for them. The others
 * (pure functions, HTTP helpers, the embedded server's own checks) gain nothing from a second run.
 */
export function testFilesUsingTheDatabase(root: string): string[] {
	const serverDir = path.join(root, 'src/lib/server');
	return (readdirSync(serverDir, { recursive: true }) as string[])
		.filter((file) => file.endsWith('.test.ts'))
		.map((file) => path.join('src/lib/server', file))
		.filter((file) => /from '[^']*\/test-db'|databaseAdminUrl/.test(readFileSync(path.join(root, file), 'utf8')))
		.sort();
}
