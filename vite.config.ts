import adapter from '@sveltejs/adapter-node';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { catalogueOptions } from './scripts/catalogues.ts';
import { icalFoldingEdits } from './scripts/ical-line-folding.ts';
import { pageDataEdits } from './scripts/page-data-on-demand.ts';
import { sourceEdits } from './scripts/source-edits.ts';

// npm test compiles the message catalogues once before its runners start (scripts/test.ts) and tells its Vitest
// runs and its build so: each would compile them again when it starts, 8–10 s of CPU on this 2-core machine,
// most of it the inlang SDK loading every message into SQLite. `npm run build`, `npm start` and Vitest started
// by hand compile as before.
const cataloguesCompiledByTestCommand = process.env.LEITBILD_CATALOGUES_COMPILED === '1';

export default defineConfig({
	plugins: [
		cataloguesCompiledByTestCommand
			? []
			: paraglideVitePlugin(catalogueOptions),
		sourceEdits([...pageDataEdits, ...icalFoldingEdits]),
		sveltekit({
			compilerOptions: {
				runes: ({ filename }) => (filename.split(/[/\\]/).includes('node_modules') ? undefined : true)
			},
			// Scripts, styles and SVG icons are also written as .br and .gz files at build time and sent compressed to
			// browsers that accept it: without a proxy in front that compresses, a phone would load them at full size.
			adapter: adapter({ out: 'build', precompress: true }),
			// Hashes rather than nonces, so that a cached public page stays valid for every visitor.
			csp: {
				mode: 'hash',
				directives: {
					'default-src': ['self'],
					'script-src': ['self'],
					'style-src': ['self', 'unsafe-inline'],
					'img-src': ['self', 'data:'],
					'font-src': ['self'],
					'connect-src': ['self'],
					'form-action': ['self'],
					'frame-ancestors': ['none'],
					'base-uri': ['self'],
					'object-src': ['none']
				}
			},
			csrf: { trustedOrigins: [] },
			// The command-line scripts (start, test, admin, bench) are type-checked like the app.
			typescript: {
				config: (config) => {
					config.include.push('../scripts/**/*.ts', '../playwright.config.ts', '../drizzle.config.ts');
				}
			}
		})
	],
	// The build's timing and dependency-cycle notes concern third-party packages and drown real warnings.
	build: { rolldownOptions: { checks: { bundlerTimings: false, circularDependency: false } } },
	// Bundled rather than loaded from node_modules, so that its source edit (scripts/ical-line-folding.ts) applies.
	ssr: { noExternal: ['ical-generator'] },
	test: {
		include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
		globalSetup: ['src/lib/server/db/test-global-setup.ts'],
		setupFiles: ['src/lib/server/test-setup.ts'],
		// Each file has a database of its own; importing the server's modules once per worker rather than once
		// per file saves a third of the run. What modules keep is reset per file by the setup file.
		isolate: false,
		testTimeout: 30_000,
		hookTimeout: 60_000,
		pool: 'forks'
	}
});
