// Shared by the public news routes: the place line's date and cache expiry for scheduled articles.
import { getRuntime } from '../runtime';

/** Lists rendered now leave out scheduled articles; the cached page must go when the first of them turns public. */
export function expireCachedPagesAt(nextPublicationAt: Date | null): void {
	getRuntime().publicPages.expireAt(nextPublicationAt);
}
