// The two mails of strategy updates: the request to confirm an address, and a notice of news with its
// one-click way out.
import * as m from '$lib/paraglide/messages';
import { localizeHref, type Locale } from '$lib/paraglide/runtime';
import type { Mail } from '../mail/mail.service';
import { composeParagraphMail } from '../mail/paragraph-mail';
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

export type NoticeMailContent = {
	municipalityName: string;
	municipalitySlug: string;
	strategyTitle: string;
	strategySlug: string;
	editionNumber: number;
	periodStart: number;
	periodEnd: number;
} & ({ kind: 'stage'; stage: EditionStage } | { kind: 'version'; versionNumber: number });

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
	const common = { strategy: content.strategyTitle, municipality: content.municipalityName, edition, start: content.periodStart, end: content.periodEnd };
	const unsubscribe = subscriptionLink(origin, token, locale);
	const body =
		content.kind === 'stage'
			? {
					subject: m.updates_mail_stage_subject({ ...common, stage: message(`document_stage_${content.stage}`)({}, { locale }) }, { locale }),
					paragraphs: [
						m.updates_mail_stage_intro({ ...common, stage: message(`document_stage_${content.stage}`)({}, { locale }) }, { locale }),
						message(`updates_mail_stage_${content.stage}`)({}, { locale })
					],
					link: origin + localizeHref(editionPath, { locale })
				}
			: {
					subject: m.updates_mail_version_subject({ ...common, version: content.versionNumber }, { locale }),
					paragraphs: [m.updates_mail_version_intro({ ...common, version: content.versionNumber }, { locale })],
					link: `${origin}${localizeHref(`${editionPath}/document`, { locale })}?version=${content.versionNumber}`
				};
	return composeParagraphMail({
		to,
		subject: body.subject,
		paragraphs: [...body.paragraphs, { link: body.link }, m.updates_mail_footer({ strategy: content.strategyTitle }, { locale }), { link: unsubscribe }],
		headers: { 'List-Unsubscribe': `<${unsubscribe}>` }
	});
}
