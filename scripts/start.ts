// `npm start`: build when the production build is missing or older than the sources, then serve it.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(import.meta.dirname, '..');
const buildEntry = path.join(root, 'build', 'index.js');
const sources = ['src', 'messages', 'static', 'drizzle', 'vite.config.ts', 'package.json', 'project.inlang/settings.json'];

function newestModification(entry: string): number {
	const full = path.join(root, entry);
	if (!existsSync(full)) return 0;
	const stats = statSync(full);
	if (!stats.isDirectory()) return stats.mtimeMs;
	let newest = stats.mtimeMs;
	for (const child of readdirSync(full)) {
		if (entry === 'src' && child === 'lib') {
			for (const grandchild of readdirSync(path.join(full, child))) {
				if (grandchild !== 'paraglide') newest = Math.max(newest, newestModification(path.join(entry, child, grandchild)));
			}
			continue;
		}
		newest = Math.max(newest, newestModification(path.join(entry, child)));
	}
	return newest;
}

const builtAt = existsSync(buildEntry) ? statSync(buildEntry).mtimeMs : 0;
const sourcesChangedAt = Math.max(...sources.map(newestModification));
if (builtAt < sourcesChangedAt) {
	console.log(builtAt === 0 ? '[start] building the app (first start)…' : '[start] sources changed since the last build: rebuilding…');
	const build = spawnSync(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], {
		cwd: root,
		stdio: 'inherit'
	});
	if (build.status !== 0) process.exit(build.status ?? 1);
}

process.env.LEITBILD_ROOT ??= root;
process.env.PORT ??= '3000';
console.log(`[start] Leitbild on http://localhost:${process.env.PORT}`);
await import(pathToFileURL(buildEntry).href);
