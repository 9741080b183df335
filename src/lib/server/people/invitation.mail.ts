// The invitation mail, in the language the invitation was sent in, as plain text and HTML.
import * as m from '$lib/paraglide/messages';
import type { Mail } from '../mail/mail.service';

import { isLocale, type Locale } from '$lib/paraglide/runtime';
type Catalogue = Record<string, ((params: Record<string, unknown>, options: { locale: Locale }) => string) | undefined>;
const catalogue = m as unknown as Catalogue;

function say(key: string, locale: Locale, params: Record<string, unknown> = {}): string {
	const message = catalogue[key];
	if (!message) throw new Error(`Missing message ${key}`);
	return message(params, { locale });
}

const escapeHtml = (value: string) =>
	value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export const invitationLocale = (value: string): Locale => (isLocale(value) ? value : 'de');

export function invitationLink(origin: string, token: string, locale: Locale): string {
	return `${origin}${locale === 'de' ? '' : `/${locale}`}/invitations/${token}`;
}

export type InvitationMailFacts = {
	to: string;
	organisationName: string;
	strategyTitle: string;
	editionNumber: number;
	periodStart: number;
	periodEnd: number;
	municipalityName: string;
};

export function composeInvitationMail(facts: InvitationMailFacts, origin: string, token: string, localeValue: string): Mail {
	const locale = invitationLocale(localeValue);
	const params = {
		organisation: facts.organisationName,
		strategy: facts.strategyTitle,
		number: facts.editionNumber,
		period: `${facts.periodStart}–${facts.periodEnd}`,
		municipality: facts.municipalityName
	};
	const link = invitationLink(origin, token, locale);
	const paragraphs = [
		say('invitations_mail_greeting', locale, params),
		say('invitations_mail_body', locale, params),
		say('invitations_mail_action', locale, params)
	];
	const closing = say('invitations_mail_closing', locale, params);
	return {
		to: facts.to,
		subject: say('invitations_mail_subject', locale, params),
		text: [...paragraphs.flatMap((paragraph) => [paragraph, '']), link, '', closing].join('\n'),
		html: [
			...paragraphs.slice(0, 2).map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`),
			`<p><a href="${escapeHtml(link)}">${escapeHtml(paragraphs[2])}</a></p>`,
			`<p>${escapeHtml(closing)}</p>`
		].join('\n')
	};
}
