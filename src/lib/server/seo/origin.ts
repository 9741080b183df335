import { getRuntime } from '../runtime';

/** Absolute addresses in feeds, sitemaps and Open Graph use ORIGIN when set: behind a proxy the request's own origin may be internal. */
export function originOf(url: URL): string {
	return (getRuntime().config.origin ?? url.origin).replace(/\/$/, '');
}
