// Platform mails are a few paragraphs of text, some of them a link on its own line; this writes them as
// plain text and as the same HTML, so no mail client shows more or less than the other part.
import type { Mail } from './mail.service';

export type MailParagraph = string | { link: string };

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function composeParagraphMail({
	to,
	subject,
	paragraphs,
	headers
}: {
	to: string;
	subject: string;
	paragraphs: MailParagraph[];
	headers?: Record<string, string>;
}): Mail {
	const textOf = (paragraph: MailParagraph) => (typeof paragraph === 'string' ? paragraph : paragraph.link);
	return {
		to,
		subject,
		text: paragraphs.map(textOf).join('\n\n') + '\n',
		html: paragraphs
			.map((paragraph) =>
				typeof paragraph === 'string'
					? `<p>${escapeHtml(paragraph)}</p>`
					: `<p><a href="${escapeHtml(paragraph.link)}">${escapeHtml(paragraph.link)}</a></p>`
			)
			.join(''),
		...(headers ? { headers } : {})
	};
}
