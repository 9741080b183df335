// The two mails of strategy updates: the request to confirm an address, and a notice of news with its
// one-click way out.
import * as m from '$lib/paraglide/messages';
import { localizeHref, type Locale } from '$lib/paraglide/runtime';
import type { Mail } from '../mail/mail.service';
import { composeParagraphMail } from '../mail/paragraph-mail';
import { intlLocale } from '$lib/i18n-locales';
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

export type NoticeEvent = { id: string; title: string; startsAt: Date; place: string; address: string; onlineUrl: string };

export type NoticeMailContent = {
	municipalityName: string;
	municipalitySlug: string;
	timeZone: string;
	strategyTitle: string;
	strategySlug: string;
	editionNumber: number;
	periodStart: number;
	periodEnd: number;
} & ({ kind: 'stage'; stage: EditionStage } | { kind: 'version'; versionNumber: number } | { kind: 'event'; event: NoticeEvent });

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
	const edition = m.edition_name({ number: content.editionNumber }, { locale });
	const editionPath = `/${content.municipalitySlug}/strategies/${content.strategySlug}/editions/${content.editionNumber}`;
	const common: Common = { strategy: content.strategyTitle, municipality: content.municipalityName, edition, start: content.periodStart, end: content.periodEnd };
	const unsubscribe = subscriptionLink(origin, token, locale);
	const body = noticeBody(content, { locale, common, origin, editionPath });
	return composeParagraphMail({
		to,
		subject: body.subject,
		paragraphs: [...body.paragraphs, { link: body.link }, m.updates_mail_footer({ strategy: content.strategyTitle }, { locale }), { link: unsubscribe }],
		headers: { 'List-Unsubscribe': `<${unsubscribe}>` }
	});
}

type Common = { strategy: string; municipality: string; edition: string; start: number; end: number };
type BodyContext = { locale: Locale; common: Common; origin: string; editionPath: string };

function noticeBody(content: NoticeMailContent, { locale, common, origin, editionPath }: BodyContext): { subject: string; paragraphs: string[]; link: string } {
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
	const when = new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'full', timeStyle: 'short', timeZone: content.timeZone }).format(event.startsAt);
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
