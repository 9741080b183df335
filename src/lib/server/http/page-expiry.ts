// Cached public pages go when a write changes them; each also goes when the clock makes it untrue. The
// moment belongs to the page being rendered: one town's event starting must not drop every other page.
import { getRequestEvent } from '$app/server';

/** The page being rendered must leave the cache at `when` at the latest (the earliest moment named wins). */
export function expireCachedPageAt(when: Date | null | undefined): void {
	if (!when) return;
	const { locals } = getRequestEvent();
	locals.cachedPageExpiresAt = Math.min(locals.cachedPageExpiresAt ?? Number.POSITIVE_INFINITY, when.getTime());
}
