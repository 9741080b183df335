import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { expect, it } from 'vitest';
import { memoryTmpdir, memoryVolumeHasRoom } from './test-tmpdir';

/** A process id that no process has now. */
function deadPid(): number {
	for (let pid = 4_000_000; ; pid--) {
		try {
			process.kill(pid, 0);
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code === 'ESRCH') return pid;
		}
	}
}

it.runIf(memoryVolumeHasRoom())('gives npm test a directory in memory that others can traverse, and removes what an interrupted run left', () => {
	const leftOver = `/dev/shm/leitbild-npm-test-${deadPid()}`;
	mkdirSync(`${leftOver}/postgres`, { recursive: true });
	const directory = memoryTmpdir();
	try {
		expect(directory).toBe(`/dev/shm/leitbild-npm-test-${process.pid}`);
		expect(statSync(directory!).mode & 0o777).toBe(0o755);
		expect(existsSync(leftOver)).toBe(false);
	} finally {
		// Vitest ends its workers without their exit hooks running.
		if (directory) rmSync(directory, { recursive: true, force: true });
	}
});
