// Staff writes of the events domain: facilitators and admins plan events, record who came and publish
// minutes. Each checks the actor's role in the municipality and records the change in the same transaction.
import { recordChange } from '../audit/audit.service';
import type { Database } from '../db/client';
import { requireRole, type Actor } from '../people/actor';
import { getMunicipalityBySlug } from '../tenancy/tenancy.service';
import { announceEditionEvent } from '../updates/updates.service';
import type { EventInput } from '$lib/validation/events';
import { eventDistrictUnknown, eventFieldUnknown, eventNotFound, workingGroupNotFound } from './event.errors';
import { selectDistrictChoices, selectDistrictOf } from './calendar.queries';
import {
	insertEvent,
	insertRegistration,
	lockEvent,
	replaceEventFields,
	selectEditionChoices,
	selectEditionFields,
	selectEvent,
	selectEventsForStaff,
	selectFieldsOfEvents,
	selectMunicipalityFacts,
	selectRegistrationsOfEvent,
	selectWorkingGroup,
	selectWorkingGroups,
	updateAttendance,
	updateEvent as updateEventRow
} from './event.queries';
import { isEventId, promoteWaiting, type MailSetup } from './event.service';
import { renderMarkdown } from './event.markdown';
import { utcToWallClock, wallClockToUtc } from './event.time';
import type { Executor } from '../db/client';
import { composeRegistrationMail } from './event.mail';

/** Who runs events in the back office. */
export const STAFF = ['admin', 'facilitator'] as const;
const PAGE_SIZE = 50;

type Scope = { db: Database; actor: Actor | null; municipalityId: string };

export async function getMunicipalityForStaff({ db, actor, slug }: { db: Database; actor: Actor | null; slug: string }) {
	const municipality = await getMunicipalityBySlug({ db, slug });
	requireRole(actor, municipality.id, STAFF);
	return municipality;
}

export async function listEventsForStaff({ db, actor, municipalityId, page = 1 }: Scope & { page?: number }) {
	requireRole(actor, municipalityId, STAFF);
	const rows = await selectEventsForStaff(db, municipalityId, { limit: PAGE_SIZE + 1, offset: (Math.max(1, page) - 1) * PAGE_SIZE });
	return { events: rows.slice(0, PAGE_SIZE).map((row) => ({ ...row.event, confirmed: row.confirmed, waiting: row.waiting })), hasNext: rows.length > PAGE_SIZE };
}

/** What the event form offers: editions, each with its fields, and working groups. */
export async function getEventFormChoices({ db, actor, municipalityId }: Scope) {
	requireRole(actor, municipalityId, STAFF);
	const [editions, groups, districts] = await Promise.all([
		selectEditionChoices(db, municipalityId),
		selectWorkingGroups(db, municipalityId),
		selectDistrictChoices(db, [municipalityId])
	]);
	const fields = await Promise.all(editions.map((edition) => selectEditionFields(db, municipalityId, edition.id)));
	return {
		editions: editions.map((edition, index) => ({ ...edition, fields: fields[index] })),
		workingGroups: groups.map((row) => ({ id: row.group.id, name: row.group.name, editionNumber: row.editionNumber })),
		districts
	};
}

export async function getEventForStaff({ db, actor, municipalityId, eventId }: Scope & { eventId: string }) {
	requireRole(actor, municipalityId, STAFF);
	const row = isEventId(eventId) ? await selectEvent(db, municipalityId, eventId) : undefined;
	if (!row) throw eventNotFound();
	const [facts, fieldRows, registrations] = await Promise.all([
		selectMunicipalityFacts(db, municipalityId),
		selectFieldsOfEvents(db, municipalityId, [eventId]),
		selectRegistrationsOfEvent(db, municipalityId, eventId)
	]);
	const { event } = row;
	return {
		event,
		form: {
			type: event.type,
			title: event.title,
			description: event.description,
			startsAt: utcToWallClock(event.startsAt, facts.timeZone),
			endsAt: utcToWallClock(event.endsAt, facts.timeZone),
			place: event.place,
			address: event.address,
			latitude: event.latitude === null ? '' : String(event.latitude),
			longitude: event.longitude === null ? '' : String(event.longitude),
			onlineUrl: event.onlineUrl,
			capacity: event.capacity === null ? '' : String(event.capacity),
			registrationDeadline: event.registrationDeadline ? utcToWallClock(event.registrationDeadline, facts.timeZone) : '',
			editionId: event.editionId ?? '',
			workingGroupId: event.workingGroupId ?? '',
			districtId: event.districtId ?? '',
			fieldIds: fieldRows.map((f) => f.fieldId),
			status: event.status
		},
		minutesHtml: renderMarkdown(event.minutes),
		registrations: registrations.map((r) => ({ id: r.id, name: r.name, status: r.status, walkIn: r.walkIn, attended: r.attended })),
		languages: registrationLanguages(registrations)
	};
}

/**
 * How many registered in each language, most first: where interpreting or translated material will help.
 * Walk-ins are entered by staff, so their language says nothing.
 */
function registrationLanguages(registrations: { locale: string; walkIn: boolean }[]): { locale: string; count: number }[] {
	const counts = new Map<string, number>();
	for (const registration of registrations) if (!registration.walkIn) counts.set(registration.locale, (counts.get(registration.locale) ?? 0) + 1);
	return [...counts].map(([locale, count]) => ({ locale, count })).sort((a, b) => b.count - a.count || a.locale.localeCompare(b.locale));
}

async function checkReferences(tx: Executor, municipalityId: string, input: EventInput) {
	if (input.fieldIds.length > 0) {
		const allowed = input.editionId ? new Set((await selectEditionFields(tx, municipalityId, input.editionId)).map((f) => f.id)) : new Set<string>();
		if (input.fieldIds.some((id) => !allowed.has(id))) throw eventFieldUnknown();
	}
	if (input.workingGroupId && !(await selectWorkingGroup(tx, municipalityId, input.workingGroupId))) throw workingGroupNotFound();
	if (input.districtId && !(await selectDistrictOf(tx, municipalityId, input.districtId))) throw eventDistrictUnknown();
}

async function rowValues(db: Executor, municipalityId: string, input: EventInput) {
	const { timeZone } = await selectMunicipalityFacts(db, municipalityId);
	return {
		type: input.type,
		title: input.title,
		description: input.description,
		startsAt: wallClockToUtc(input.startsAt, timeZone),
		endsAt: wallClockToUtc(input.endsAt, timeZone),
		place: input.place,
		address: input.address,
		latitude: input.latitude,
		longitude: input.longitude,
		onlineUrl: input.onlineUrl,
		capacity: input.capacity,
		registrationDeadline: input.registrationDeadline ? wallClockToUtc(input.registrationDeadline, timeZone) : null,
		editionId: input.editionId,
		workingGroupId: input.workingGroupId,
		districtId: input.districtId,
		status: input.status
	};
}

export async function createEvent({ db, actor, municipalityId, input }: Scope & { input: EventInput }) {
	const staff = requireRole(actor, municipalityId, STAFF);
	return db.transaction(async (tx) => {
		await checkReferences(tx, municipalityId, input);
		const event = await insertEvent(tx, { municipalityId, ...(await rowValues(tx, municipalityId, input)) });
		await replaceEventFields(tx, municipalityId, event.id, input.fieldIds);
		await recordChange(tx, { actor: staff, municipalityId, action: 'create', entityType: 'event', entityId: event.id, after: { ...event, fieldIds: input.fieldIds } });
		// An event of an edition's process is an invitation its followers want to hear of.
		if (event.editionId && event.status === 'planned' && event.publication === 'published')
			await announceEditionEvent(tx, { municipalityId, editionId: event.editionId, eventId: event.id });
		return event;
	});
}

/** A larger capacity moves people up from the waiting list at once; they are told by mail. */
export async function updateEvent({ db, actor, municipalityId, eventId, input, mail }: Scope & { eventId: string; input: EventInput; mail: MailSetup }) {
	const staff = requireRole(actor, municipalityId, STAFF);
	if (!isEventId(eventId)) throw eventNotFound();
	const { moved, event } = await db.transaction(async (tx) => {
		const before = await lockEvent(tx, municipalityId, eventId);
		if (!before) throw eventNotFound();
		await checkReferences(tx, municipalityId, input);
		const after = await updateEventRow(tx, municipalityId, eventId, await rowValues(tx, municipalityId, input));
		await replaceEventFields(tx, municipalityId, eventId, input.fieldIds);
		const moved = after.status === 'planned' ? await promoteWaiting(tx, after) : [];
		await recordChange(tx, { actor: staff, municipalityId, action: 'update', entityType: 'event', entityId: eventId, before, after: { ...after, fieldIds: input.fieldIds } });
		return { moved, event: after };
	});
	if (moved.length > 0) {
		const facts = await selectMunicipalityFacts(db, municipalityId);
		const context = { ...mail, municipalitySlug: facts.slug, municipalityName: facts.name, timeZone: facts.timeZone };
		for (const { registration } of moved) {
			if (registration.email) await mail.mailer.send(composeRegistrationMail('moved_up', context, event, registration, null));
		}
	}
	return event;
}

/** Ticked boxes are present, every other registration of the event absent. */
export async function recordAttendance({ db, actor, municipalityId, eventId, present }: Scope & { eventId: string; present: string[] }) {
	const staff = requireRole(actor, municipalityId, STAFF);
	if (!isEventId(eventId)) throw eventNotFound();
	await db.transaction(async (tx) => {
		if (!(await lockEvent(tx, municipalityId, eventId))) throw eventNotFound();
		const registrations = await selectRegistrationsOfEvent(tx, municipalityId, eventId);
		const ticked = new Set(present);
		for (const registration of registrations) {
			if (registration.status !== 'confirmed' && !ticked.has(registration.id)) continue;
			await updateAttendance(tx, municipalityId, eventId, registration.id, ticked.has(registration.id));
		}
		await recordChange(tx, {
			actor: staff,
			municipalityId,
			action: 'update',
			entityType: 'event_attendance',
			entityId: eventId,
			before: registrations.map((r) => ({ id: r.id, attended: r.attended })),
			after: registrations.map((r) => ({ id: r.id, attended: ticked.has(r.id) }))
		});
	});
}

/** Someone who came without registering: present, holding no seat, known only by name. */
export async function addWalkIn({ db, actor, municipalityId, eventId, name }: Scope & { eventId: string; name: string }) {
	const staff = requireRole(actor, municipalityId, STAFF);
	if (!isEventId(eventId)) throw eventNotFound();
	return db.transaction(async (tx) => {
		if (!(await lockEvent(tx, municipalityId, eventId))) throw eventNotFound();
		const registration = await insertRegistration(tx, { municipalityId, eventId, name, status: 'confirmed', walkIn: true, attended: true });
		await recordChange(tx, { actor: staff, municipalityId, action: 'create', entityType: 'event_walk_in', entityId: registration.id, after: { eventId, name } });
		return registration;
	});
}

export async function publishMinutes({ db, actor, municipalityId, eventId, minutes, now }: Scope & { eventId: string; minutes: string; now: Date }) {
	const staff = requireRole(actor, municipalityId, STAFF);
	if (!isEventId(eventId)) throw eventNotFound();
	await db.transaction(async (tx) => {
		const before = await lockEvent(tx, municipalityId, eventId);
		if (!before) throw eventNotFound();
		const after = await updateEventRow(tx, municipalityId, eventId, { minutes, minutesPublishedAt: minutes.trim() ? now : null });
		await recordChange(tx, {
			actor: staff,
			municipalityId,
			action: 'update',
			entityType: 'event_minutes',
			entityId: eventId,
			before: { minutes: before.minutes, minutesPublishedAt: before.minutesPublishedAt },
			after: { minutes: after.minutes, minutesPublishedAt: after.minutesPublishedAt }
		});
	});
}
