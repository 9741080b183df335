import type { Actor } from '$lib/server/people/actor';

declare global {
	namespace App {
		interface Error {
			message: string;
			code: string;
		}
		interface Locals {
			locale: import('$lib/paraglide/runtime').Locale;
			actor: Actor | null;
			requestId: string;
			/** Origins this page may frame (consented embeds); added to the CSP's frame-src. */
			frameOrigins?: string[];
			/** Set by handleError when the request failed waiting for a database connection: answered 503. */
			databaseBusy?: boolean;
			/** When this page, if stored in the public page cache, stops being true without a write (ms since the epoch). */
			cachedPageExpiresAt?: number;
		}
	}
}

export {};
