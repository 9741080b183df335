// The message catalogues' compiler settings, shared by the Vite plugin (vite.config.ts) and npm test, which
// compiles them itself once for all its runners (scripts/compile-catalogues.ts).
import type { CompilerOptions } from '@inlang/paraglide-js';

export const catalogueOptions = {
	project: './project.inlang',
	outdir: './src/lib/paraglide',
	strategy: ['url', 'baseLocale']
} satisfies CompilerOptions;

/**
 * What the Vite plugin sets as `isServer` when it compiles inside Vite, so that a bundle can drop the
 * server-only code of the other side. npm test compiles with it too, and writes what the plugin would.
 */
export const viteIsServer = "import.meta.env?.SSR ?? typeof window === 'undefined'";
