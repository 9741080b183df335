import * as m from '$lib/paraglide/messages';
import type { Locale } from '$lib/paraglide/runtime';
import type { Mail } from '../mail/mail.service';

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
