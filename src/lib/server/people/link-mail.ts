// The account mails (address confirmation, password reset, password changed) are a greeting, a few
// paragraphs and at most one link.
import type { Locale } from '$lib/paraglide/runtime';
import type { Mail, Mailer } from '../mail/mail.service';
import { composeParagraphMail } from '../mail/paragraph-mail';

/** Where a mail goes out from and in which language: the page's language at the time of the request. */
export type MailContext = { mailer: Mailer; origin: string; locale: Locale };

export function composeLinkMail({
	to,
	subject,
	before,
	link,
	after
}: {
	to: string;
	subject: string;
	before: string[];
	link?: string;
	after: string[];
}): Mail {
	return composeParagraphMail({ to, subject, paragraphs: [...before, ...(link ? [{ link }] : []), ...after] });
}
