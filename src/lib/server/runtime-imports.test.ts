// The server's cold start is mostly Node reading modules. The libraries below are large and needed only by some
// requests (signing in, an uploaded image, a mail), so they are imported on first use: this test walks the
// static imports from the hooks and from the edition page's server files and fails when one of them is reached.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const loadedOnFirstUse = ['better-auth', 'sharp', 'nodemailer'];
const entries = [
	'src/hooks.server.ts',
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
	return [`${base}.ts`, path.join(base, 'index.ts'), base].find((candidate) => candidate.endsWith('.ts') && existsSync(candidate)) ?? null;
}

/** Every package the entries reach through static imports, with the chain of files that reaches it first. */
function packagesReachedFrom(files: string[]): Map<string, string[]> {
	const reached = new Map<string, string[]>();
	const seen = new Set<string>();
	const queue = files.map((file) => ({ file: path.join(root, file), chain: [file] }));
	while (queue.length > 0) {
		const { file, chain } = queue.shift()!;
		if (seen.has(file)) continue;
		seen.add(file);
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
	return reached;
}

it('the server starts and serves an edition page without importing the libraries it loads on first use', () => {
	const reached = packagesReachedFrom(entries);
	// The walk itself works: the database driver is reached, through the runtime.
	expect(reached.has('drizzle-orm')).toBe(true);
	const offending = loadedOnFirstUse.filter((name) => reached.has(name)).map((name) => reached.get(name)!.join(' → '));
	expect(offending).toEqual([]);
});
