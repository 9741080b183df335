// Events own the calendar of a municipality's participation: events, registrations with a waiting list,
// attendance and minutes. Seats are guarded twice: a row lock here and a trigger in the database.
import { isLocale } from '$lib/paraglide/runtime';
import { createHash, randomBytes } from 'node:crypto';
import type { Database, Executor } from '../db/client';
import { announcePublicChange } from '../http/public-change';
import type { Mailer } from '../mail/mail.service';
import type { Actor } from '../people/actor';
import { notFound } from '../shared/errors';
import type { GuestRegistrationInput } from '$lib/validation/events';
import {
	eventAlreadyRegistered,
	eventNotFound,
	eventRegistrationClosed,
	eventRegistrationLinkExpired,
	eventRegistrationLinkInvalid
} from './event.errors';
import { composeRegistrationMail, type MailContext, type RegistrationMail } from './event.mail';
import { renderMarkdown } from './event.markdown';
import {
	countConfirmedSeats,
	insertRegistration,
	lockEvent,
	selectActiveRegistrationByEmail,
	selectActiveRegistrationOfUser,
	selectEvent,
	selectEventPage,
	selectFieldsOfEvents,
	selectFirstWaiting,
	selectMunicipalityFacts,
	selectRegistrationByTokenHash,
	selectWaitingPosition,
	setRegistrationStatus,
	type Event,
	type EventRegistration
} from './event.queries';

export type { Event, EventRegistration } from './event.queries';

export const EVENTS_PAGE_SIZE = 20;
const CONFIRMATION_HOURS = 48;

export type MailSetup = { mailer: Mailer; origin: string };
type Pending = { kind: RegistrationMail; event: Event; registration: EventRegistration; token: string | null };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Ids come from URLs; anything that is not a UUID names no event rather than failing in the database. */
export const isEventId = (value: string) => UUID.test(value);

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const newToken = () => randomBytes(32).toString('base64url');

/**
 * Registration closes at the deadline, or when the event begins if it has none. Events of other
 * organisers take no registrations here: their organiser keeps the list.
 */
export function registrationIsOpen(event: Event, now: Date): boolean {
	if (event.status !== 'planned' || event.publication !== 'published' || event.organiser) return false;
	return now < (event.registrationDeadline ?? event.startsAt);
}

async function mailContext(db: Executor, municipalityId: string, setup: MailSetup): Promise<MailContext> {
	const facts = await selectMunicipalityFacts(db, municipalityId);
	return { ...setup, municipalitySlug: facts.slug, municipalityName: facts.name, timeZone: facts.timeZone };
}

async function sendAll(db: Database, municipalityId: string, setup: MailSetup, mails: Pending[]) {
	if (mails.length === 0) return;
	const context = await mailContext(db, municipalityId, setup);
	for (const mail of mails) {
		if (!mail.registration.email) continue;
		await setup.mailer.send(composeRegistrationMail(mail.kind, context, mail.event, mail.registration, mail.token));
	}
}

async function hasFreeSeat(tx: Executor, event: Event): Promise<boolean> {
	return event.capacity === null || (await countConfirmedSeats(tx, event.id)) < event.capacity;
}

export async function listEvents({
	db,
	municipalityId,
	now,
	past = false,
	page = 1
}: {
	db: Database;
	municipalityId: string;
	now: Date;
	past?: boolean;
	page?: number;
}) {
	const offset = (Math.max(1, page) - 1) * EVENTS_PAGE_SIZE;
	const rows = await selectEventPage(db, municipalityId, { from: now, past, limit: EVENTS_PAGE_SIZE + 1, offset });
	const shown = rows.slice(0, EVENTS_PAGE_SIZE);
	const fieldRows = await selectFieldsOfEvents(
		db,
		municipalityId,
		shown.map((row) => row.event.id)
	);
	return {
		events: shown.map((row) => ({
			...row.event,
			seatsTaken: row.seatsTaken,
			fields: fieldRows.filter((f) => f.eventId === row.event.id).map((f) => f.title)
		})),
		hasNext: rows.length > EVENTS_PAGE_SIZE
	};
}

/** An event as the public sees it: minutes only once published, and the viewer's own registration. */
export async function getPublicEvent({
	db,
	municipalityId,
	eventId,
	actor,
	now
}: {
	db: Database;
	municipalityId: string;
	eventId: string;
	actor: Actor | null;
	now: Date;
}) {
	const row = isEventId(eventId) ? await selectEvent(db, municipalityId, eventId) : undefined;
	// A submitted event of another organiser stays unseen until staff publish it.
	if (!row || row.event.publication !== 'published') throw eventNotFound();
	const [fieldRows, own] = await Promise.all([
		selectFieldsOfEvents(db, municipalityId, [eventId]),
		actor ? selectActiveRegistrationOfUser(db, municipalityId, eventId, actor.userId) : undefined
	]);
	const { event } = row;
	return {
		event: {
			...event,
			minutes: undefined,
			descriptionHtml: renderMarkdown(event.description),
			minutesHtml: event.minutesPublishedAt ? renderMarkdown(event.minutes) : null
		},
		fields: fieldRows.map((f) => f.title),
		workingGroupName: row.workingGroupName,
		seatsTaken: row.seatsTaken,
		isFull: event.capacity !== null && row.seatsTaken >= event.capacity,
		registrationOpen: registrationIsOpen(event, now),
		ownRegistration: own ? { status: own.status, waitingPosition: own.status === 'waiting' ? await selectWaitingPosition(db, own) : null } : null
	};
}

/**
 * A signed-in person gets a seat or a place on the waiting list at once; a guest first confirms the
 * address through the mailed link. Either way the token in the mail lets them cancel later.
 */
export async function registerForEvent({
	db,
	municipalityId,
	eventId,
	actor,
	guest,
	locale,
	now,
	mail
}: {
	db: Database;
	municipalityId: string;
	eventId: string;
	actor: Actor | null;
	guest?: GuestRegistrationInput;
	locale: string;
	now: Date;
	mail: MailSetup;
}) {
	const person = actor ? { name: actor.name, email: actor.email, userId: actor.userId } : guest ? { ...guest, userId: null } : null;
	if (!person) throw eventRegistrationLinkInvalid();
	if (!isEventId(eventId)) throw eventNotFound();
	const token = newToken();
	const outcome = await db.transaction(async (tx) => {
		const event = await lockEvent(tx, municipalityId, eventId);
		if (!event) throw eventNotFound();
		if (!registrationIsOpen(event, now)) throw eventRegistrationClosed();
		const existing =
			(await selectActiveRegistrationByEmail(tx, eventId, person.email)) ??
			(person.userId ? await selectActiveRegistrationOfUser(tx, municipalityId, eventId, person.userId) : undefined);
		if (existing) throw eventAlreadyRegistered();
		const status = !actor ? 'pending' : (await hasFreeSeat(tx, event)) ? 'confirmed' : 'waiting';
		const registration = await insertRegistration(tx, {
			municipalityId,
			eventId,
			userId: person.userId,
			name: person.name,
			email: person.email,
			status,
			locale: isLocale(locale) ? locale : 'de',
			tokenHash: hashToken(token),
			tokenExpiresAt: status === 'pending' ? new Date(now.getTime() + CONFIRMATION_HOURS * 3600_000) : null
		});
		await announcePublicChange(tx, municipalityId);
		return { event, registration };
	});
	const kind: RegistrationMail = outcome.registration.status === 'pending' ? 'confirm' : (outcome.registration.status as 'confirmed' | 'waiting');
	await sendAll(db, municipalityId, mail, [{ kind, event: outcome.event, registration: outcome.registration, token }]);
	return { registration: outcome.registration, token };
}

/** The registration behind a mailed link, with its event; an unknown token is simply "not found". */
export async function getRegistrationByToken({ db, token }: { db: Database; token: string }) {
	const registration = await selectRegistrationByTokenHash(db, hashToken(token));
	if (!registration) throw eventRegistrationLinkInvalid();
	const row = await selectEvent(db, registration.municipalityId, registration.eventId);
	if (!row) throw notFound();
	const waitingPosition = registration.status === 'waiting' ? await selectWaitingPosition(db, registration) : null;
	return { registration, event: row.event, waitingPosition };
}

export async function confirmRegistration({ db, token, now, mail }: { db: Database; token: string; now: Date; mail: MailSetup }) {
	const found = await selectRegistrationByTokenHash(db, hashToken(token));
	if (!found) throw eventRegistrationLinkInvalid();
	if (found.status !== 'pending') return found;
	if (found.tokenExpiresAt && found.tokenExpiresAt < now) throw eventRegistrationLinkExpired();
	const outcome = await db.transaction(async (tx) => {
		const event = await lockEvent(tx, found.municipalityId, found.eventId);
		if (!event || event.status !== 'planned' || event.startsAt <= now) throw eventRegistrationClosed();
		const status = (await hasFreeSeat(tx, event)) ? 'confirmed' : 'waiting';
		const registration = await setRegistrationStatus(tx, found.id, { status, tokenExpiresAt: null });
		await announcePublicChange(tx, found.municipalityId);
		return { event, registration };
	});
	await sendAll(db, found.municipalityId, mail, [
		{ kind: outcome.registration.status as 'confirmed' | 'waiting', event: outcome.event, registration: outcome.registration, token }
	]);
	return outcome.registration;
}

/** Frees the seat and, in the same transaction, gives it to the first person on the waiting list. */
async function cancel(db: Database, registration: EventRegistration, mail: MailSetup) {
	const promoted = await db.transaction(async (tx) => {
		const event = await lockEvent(tx, registration.municipalityId, registration.eventId);
		if (!event) throw eventNotFound();
		await setRegistrationStatus(tx, registration.id, { status: 'cancelled', tokenExpiresAt: null });
		// Seat counts and the registration pages behind mailed links are served from the public page cache.
		await announcePublicChange(tx, registration.municipalityId);
		if (registration.status !== 'confirmed') return [];
		return promoteWaiting(tx, event);
	});
	await sendAll(db, registration.municipalityId, mail, promoted);
}

/** Moves people up from the waiting list while seats are free; returns the mails to send after commit. */
export async function promoteWaiting(tx: Executor, event: Event): Promise<Pending[]> {
	const mails: Pending[] = [];
	while (await hasFreeSeat(tx, event)) {
		const next = await selectFirstWaiting(tx, event.id);
		if (!next) break;
		const registration = await setRegistrationStatus(tx, next.id, { status: 'confirmed' });
		mails.push({ kind: 'moved_up', event, registration, token: null });
	}
	return mails;
}

export async function cancelRegistrationByToken({ db, token, mail }: { db: Database; token: string; mail: MailSetup }) {
	const registration = await selectRegistrationByTokenHash(db, hashToken(token));
	if (!registration) throw eventRegistrationLinkInvalid();
	if (registration.status !== 'cancelled') await cancel(db, registration, mail);
}

export async function cancelOwnRegistration({
	db,
	actor,
	municipalityId,
	eventId,
	mail
}: {
	db: Database;
	actor: Actor | null;
	municipalityId: string;
	eventId: string;
	mail: MailSetup;
}) {
	if (!actor) throw eventRegistrationLinkInvalid();
	const registration = await selectActiveRegistrationOfUser(db, municipalityId, eventId, actor.userId);
	if (!registration) throw eventRegistrationLinkInvalid();
	await cancel(db, registration, mail);
}
