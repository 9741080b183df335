import * as m from '$lib/paraglide/messages';
import type { Locale } from '$lib/paraglide/runtime';
import type { Mail } from '../mail/mail.service';
import { composeParagraphMail } from '../mail/paragraph-mail';

const escapeHtml = (value: string) =>
	value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The message an idea's author gets when facilitators decide what becomes of it. */
export function composeStatusMail({
	to,
	name,
	ideaTitle,
	status,
	explanation,
	link,
	locale
}: {
	to: string;
	name: string;
	ideaTitle: string;
	status: string;
	explanation: string;
	link: string;
	locale: Locale;
}): Mail {
	const statusLabel = (m as unknown as Record<string, (p: object, o: { locale: Locale }) => string>)[`ideas_status_${status}`]({}, { locale });
	const subject = m.ideas_mail_status_subject({ title: ideaTitle }, { locale });
	const greeting = m.ideas_mail_greeting({ name }, { locale });
	const intro = m.ideas_mail_status_intro({ title: ideaTitle, status: statusLabel }, { locale });
	const explanationLine = explanation ? m.ideas_mail_status_explanation({ explanation }, { locale }) : '';
	const linkLine = m.ideas_mail_status_link({}, { locale });
	const text = [greeting, '', intro, explanationLine, '', `${linkLine} ${link}`].filter((line) => line !== undefined).join('\n');
	const html = [
		`<p>${escapeHtml(greeting)}</p>`,
		`<p>${escapeHtml(intro)}</p>`,
		explanationLine ? `<p>${escapeHtml(explanationLine)}</p>` : '',
		`<p>${escapeHtml(linkLine)} <a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p>`
	].join('\n');
	return { to, subject, text, html };
}

/**
 * The author hears that someone commented on the idea (or replied to their comment); later ones within the
 * hour wait on the idea's page.
 */
export function composeCommentMail({
	kind,
	to,
	name,
	ideaTitle,
	commenterName,
	comment,
	link,
	accountLink,
	locale
}: {
	kind: 'comment' | 'reply';
	to: string;
	name: string;
	ideaTitle: string;
	commenterName: string;
	comment: string;
	link: string;
	accountLink: string;
	locale: Locale;
}): Mail {
	// A long comment is quoted in part: the idea's page has it whole, with the replies.
	const quoted = comment.length > 600 ? `${comment.slice(0, 600).trimEnd()} …` : comment;
	return composeParagraphMail({
		to,
		subject: kind === 'comment' ? m.ideas_mail_comment_subject({ title: ideaTitle }, { locale }) : m.ideas_mail_reply_subject({ title: ideaTitle }, { locale }),
		paragraphs: [
			m.ideas_mail_greeting({ name }, { locale }),
			kind === 'comment'
				? m.ideas_mail_comment_intro({ name: commenterName, title: ideaTitle }, { locale })
				: m.ideas_mail_reply_intro({ name: commenterName, title: ideaTitle }, { locale }),
			...quoted.split(/\n\s*\n/).map((paragraph) => paragraph.trim()).filter(Boolean),
			m.ideas_mail_comment_link({}, { locale }),
			{ link },
			kind === 'comment' ? m.ideas_mail_comment_footer({}, { locale }) : m.ideas_mail_reply_footer({}, { locale }),
			{ link: accountLink }
		]
	});
}
