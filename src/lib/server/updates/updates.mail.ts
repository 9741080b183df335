// The mails of strategy updates: the request to confirm an address, and a notice of news (or the office's
// message) with the link that ends the subscription.
import * as m from '$lib/paraglide/messages';
import { localizeHref, type Locale } from '$lib/paraglide/runtime';
import type { Mail } from '../mail/mail.service';
import { composeParagraphMail } from '../mail/paragraph-mail';
import { formatEventTime } from '$lib/date-format';
import type { EditionStage } from '../document/document.schema';

type Message = (parameters: object, options: { locale: Locale }) => string;
const message = (key: string) => (m as unknown as Record<string, Message>)[key];

export const subscriptionLink = (origin: string, token: string, locale: Locale) => origin + localizeHref(`/updates/${token}`, { locale });

export function composeConfirmationMail({
	to,
	token,
	origin,
	locale,
	strategyTitle,
	municipalityName
}: {
	to: string;
	token: string;
	origin: string;
	locale: Locale;
	strategyTitle: string;
	municipalityName: string;
}): Mail {
	return composeParagraphMail({
		to,
		subject: m.updates_mail_confirm_subject({ strategy: strategyTitle }, { locale }),
		paragraphs: [
			m.updates_mail_confirm_intro({ strategy: strategyTitle, municipality: municipalityName }, { locale }),
			{ link: subscriptionLink(origin, token, locale) },
			m.updates_mail_confirm_ignore({}, { locale })
		]
	});
}

export type NoticeEvent = { id: string; title: string; startsAt: Date; endsAt: Date; place: string; address: string; onlineUrl: string };
export type NoticeEdition = { number: number; periodStart: number; periodEnd: number };

export type NoticeMailContent = {
	municipalityName: string;
	municipalitySlug: string;
	timeZone: string;
	strategyTitle: string;
	strategySlug: string;
} & (
	| { kind: 'stage'; edition: NoticeEdition; stage: EditionStage }
	| { kind: 'version'; edition: NoticeEdition; versionNumber: number }
	| { kind: 'event'; edition: NoticeEdition; event: NoticeEvent }
	| { kind: 'message'; subject: string; body: string }
);

export function composeNoticeMail({
	to,
	token,
	origin,
	locale,
	content
}: {
	to: string;
	token: string;
	origin: string;
	locale: Locale;
	content: NoticeMailContent;
}): Mail {
	const unsubscribe = subscriptionLink(origin, token, locale);
	const body = content.kind === 'message' ? messageBody(content, locale, origin) : editionNewsBody(content, locale, origin);
	return composeParagraphMail({
		to,
		subject: body.subject,
		paragraphs: [...body.paragraphs, { link: body.link }, m.updates_mail_footer({ strategy: content.strategyTitle }, { locale }), { link: unsubscribe }],
		headers: { 'List-Unsubscribe': `<${unsubscribe}>` }
	});
}

type MailBody = { subject: string; paragraphs: string[]; link: string };

/** The office's own words, framed in the reader's language; paragraphs as the office separated them. */
function messageBody(content: Extract<NoticeMailContent, { kind: 'message' }>, locale: Locale, origin: string): MailBody {
	return {
		subject: m.updates_mail_message_subject({ strategy: content.strategyTitle, subject: content.subject }, { locale }),
		paragraphs: [
			m.updates_mail_message_intro({ strategy: content.strategyTitle, municipality: content.municipalityName }, { locale }),
			...content.body.split(/\n\s*\n/).map((paragraph) => paragraph.trim()).filter(Boolean)
		],
		link: origin + localizeHref(`/${content.municipalitySlug}/strategies/${content.strategySlug}`, { locale })
	};
}

function editionNewsBody(content: Exclude<NoticeMailContent, { kind: 'message' }>, locale: Locale, origin: string): MailBody {
	const edition = m.edition_name({ number: content.edition.number }, { locale });
	const editionPath = `/${content.municipalitySlug}/strategies/${content.strategySlug}/editions/${content.edition.number}`;
	const common = {
		strategy: content.strategyTitle,
		municipality: content.municipalityName,
		edition,
		start: content.edition.periodStart,
		end: content.edition.periodEnd
	};
	if (content.kind === 'stage') {
		const stage = message(`document_stage_${content.stage}`)({}, { locale });
		return {
			subject: m.updates_mail_stage_subject({ ...common, stage }, { locale }),
			paragraphs: [m.updates_mail_stage_intro({ ...common, stage }, { locale }), message(`updates_mail_stage_${content.stage}`)({}, { locale })],
			link: origin + localizeHref(editionPath, { locale })
		};
	}
	if (content.kind === 'version') {
		return {
			subject: m.updates_mail_version_subject({ ...common, version: content.versionNumber }, { locale }),
			paragraphs: [m.updates_mail_version_intro({ ...common, version: content.versionNumber }, { locale })],
			link: `${origin}${localizeHref(`${editionPath}/document`, { locale })}?version=${content.versionNumber}`
		};
	}
	const { event } = content;
	const when = formatEventTime(locale, event.startsAt, event.endsAt, content.timeZone);
	const where = [event.place, event.address].filter(Boolean).join(', ') || (event.onlineUrl ? m.updates_mail_event_online({}, { locale }) : '');
	return {
		subject: m.updates_mail_event_subject({ ...common, title: event.title }, { locale }),
		paragraphs: [
			m.updates_mail_event_intro({ ...common, title: event.title }, { locale }),
			where ? m.updates_mail_event_when_where({ when, where }, { locale }) : m.updates_mail_event_when({ when }, { locale })
		],
		link: origin + localizeHref(`/${content.municipalitySlug}/events/${event.id}`, { locale })
	};
}
