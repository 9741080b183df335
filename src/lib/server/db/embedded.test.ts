import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { letOthersPassThrough, startEmbeddedPostgres, type EmbeddedDatabase } from './embedded';

async function answers(url: string): Promise<boolean> {
	const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
	try {
		await client.connect();
		const result = await client.query('select 1 as one');
		return result.rows[0].one === 1;
	} catch {
		return false;
	} finally {
		await client.end().catch(() => {});
	}
}

describe('a second process on the same data directory', () => {
	let dataDir: string;
	let first: EmbeddedDatabase;

	beforeAll(async () => {
		dataDir = await mkdtemp(path.join(os.tmpdir(), 'leitbild-embedded-'));
		first = await startEmbeddedPostgres({ dataDir, whenRunning: 'stop' });
	});
	afterAll(async () => {
		// The second test has the first server stopped by another start; stopping it again would wait forever.
		if (await answers(first.url)) await first.stop();
		await rm(dataDir, { recursive: true, force: true });
	});

	it('reuses the running server when asked to, and leaves it running when it is done', async () => {
		let whileStarting = 0;
		const second = await startEmbeddedPostgres({ dataDir, whenRunning: 'reuse', whileStarting: () => (whileStarting += 1) });
		expect(second.reused).toBe(true);
		// The server's init reads its request handling then (hooks.server.ts), found running or not.
		expect(whileStarting).toBe(1);
		expect(new URL(second.url).port).toBe(new URL(first.url).port);
		expect(await answers(first.url)).toBe(true);
		expect(await answers(second.url)).toBe(true);
		await second.stop();
		expect(await answers(first.url)).toBe(true);
	});

	it('stops the running server and starts its own when told to, as the app does with an orphan', async () => {
		let whileStarting = 0;
		const third = await startEmbeddedPostgres({ dataDir, whenRunning: 'stop', whileStarting: () => (whileStarting += 1) });
		try {
			expect(third.reused).toBe(false);
			expect(whileStarting).toBe(1);
			expect(new URL(third.url).port).not.toBe(new URL(first.url).port);
			expect(await answers(first.url)).toBe(false);
			expect(await answers(third.url)).toBe(true);
		} finally {
			await third.stop();
		}
	});
});

describe('a checkout in a private directory', () => {
	it('lets others pass through the directories above a target without letting them read those', async () => {
		const top = await mkdtemp(path.join(os.tmpdir(), 'leitbild-private-'));
		try {
			const target = path.join(top, 'checkout', 'node_modules');
			await mkdir(target, { recursive: true, mode: 0o700 });
			const opened = await letOthersPassThrough([target]);
			for (const directory of [top, path.join(top, 'checkout'), target]) {
				expect(opened).toContain(directory);
				expect((await stat(directory)).mode & 0o777).toBe(0o701);
			}
			// Directories others could already pass through are left as they were.
			expect(opened).not.toContain(os.tmpdir());
			expect(await letOthersPassThrough([target])).toEqual([]);
		} finally {
			await rm(top, { recursive: true, force: true });
		}
	});
});
