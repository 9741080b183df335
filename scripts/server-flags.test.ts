import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { projectRoot } from './ensure-build';
import { serverEnvironment, serverNodeFlags } from './server-flags';

it('npm start, the container and the end-to-end tests run the server with the same memory limits the bench and the soak test measure', () => {
	const packageJson = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
	expect(packageJson.scripts.start).toContain(`node ${serverNodeFlags.join(' ')} scripts/serve.js`);
	// The end-to-end servers take both from server-flags.ts itself.
	const storyServers = readFileSync(path.join(projectRoot, 'tests/e2e/servers.ts'), 'utf8');
	expect(storyServers).toContain("[...serverNodeFlags, 'scripts/serve.js']");
	expect(storyServers).toContain('...serverEnvironment,');
	const dockerfile = readFileSync(path.join(projectRoot, 'Dockerfile'), 'utf8');
	expect(dockerfile).toContain(`CMD ${JSON.stringify(['node', ...serverNodeFlags, 'scripts/serve.js'])}`.replace(/","/g, '", "'));
});

it('they run it with the same allocator settings', () => {
	const packageJson = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
	const dockerfile = readFileSync(path.join(projectRoot, 'Dockerfile'), 'utf8');
	for (const [name, value] of Object.entries(serverEnvironment)) {
		expect(packageJson.scripts.start).toContain(`${name}=${value} node ${serverNodeFlags.join(' ')} scripts/serve.js`);
		expect(dockerfile).toMatch(new RegExp(`^ENV [^]*?\\s${name}=${value}\\b`, 'm'));
	}
});

it('the container holds every module of this folder that the server script imports', () => {
	const serveScript = readFileSync(path.join(projectRoot, 'scripts/serve.js'), 'utf8');
	const copied = /^COPY (scripts\/[^\n]*) \.\/scripts\/$/m.exec(readFileSync(path.join(projectRoot, 'Dockerfile'), 'utf8'))?.[1].split(' ') ?? [];
	const imported = [...serveScript.matchAll(/from '\.\/([\w-]+\.js)'/g)].map((match) => `scripts/${match[1]}`);
	expect(imported.length).toBeGreaterThan(0);
	expect(copied).toEqual(expect.arrayContaining(['scripts/serve.js', ...imported]));
});
