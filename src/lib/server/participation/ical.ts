// One iCalendar (RFC 5545) builder for every feed and for the file a confirmation mail attaches, so an
// event keeps one UID everywhere and calendar programs update it instead of adding a copy.
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import * as m from '$lib/paraglide/messages';
import type { Locale } from '$lib/paraglide/runtime';
import type { Event } from './event.queries';
import { utcToWallClock } from './event.time';

export type CalendarItem = { event: Event; municipalitySlug: string; municipalityName: string; timeZone: string };

export const ICAL_CONTENT_TYPE = 'text/calendar; charset=utf-8';

/** The same for an event in every feed and every request: its UUID at this installation's host. */
export const eventUid = (eventId: string, host: string) => `${eventId}@${host}`;

/**
 * Calendar programs take a higher SEQUENCE as a newer version of the event. Seconds between creation
 * and the last change only ever grow, so every saved change raises it without a counter column.
 */
export const eventSequence = (event: Pick<Event, 'createdAt' | 'updatedAt'>) =>
	Math.max(0, Math.floor((event.updatedAt.getTime() - event.createdAt.getTime()) / 1000));

export function eventUrl(origin: string, municipalitySlug: string, eventId: string): string {
	return `${origin}/${municipalitySlug}/events/${eventId}`;
}

// ical-generator writes a string without offset as the wall clock it names, under the event's TZID.
const wallClock = (instant: Date, timeZone: string) => `${utcToWallClock(instant, timeZone)}:00`;

/** `locale`: the language of the words the feed adds to each event (who organises it). */
export function buildCalendar({
	name,
	origin,
	items,
	locale,
	withTown = false
}: {
	name: string;
	origin: string;
	items: CalendarItem[];
	locale: Locale;
	withTown?: boolean;
}): string {
	const host = new URL(origin).host;
	const calendar = ical({
		name,
		prodId: { company: 'Leitbild', product: 'Calendar', language: locale.toUpperCase() },
		// No calendar-wide zone: each event names its municipality's zone, and the generator adds its VTIMEZONE.
		timezone: { name: null, generator: getVtimezoneComponent }
	});
	calendar.method(ICalCalendarMethod.PUBLISH);
	for (const { event, municipalitySlug, municipalityName, timeZone } of items) {
		const url = eventUrl(origin, municipalitySlug, event.id);
		const organiser = event.organiser ? m.calendar_organised_by({ organiser: event.organiser }, { locale }) : '';
		calendar.createEvent({
			id: eventUid(event.id, host),
			sequence: eventSequence(event),
			stamp: event.updatedAt,
			timezone: timeZone,
			start: wallClock(event.startsAt, timeZone),
			end: wallClock(event.endsAt > event.startsAt ? event.endsAt : event.startsAt, timeZone),
			summary: withTown ? `${event.title} (${municipalityName})` : event.title,
			description: [event.description, organiser, url].filter(Boolean).join('\n\n'),
			location: [event.place, event.address, event.onlineUrl].filter(Boolean).join(', ') || null,
			url,
			status: event.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED
		});
	}
	return calendar.toString();
}
