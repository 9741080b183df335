// Events of other organisers: anyone may offer one for a municipality's calendar; facilitators and
// admins publish or reject it. Until published it appears in no calendar, feed or event page.
import { recordChange } from '../audit/audit.service';
import type { Database } from '../db/client';
import { requireRole, type Actor } from '../people/actor';
import type { EventSubmissionInput } from '$lib/validation/calendar';
import { eventNotFound } from './event.errors';
import { insertEvent, selectMunicipalityFacts } from './event.queries';
import { isEventId } from './event.service';
import { wallClockToUtc } from './event.time';
import { lockSubmittedEvent, selectEventsByPublication, setEventPublication } from './calendar.queries';

const STAFF = ['admin', 'facilitator'] as const;
const REVIEW_LIST_LIMIT = 100;

/** Stored as submitted; the public sees it only after review. No registration is taken for it here. */
export async function submitEvent({ db, municipalityId, input }: { db: Database; municipalityId: string; input: EventSubmissionInput }) {
	return db.transaction(async (tx) => {
		const { timeZone } = await selectMunicipalityFacts(tx, municipalityId);
		return insertEvent(tx, {
			municipalityId,
			type: 'other',
			publication: 'submitted',
			organiser: input.organiser,
			organiserEmail: input.organiserEmail,
			title: input.title,
			description: input.description,
			startsAt: wallClockToUtc(input.startsAt, timeZone),
			endsAt: wallClockToUtc(input.endsAt, timeZone),
			place: input.place,
			address: input.address
		});
	});
}

export async function listSubmittedEvents({ db, actor, municipalityId }: { db: Database; actor: Actor | null; municipalityId: string }) {
	requireRole(actor, municipalityId, STAFF);
	return selectEventsByPublication(db, municipalityId, 'submitted', REVIEW_LIST_LIMIT);
}

export async function reviewSubmittedEvent({
	db,
	actor,
	municipalityId,
	eventId,
	decision
}: {
	db: Database;
	actor: Actor | null;
	municipalityId: string;
	eventId: string;
	decision: 'published' | 'rejected';
}) {
	const staff = requireRole(actor, municipalityId, STAFF);
	if (!isEventId(eventId)) throw eventNotFound();
	return db.transaction(async (tx) => {
		// Only a submission still waiting can be decided: a second click or a stale page finds nothing.
		const before = await lockSubmittedEvent(tx, municipalityId, eventId);
		if (!before) throw eventNotFound();
		const after = await setEventPublication(tx, municipalityId, eventId, decision);
		await recordChange(tx, { actor: staff, municipalityId, action: 'update', entityType: 'event', entityId: eventId, before, after });
		return after;
	});
}
