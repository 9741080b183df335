import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { startRuntime } from '$lib/server/runtime';
import { onFirstUse } from '$lib/server/shared/first-use';

type RequestHooks = typeof import('$lib/server/http/request-hooks');

// The request hooks reach nearly all of the server's code (every message of six languages among it); Node
// takes most of a second to read it. They are read while PostgreSQL starts, so that the two overlap: begun
// before, the reading held up the steps that start PostgreSQL. This file's own imports stay small for that
// (runtime-imports.test.ts).
let requestHooks: RequestHooks | undefined;

export const init: ServerInit = async () => {
	const load = onFirstUse(() => import('$lib/server/http/request-hooks'));
	await startRuntime({ whileDatabaseStarts: () => void load() });
	requestHooks = await load();
};

// SvelteKit answers no request before init has finished.
export const handle: Handle = (input) => requestHooks!.handle(input);

export const handleError: HandleServerError = (input) => requestHooks!.handleError(input);
