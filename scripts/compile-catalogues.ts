// `tsx scripts/compile-catalogues.ts <locale-modules dir> <message-modules dir>`, run by npm test: compiles the
// message catalogues in both structures from one load of the inlang project. Vitest reads one module per
// language; the build wants one module per message, which bundles can tree-shake. Loading the project takes
// 6–7 s of CPU on this 2-core machine and each compile about half a second, so the build, which would load it
// once more, is handed its output instead.
import fs from 'node:fs';
import { compileProject, defaultCompilerOptions, writeOutput, type CompilerOptions } from '@inlang/paraglide-js';
import { loadProjectFromDirectory } from '@inlang/sdk';
import { catalogueOptions, viteIsServer } from './catalogues';

const [localeModules, messageModules] = process.argv.slice(2);
if (!localeModules || !messageModules) {
	console.error('usage: tsx scripts/compile-catalogues.ts <locale-modules dir> <message-modules dir>');
	process.exit(2);
}
const outputs: [string, NonNullable<CompilerOptions['outputStructure']>][] = [
	[localeModules, 'locale-modules'],
	[messageModules, 'message-modules']
];

const project = await loadProjectFromDirectory({ path: catalogueOptions.project, fs });
try {
	// Reported as paraglide's own compiler reports them: as warnings.
	for (const problem of await project.errors.get()) console.warn(problem);
	for (const [directory, outputStructure] of outputs) {
		const output = await compileProject({
			compilerOptions: { ...defaultCompilerOptions, strategy: catalogueOptions.strategy, outputStructure, isServer: viteIsServer },
			project,
			projectPath: catalogueOptions.project
		});
		await writeOutput({ directory, output, cleanDirectory: true, fs: fs.promises });
	}
} finally {
	await project.close();
}
console.log(`compiled the message catalogues into ${localeModules} (one module per language) and ${messageModules} (one per message)`);
