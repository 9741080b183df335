// The account mails (address confirmation, password reset, password changed) are a greeting, a few
// paragraphs and at most one link; this writes them as plain text and as the same HTML.
import type { Locale } from '$lib/paraglide/runtime';
import type { Mail, Mailer } from '../mail/mail.service';

/** Where a mail goes out from and in which language: the page's language at the time of the request. */
export type MailContext = { mailer: Mailer; origin: string; locale: Locale };

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

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
	const paragraphs = [...before, ...(link ? [link] : []), ...after];
	return {
		to,
		subject,
		text: paragraphs.join('\n\n') + '\n',
		html: paragraphs
			.map((paragraph) => (paragraph === link ? `<p><a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p>` : `<p>${escapeHtml(paragraph)}</p>`))
			.join('')
	};
}
