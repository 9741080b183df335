import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../audit/audit.schema';
import { createTestDatabase, type TestDatabase } from '../db/test-db';
import type { Mail, Mailer } from '../mail/mail.service';
import type { Actor } from '../people/actor';
import { selectRolesOfUser, selectUserByEmail } from '../people/people.queries';
import { eventSchema, type EventInput } from '$lib/validation/events';
import { addWalkIn, createEvent, getEventForStaff, publishMinutes, recordAttendance, updateEvent } from './event.admin';
import { selectDistrictChoices } from './calendar.queries';
import { eventRegistrations, events } from './event.schema';
import { confirmRegistration, getPublicEvent, registerForEvent } from './event.service';
import { codeOf } from '../shared/error-code.testing';

let test: TestDatabase;
const sent: Mail[] = [];
const mailer: Mailer = { send: async (mail) => void sent.push(mail) };
const mail = { mailer, origin: 'https://leitbild.example.org' };
const now = new Date('2026-03-01T10:00:00Z');

beforeAll(async () => {
	test = await createTestDatabase({
		municipalities: [
			{ slug: 'a-stadt', name: 'A-Stadt', strategies: [{ slug: 'leitbild', title: 'Leitbild', editions: [{ number: 1, periodStart: 2025, periodEnd: 2030, stage: 'participating', fields: [{ title: 'Arbeit' }] }] }], districts: ['Mitte'] },
			{ slug: 'b-dorf', name: 'B-Dorf', districts: ['Dorfkern'] }
		],
		accounts: [
			{ email: 'moderation-a@example.org', name: 'Moderation A', password: 'passwort-moderation', roles: [{ municipality: 'a-stadt', role: 'facilitator' }] },
			{ email: 'teilnahme@example.org', name: 'Teilnahme', password: 'passwort-teilnahme', roles: [{ municipality: 'a-stadt', role: 'participant' }] },
			{ email: 'moderation-b@example.org', name: 'Moderation B', password: 'passwort-moderation', roles: [{ municipality: 'b-dorf', role: 'facilitator' }] }
		]
	});
});
afterAll(() => test.drop());

const municipalityId = (slug: string) => test.ids.municipalityIds.get(slug)!;

async function actorOf(email: string): Promise<Actor> {
	const user = (await selectUserByEmail(test.db, email))!;
	return { userId: user.id, name: user.name, email: user.email, isPlatformAdmin: user.isPlatformAdmin, memberships: await selectRolesOfUser(test.db, user.id) };
}

const input = (overrides: Record<string, unknown> = {}): EventInput =>
	eventSchema.parse({ type: 'workshop', title: 'Werkstatt Arbeit', startsAt: '2026-04-10T18:00', endsAt: '2026-04-10T21:00', capacity: '1', ...overrides });

const eventsOf = (slug: string) => test.db.select().from(events).where(eq(events.municipalityId, municipalityId(slug)));

describe('facilitators plan events', () => {
	it('a facilitator creates an event whose times are read in the municipality time zone, and it is audited', async () => {
		const facilitator = await actorOf('moderation-a@example.org');
		const event = await createEvent({ db: test.db, actor: facilitator, municipalityId: municipalityId('a-stadt'), input: input() });
		expect(event.startsAt.toISOString()).toBe('2026-04-10T16:00:00.000Z');
		const audit = await test.db.select().from(auditEvents).where(eq(auditEvents.entityId, event.id));
		expect(audit.map((a) => a.action)).toEqual(['create']);
	});

	it('a participant may not create events and nothing is written', async () => {
		const before = (await eventsOf('a-stadt')).length;
		expect(await codeOf(createEvent({ db: test.db, actor: await actorOf('teilnahme@example.org'), municipalityId: municipalityId('a-stadt'), input: input() }))).toBe('error_forbidden');
		expect(await eventsOf('a-stadt')).toHaveLength(before);
	});

	it("a facilitator of one municipality cannot touch another municipality's events", async () => {
		const facilitator = await actorOf('moderation-a@example.org');
		const event = await createEvent({ db: test.db, actor: facilitator, municipalityId: municipalityId('a-stadt'), input: input() });
		const other = await actorOf('moderation-b@example.org');
		expect(await codeOf(getEventForStaff({ db: test.db, actor: other, municipalityId: municipalityId('a-stadt'), eventId: event.id }))).toBe('error_forbidden');
		expect(await codeOf(getEventForStaff({ db: test.db, actor: other, municipalityId: municipalityId('b-dorf'), eventId: event.id }))).toBe('events_not_found');
	});

	it('a field of action outside the chosen edition is refused and nothing is written', async () => {
		const before = (await eventsOf('a-stadt')).length;
		const facilitator = await actorOf('moderation-a@example.org');
		const bad = input({ fieldIds: ['00000000-0000-4000-8000-000000000000'] });
		expect(await codeOf(createEvent({ db: test.db, actor: facilitator, municipalityId: municipalityId('a-stadt'), input: bad }))).toBe('events_field_unknown');
		expect(await eventsOf('a-stadt')).toHaveLength(before);
	});

	it('an event lies in a district of its own municipality; a district of another one is refused and nothing is written', async () => {
		const facilitator = await actorOf('moderation-a@example.org');
		const [mitte] = await selectDistrictChoices(test.db, [municipalityId('a-stadt')]);
		const [dorfkern] = await selectDistrictChoices(test.db, [municipalityId('b-dorf')]);
		const before = (await eventsOf('a-stadt')).length;
		expect(await codeOf(createEvent({ db: test.db, actor: facilitator, municipalityId: municipalityId('a-stadt'), input: input({ districtId: dorfkern.id }) }))).toBe('events_district_unknown');
		expect(await eventsOf('a-stadt')).toHaveLength(before);
		const event = await createEvent({ db: test.db, actor: facilitator, municipalityId: municipalityId('a-stadt'), input: input({ districtId: mitte.id }) });
		expect(event.districtId).toBe(mitte.id);
		const staffView = await getEventForStaff({ db: test.db, actor: facilitator, municipalityId: municipalityId('a-stadt'), eventId: event.id });
		expect(staffView.form.districtId).toBe(mitte.id);
	});

	it('bad input is refused at the boundary: an end before the start, a deadline after it, an oversized title, an impossible date', () => {
		const issues = (overrides: Record<string, unknown>) => eventSchema.safeParse({ type: 'workshop', title: 'T', startsAt: '2026-04-10T18:00', endsAt: '2026-04-10T21:00', ...overrides }).error?.issues.map((i) => i.message);
		expect(issues({ endsAt: '2026-04-10T17:00' })).toEqual(['validation_end_before_start']);
		expect(issues({ registrationDeadline: '2026-04-11T10:00' })).toEqual(['validation_deadline_after_start']);
		expect(issues({ title: 'x'.repeat(201) })).toEqual(['validation_too_long']);
		expect(issues({ startsAt: '2026-02-30T18:00' })).toContain('validation_date_time');
		expect(issues({ type: 'party' })).toEqual(['validation_invalid']);
	});

	it('raising the capacity moves people up from the waiting list and tells them', async () => {
		const facilitator = await actorOf('moderation-a@example.org');
		const event = await createEvent({ db: test.db, actor: facilitator, municipalityId: municipalityId('a-stadt'), input: input() });
		for (const n of [1, 2]) {
			const { token } = await registerForEvent({ db: test.db, municipalityId: municipalityId('a-stadt'), eventId: event.id, actor: null, guest: { name: `Gast ${n}`, email: `kap${n}@example.org` }, locale: 'de', now, mail });
			await confirmRegistration({ db: test.db, token, now, mail });
		}
		sent.length = 0;
		await updateEvent({ db: test.db, actor: facilitator, municipalityId: municipalityId('a-stadt'), eventId: event.id, input: input({ capacity: '2' }), mail });
		const statuses = await test.db.select({ status: eventRegistrations.status }).from(eventRegistrations).where(eq(eventRegistrations.eventId, event.id));
		expect(statuses.map((s) => s.status)).toEqual(['confirmed', 'confirmed']);
		expect(sent.map((m) => m.to)).toEqual(['kap2@example.org']);
	});
});

describe('after the event', () => {
	it('attendance, walk-ins and minutes are recorded; the minutes appear publicly only once published', async () => {
		const facilitator = await actorOf('moderation-a@example.org');
		const scope = { db: test.db, actor: facilitator, municipalityId: municipalityId('a-stadt') };
		const event = await createEvent({ ...scope, input: input({ capacity: '' }) });
		const { token } = await registerForEvent({ db: test.db, municipalityId: municipalityId('a-stadt'), eventId: event.id, actor: null, guest: { name: 'Ina', email: 'ina@example.org' }, locale: 'de', now, mail });
		const ina = await confirmRegistration({ db: test.db, token, now, mail });
		await addWalkIn({ ...scope, eventId: event.id, name: 'Walter' });
		await recordAttendance({ ...scope, eventId: event.id, present: [ina.id] });
		const staffView = await getEventForStaff({ ...scope, eventId: event.id });
		expect(Object.fromEntries(staffView.registrations.map((r) => [r.name, r.attended]))).toEqual({ Ina: true, Walter: false });

		expect((await getPublicEvent({ db: test.db, municipalityId: municipalityId('a-stadt'), eventId: event.id, actor: null, now })).event.minutesHtml).toBeNull();
		await publishMinutes({ ...scope, eventId: event.id, minutes: '## Ergebnis\n\n<iframe src="https://example.org"></iframe>', now });
		const published = await getPublicEvent({ db: test.db, municipalityId: municipalityId('a-stadt'), eventId: event.id, actor: null, now });
		expect(published.event.minutesHtml).toContain('<h2>Ergebnis</h2>');
		expect(published.event.minutesHtml).not.toContain('iframe');
		const audit = await test.db.select().from(auditEvents).where(eq(auditEvents.entityId, event.id));
		expect(audit.map((a) => a.entityType).sort()).toEqual(['event', 'event_attendance', 'event_minutes']);
	});

	it('a participant cannot record attendance', async () => {
		const facilitator = await actorOf('moderation-a@example.org');
		const event = await createEvent({ db: test.db, actor: facilitator, municipalityId: municipalityId('a-stadt'), input: input() });
		expect(await codeOf(addWalkIn({ db: test.db, actor: await actorOf('teilnahme@example.org'), municipalityId: municipalityId('a-stadt'), eventId: event.id, name: 'X' }))).toBe('error_forbidden');
	});
});
