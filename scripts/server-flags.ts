// V8 limits for the production server (`node <flags> scripts/serve.js`), the same in `npm start`, the
// Dockerfile, the end-to-end tests, the bench and the soak test (server-flags.test.ts keeps them equal).
// Under load V8 lets the old generation grow far beyond what is alive before it collects: at 50
// connections on the uncached edition page the heap stood at ~150 MB of which ~50 MB was alive, and the
// process at ~285 MB RSS. A cap on the old generation makes it collect sooner (live data is ~50 MB idle,
// cached page bodies live outside it), and smaller semi-spaces trim the young generation from 32 to 16 MB.
export const serverNodeFlags = ['--max-old-space-size=160', '--max-semi-space-size=8'] as const;

// glibc gives each thread that allocates an arena of its own (up to eight per core) and keeps what was freed
// in it: V8's compiler and collector threads left ~100 MB outside the heap under load. Two arenas held the
// uncached edition page's peak RSS at 237–260 MB against 342–371 MB, at the same request rate (npm run bench).
export const serverEnvironment = { MALLOC_ARENA_MAX: '2' } as const;
