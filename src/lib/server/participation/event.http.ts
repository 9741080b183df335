import { getRuntime } from '../runtime';
import type { MailSetup } from './event.service';

/** Links in mails point at the configured public origin, else at the address the request came to. */
export function mailSetupFor(url: URL): MailSetup {
	const { config, mailer } = getRuntime();
	return { mailer, origin: config.origin ?? url.origin };
}
