// Cached public pages go when a write changes them; these go as well when the clock makes them untrue.
import { getRuntime } from '../runtime';

/** Pages rendered now must be dropped from the cache at `when` at the latest (the earliest such moment wins). */
export function expireCachedPagesAt(when: Date | null): void {
	getRuntime().publicPages.expireAt(when);
}
