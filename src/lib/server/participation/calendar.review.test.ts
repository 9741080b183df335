import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../audit/audit.schema';
import { createTestDatabase, type TestDatabase } from '../db/test-db';
import type { Actor } from '../people/actor';
import { selectRolesOfUser, selectUserByEmail } from '../people/people.queries';
import { eventSubmissionSchema } from '$lib/validation/calendar';
import { listSubmittedEvents, reviewSubmittedEvent, submitEvent } from './calendar.review';
import { getDayCalendar } from './calendar.service';
import { getPublicEvent } from './event.service';
import { codeOf } from '../shared/error-code.testing';

let test: TestDatabase;

beforeAll(async () => {
	test = await createTestDatabase({
		municipalities: [
			{ slug: 'a-stadt', name: 'A-Stadt' },
			{ slug: 'b-dorf', name: 'B-Dorf' }
		],
		accounts: [
			{ email: 'moderation-a@example.org', name: 'Moderation A', password: 'passwort-moderation', roles: [{ municipality: 'a-stadt', role: 'facilitator' }] },
			{ email: 'teilnahme@example.org', name: 'Teilnahme', password: 'passwort-teilnahme', roles: [{ municipality: 'a-stadt', role: 'participant' }] },
			{ email: 'moderation-b@example.org', name: 'Moderation B', password: 'passwort-moderation', roles: [{ municipality: 'b-dorf', role: 'facilitator' }] }
		]
	});
});
afterAll(() => test.drop());

const idOf = (slug: string) => test.ids.municipalityIds.get(slug)!;
const scopeOf = (slug: string) => ({ municipalityIds: [idOf(slug)], timeZone: 'Europe/Berlin', firstWeekday: null });
const noFilters = { type: null, fieldId: null, districtId: null };

async function actorOf(email: string): Promise<Actor> {
	const user = (await selectUserByEmail(test.db, email))!;
	return { userId: user.id, name: user.name, email: user.email, isPlatformAdmin: user.isPlatformAdmin, memberships: await selectRolesOfUser(test.db, user.id) };
}

const submission = (title: string) =>
	eventSubmissionSchema.parse({
		organiser: 'Kulturverein Brücke e. V.',
		organiserEmail: 'kontakt@bruecke.example.org',
		title,
		description: 'Lieder aus vielen Ländern.',
		startsAt: '2027-02-12T19:00',
		endsAt: '2027-02-12T21:30',
		place: 'Gemeindesaal'
	});

describe('events of other organisers', () => {
	it('a submission with a missing organiser, a bad address, a script in its description or an end before its start is refused field by field', () => {
		const result = eventSubmissionSchema.safeParse({ organiser: ' ', organiserEmail: 'kein-adresse', title: 'X', description: 'Kommt alle! <img src=x onerror=alert(1)>', startsAt: '2027-02-12T19:00', endsAt: '2027-02-12T18:00', place: 'Saal' });
		expect(result.success).toBe(false);
		expect(result.error!.issues.map((issue) => [issue.path.join('.'), issue.message]).sort()).toEqual([
			['description', 'validation_markdown_active'],
			['endsAt', 'validation_end_before_start'],
			['organiser', 'validation_required'],
			['organiserEmail', 'validation_email']
		]);
	});

	it('a submitted event appears in no calendar and has no public page until it is published', async () => {
		const event = await submitEvent({ db: test.db, municipalityId: idOf('a-stadt'), input: submission('Liederabend') });
		expect(event.publication).toBe('submitted');
		expect(event.startsAt.toISOString()).toBe('2027-02-12T18:00:00.000Z');
		const day = await getDayCalendar({ db: test.db, scope: scopeOf('a-stadt'), day: '2027-02-12', filters: noFilters });
		expect(day.events).toEqual([]);
		expect(await codeOf(getPublicEvent({ db: test.db, municipalityId: idOf('a-stadt'), eventId: event.id, actor: null, now: new Date('2027-01-01') }))).toBe('events_not_found');
	});

	it('a participant or a facilitator of another municipality cannot publish, and nothing changes', async () => {
		const event = await submitEvent({ db: test.db, municipalityId: idOf('a-stadt'), input: submission('Tanzabend') });
		const participant = await actorOf('teilnahme@example.org');
		const other = await actorOf('moderation-b@example.org');
		expect(await codeOf(reviewSubmittedEvent({ db: test.db, actor: participant, municipalityId: idOf('a-stadt'), eventId: event.id, decision: 'published' }))).toBe('error_forbidden');
		expect(await codeOf(reviewSubmittedEvent({ db: test.db, actor: other, municipalityId: idOf('a-stadt'), eventId: event.id, decision: 'published' }))).toBe('error_forbidden');
		expect(await codeOf(reviewSubmittedEvent({ db: test.db, actor: other, municipalityId: idOf('b-dorf'), eventId: event.id, decision: 'published' }))).toBe('events_not_found');
		const waiting = await listSubmittedEvents({ db: test.db, actor: await actorOf('moderation-a@example.org'), municipalityId: idOf('a-stadt') });
		expect(waiting.map((e) => e.title)).toContain('Tanzabend');
	});

	it('a facilitator publishes a submission with one audit event; it then appears marked with its organiser and takes no registrations', async () => {
		const event = await submitEvent({ db: test.db, municipalityId: idOf('a-stadt'), input: submission('Erzählabend') });
		const facilitator = await actorOf('moderation-a@example.org');
		await reviewSubmittedEvent({ db: test.db, actor: facilitator, municipalityId: idOf('a-stadt'), eventId: event.id, decision: 'published' });
		const audit = await test.db.select().from(auditEvents).where(eq(auditEvents.entityId, event.id));
		expect(audit).toHaveLength(1);
		expect(audit[0]).toMatchObject({ action: 'update', entityType: 'event', before: { publication: 'submitted' }, after: { publication: 'published' } });
		const day = await getDayCalendar({ db: test.db, scope: scopeOf('a-stadt'), day: '2027-02-12', filters: noFilters });
		expect(day.events.map((e) => [e.title, e.organiser])).toEqual([['Erzählabend', 'Kulturverein Brücke e. V.']]);
		const page = await getPublicEvent({ db: test.db, municipalityId: idOf('a-stadt'), eventId: event.id, actor: null, now: new Date('2027-01-01') });
		expect(page.registrationOpen).toBe(false);
		// Deciding twice finds nothing left to decide.
		expect(await codeOf(reviewSubmittedEvent({ db: test.db, actor: facilitator, municipalityId: idOf('a-stadt'), eventId: event.id, decision: 'rejected' }))).toBe('events_not_found');
	});

	it('a rejected submission stays out of the calendar and the review list', async () => {
		const event = await submitEvent({ db: test.db, municipalityId: idOf('a-stadt'), input: submission('Abgelehnt') });
		const facilitator = await actorOf('moderation-a@example.org');
		await reviewSubmittedEvent({ db: test.db, actor: facilitator, municipalityId: idOf('a-stadt'), eventId: event.id, decision: 'rejected' });
		const waiting = await listSubmittedEvents({ db: test.db, actor: facilitator, municipalityId: idOf('a-stadt') });
		expect(waiting.map((e) => e.title)).not.toContain('Abgelehnt');
		const day = await getDayCalendar({ db: test.db, scope: scopeOf('a-stadt'), day: '2027-02-12', filters: noFilters });
		expect(day.events.map((e) => e.title)).not.toContain('Abgelehnt');
	});
});
