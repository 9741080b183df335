import { chmodSync, existsSync, mkdirSync, readdirSync, rmSync, statfsSync } from 'node:fs';
import path from 'node:path';

// Every throwaway PostgreSQL cluster of npm test (Vitest's two, the end-to-end servers', the lifecycle checks')
// lives in the temporary directory, and so do the browsers' profiles. On this machine's ext4 disk, creating a
// database from the migrated template took 450–500 ms of CPU, most of it creating and removing its ~1,500 files;
// on a tmpfs it took 33 ms. npm test therefore points TMPDIR at a directory on /dev/shm when that is a tmpfs with
// room to spare, and its runners inherit it.

const TMPFS_MAGIC = 0x01021994;
const MEMORY_DIRECTORY_ROOT = '/dev/shm';
const PREFIX = 'leitbild-npm-test-';
// What a whole run keeps there at its peak is a few hundred megabytes; Docker's default /dev/shm of 64 MB is too small.
const REQUIRED_BYTES = 2 * 1024 ** 3;

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/** Whether /dev/shm is a tmpfs with room for a whole run. */
export function memoryVolumeHasRoom(): boolean {
	if (process.platform !== 'linux' || !existsSync(MEMORY_DIRECTORY_ROOT)) return false;
	const volume = statfsSync(MEMORY_DIRECTORY_ROOT);
	return volume.type === TMPFS_MAGIC && volume.bavail * volume.bsize >= REQUIRED_BYTES;
}

/** A directory on a tmpfs for this run, or undefined where there is none with room (then the usual one is used). */
export function memoryTmpdir(): string | undefined {
	if (!memoryVolumeHasRoom()) return undefined;
	// A run that was interrupted (Ctrl-C) leaves its directory in memory; the next run removes it.
	for (const entry of readdirSync(MEMORY_DIRECTORY_ROOT)) {
		const pid = entry.startsWith(PREFIX) ? Number(entry.slice(PREFIX.length)) : NaN;
		if (!Number.isInteger(pid) || isAlive(pid)) continue;
		try {
			rmSync(path.join(MEMORY_DIRECTORY_ROOT, entry), { recursive: true, force: true });
		} catch {
			// Another user's: theirs to remove.
		}
	}
	const directory = path.join(MEMORY_DIRECTORY_ROOT, `${PREFIX}${process.pid}`);
	// Traversable by others as /tmp is: as root, the PostgreSQL servers run as the postgres user inside it.
	// Each runner's own directories in it are created private (mkdtemp).
	mkdirSync(directory);
	chmodSync(directory, 0o755);
	process.once('exit', () => rmSync(directory, { recursive: true, force: true }));
	return directory;
}
