// The mails a registration sends, in the language the person registered in, as plain text and HTML,
// with the event as an iCalendar attachment once a seat is theirs.
import * as m from '$lib/paraglide/messages';
import { isLocale, type Locale } from '$lib/paraglide/runtime';
import { formatEventTime } from '$lib/date-format';
import type { Mail, Mailer } from '../mail/mail.service';
import type { Event, EventRegistration } from './event.queries';
import { buildCalendar } from './ical';

export type RegistrationMail = 'confirm' | 'confirmed' | 'waiting' | 'moved_up';

type Catalogue = Record<string, ((params: Record<string, unknown>, options: { locale: Locale }) => string) | undefined>;
const catalogue = m as unknown as Catalogue;

export type MailContext = { mailer: Mailer; origin: string; municipalitySlug: string; municipalityName: string; timeZone: string };

const localeOf = (registration: EventRegistration): Locale => (isLocale(registration.locale) ? registration.locale : 'de');

function say(key: string, locale: Locale, params: Record<string, unknown> = {}): string {
	const message = catalogue[key];
	if (!message) throw new Error(`Missing message ${key}`);
	return message(params, { locale });
}

const escapeHtml = (value: string) =>
	value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function registrationLink(context: MailContext, event: Event, token: string, locale: Locale): string {
	const prefix = locale === 'de' ? '' : `/${locale}`;
	return `${context.origin}${prefix}/${context.municipalitySlug}/events/${event.id}/registration/${token}`;
}

export function eventLink(context: MailContext, event: Event, locale: Locale): string {
	const prefix = locale === 'de' ? '' : `/${locale}`;
	return `${context.origin}${prefix}/${context.municipalitySlug}/events/${event.id}`;
}

/** The event as the confirmation's attachment, built like every feed so that its UID matches theirs. */
export function eventCalendar(event: Event, context: MailContext, locale: Locale): string {
	return buildCalendar({
		name: event.title,
		origin: context.origin,
		locale,
		items: [{ event, municipalitySlug: context.municipalitySlug, municipalityName: context.municipalityName, timeZone: context.timeZone }]
	});
}

export function composeRegistrationMail(
	kind: RegistrationMail,
	context: MailContext,
	event: Event,
	registration: EventRegistration,
	token: string | null
): Mail {
	const locale = localeOf(registration);
	// As on the event page (formatEventTime).
	const when = formatEventTime(locale, event.startsAt, event.endsAt, context.timeZone);
	const where = [event.place, event.address, event.onlineUrl].filter(Boolean).join(', ');
	const params = { name: registration.name, title: event.title, when, where, municipality: context.municipalityName };
	const link = token ? registrationLink(context, event, token, locale) : eventLink(context, event, locale);
	const lines = [
		say('events_mail_greeting', locale, params),
		'',
		say(`events_mail_${kind}_body`, locale, params),
		'',
		`${say('events_mail_when', locale)}: ${when}`,
		...(where ? [`${say('events_mail_where', locale)}: ${where}`] : []),
		'',
		say(kind === 'confirm' ? 'events_mail_confirm_action' : 'events_mail_manage_action', locale),
		link
	];
	const html = [
		`<p>${escapeHtml(lines[0])}</p>`,
		`<p>${escapeHtml(say(`events_mail_${kind}_body`, locale, params))}</p>`,
		`<p>${escapeHtml(say('events_mail_when', locale))}: ${escapeHtml(when)}${where ? `<br>${escapeHtml(say('events_mail_where', locale))}: ${escapeHtml(where)}` : ''}</p>`,
		`<p><a href="${escapeHtml(link)}">${escapeHtml(say(kind === 'confirm' ? 'events_mail_confirm_action' : 'events_mail_manage_action', locale))}</a></p>`
	].join('\n');
	const holdsSeat = kind === 'confirmed' || kind === 'moved_up';
	return {
		to: registration.email!,
		subject: say(`events_mail_${kind}_subject`, locale, params),
		text: lines.join('\n'),
		html,
		attachments: holdsSeat
			? [{ filename: `${say('calendar_event_file_stem', locale)}.ics`, contentType: 'text/calendar; charset=utf-8; method=PUBLISH', content: eventCalendar(event, context, locale) }]
			: undefined
	};
}
