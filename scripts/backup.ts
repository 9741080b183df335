// `npm run backup -- [FILE]` and `npm run restore -- FILE [--replace]`: every table of the install as
// one .tar.gz, for the embedded PostgreSQL (which has no pg_dump) and an external one alike.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readConfig } from '../src/lib/server/config';
import { BackupError, backupDatabase, restoreDatabase } from '../src/lib/server/db/backup';
import { bootDatabase, type BootedDatabase } from '../src/lib/server/db/boot';

const usage = `Usage:
  npm run backup -- [FILE]              write every table to FILE (default: DATA_DIR/backups/leitbild-<time>.tar.gz)
  npm run restore -- FILE [--replace]   restore FILE into an empty install; --replace drops the current data
                                        first, after saving it to DATA_DIR/backups/before-restore-<time>.tar.gz

Connects to DATABASE_URL, or to the embedded PostgreSQL in DATA_DIR (default ./data). A backup may run
beside the app; stop the app before a restore.`;

const stamp = () => new Date().toISOString().replace(/[:.]/g, '-');
const report = (verb: string) => (table: string, rows: number) => console.log(`  ${verb} ${table}: ${rows} rows`);

async function main(): Promise<number> {
	const { values, positionals } = parseArgs({ allowPositionals: true, strict: true, options: { replace: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
	const [command, file, ...rest] = positionals;
	if (values.help || (command !== 'backup' && command !== 'restore') || rest.length > 0 || (command === 'restore' && !file)) {
		console.log(usage);
		return values.help ? 0 : 1;
	}
	const config = readConfig();
	const backupsDir = path.join(config.dataDir, 'backups');
	let database: BootedDatabase | undefined;
	try {
		database = await bootDatabase(config, { seedDemo: false, poolSize: 2, whenRunning: 'reuse' });
		if (command === 'backup') {
			mkdirSync(backupsDir, { recursive: true });
			const target = path.resolve(file ?? path.join(backupsDir, `leitbild-${stamp()}.tar.gz`));
			const manifest = await backupDatabase(database, target, report('saved'));
			console.log(`Backup of ${manifest.tables.length} tables written to ${target}`);
			return 0;
		}
		if (values.replace) {
			mkdirSync(backupsDir, { recursive: true });
			const safety = path.join(backupsDir, `before-restore-${stamp()}.tar.gz`);
			await backupDatabase(database, safety);
			console.log(`The current data is saved in ${safety}`);
		}
		const manifest = await restoreDatabase(database, { file: path.resolve(file!), projectRoot: config.projectRoot, replace: values.replace, progress: report('restored') });
		console.log(`Restored ${manifest.tables.length} tables from the backup of ${manifest.createdAt}`);
		return 0;
	} catch (error) {
		if (error instanceof BackupError) {
			console.error(`Error: ${error.message}`);
			return 1;
		}
		throw error;
	} finally {
		await database?.shutdown();
	}
}

process.exitCode = await main();
