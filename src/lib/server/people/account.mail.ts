import { getRuntime } from '../runtime';
import type { Locale } from './account.service';

/** Links in mails point at the configured public origin; without one, at the address the request came to. */
export function mailContext(url: URL, locale: Locale) {
	const { mailer, config } = getRuntime();
	return { mailer, origin: config.origin ?? url.origin, locale };
}
