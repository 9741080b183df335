import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase } from '../db/client';
import { createTestDatabase, type TestDatabase } from '../db/test-db';
import type { Mail, Mailer } from '../mail/mail.service';
import { insertEvent } from './event.queries';
import { eventRegistrations } from './event.schema';
import {
	cancelRegistrationByToken,
	confirmRegistration,
	getPublicEvent,
	getRegistrationByToken,
	listEvents,
	registerForEvent
} from './event.service';
import { codeOf } from '../shared/error-code.testing';

let test: TestDatabase;
const sent: Mail[] = [];
const mailer: Mailer = { send: async (mail) => void sent.push(mail) };
const mail = { mailer, origin: 'https://leitbild.example.org' };
const now = new Date('2026-03-01T10:00:00Z');

beforeAll(async () => {
	test = await createTestDatabase({
		municipalities: [
			{ slug: 'a-stadt', name: 'A-Stadt' },
			{ slug: 'b-dorf', name: 'B-Dorf' }
		]
	});
});
afterAll(() => test.drop());

const municipalityId = (slug: string) => test.ids.municipalityIds.get(slug)!;

async function anEvent(slug: string, capacity: number | null, title = 'Werkstatt Sprache') {
	return insertEvent(test.db, {
		municipalityId: municipalityId(slug),
		type: 'workshop',
		title,
		startsAt: new Date('2026-04-10T16:00:00Z'),
		endsAt: new Date('2026-04-10T19:00:00Z'),
		place: 'Stadthaus',
		capacity
	});
}

async function registerGuest(db: typeof test.db, slug: string, eventId: string, n: number) {
	return registerForEvent({
		db,
		municipalityId: municipalityId(slug),
		eventId,
		actor: null,
		guest: { name: `Gast ${n}`, email: `gast${n}@example.org` },
		locale: 'de',
		now,
		mail
	});
}

async function registerConfirmed(slug: string, eventId: string, n: number) {
	const { token } = await registerGuest(test.db, slug, eventId, n);
	return { token, registration: await confirmRegistration({ db: test.db, token, now, mail }) };
}

describe('registering for an event', () => {
	it('a guest holds no seat until the mailed link is followed', async () => {
		const event = await anEvent('a-stadt', 5);
		sent.length = 0;
		const { registration, token } = await registerGuest(test.db, 'a-stadt', event.id, 1);
		expect(registration.status).toBe('pending');
		expect(registration.tokenHash).not.toContain(token);
		expect(sent).toHaveLength(1);
		expect(sent[0].to).toBe('gast1@example.org');
		expect(sent[0].text).toContain(`/a-stadt/events/${event.id}/registration/${token}`);
		expect(sent[0].text).toContain('Freitag, 10. April 2026, 18:00–21:00 Uhr');
		expect(sent[0].attachments).toBeUndefined();

		const confirmed = await confirmRegistration({ db: test.db, token, now, mail });
		expect(confirmed.status).toBe('confirmed');
		expect(sent[1].attachments?.[0].content).toContain('BEGIN:VEVENT');
		expect(sent[1].attachments?.[0].content).toContain(`UID:${event.id}@leitbild.example.org`);
		expect(sent[1].attachments?.[0].content).toContain('DTSTART;TZID=Europe/Berlin:20260410T180000');
	});

	it('the same address cannot register twice for one event', async () => {
		const event = await anEvent('a-stadt', 5);
		await registerGuest(test.db, 'a-stadt', event.id, 2);
		expect(await codeOf(registerGuest(test.db, 'a-stadt', event.id, 2))).toBe('events_already_registered');
	});

	it('a confirmation link expires after two days', async () => {
		const event = await anEvent('a-stadt', 5);
		const { token } = await registerGuest(test.db, 'a-stadt', event.id, 3);
		const later = new Date(now.getTime() + 49 * 3600_000);
		expect(await codeOf(confirmRegistration({ db: test.db, token, now: later, mail }))).toBe('events_link_expired');
	});

	it('registration closes at the deadline', async () => {
		const event = await anEvent('a-stadt', 5);
		const late = new Date('2026-04-10T16:30:00Z');
		expect(
			await codeOf(
				registerForEvent({ db: test.db, municipalityId: municipalityId('a-stadt'), eventId: event.id, actor: null, guest: { name: 'Spät', email: 'spaet@example.org' }, locale: 'de', now: late, mail })
			)
		).toBe('events_registration_closed');
	});

	it('an unknown link finds nothing', async () => {
		expect(await codeOf(getRegistrationByToken({ db: test.db, token: 'erfunden' }))).toBe('events_link_invalid');
	});
});

describe('capacity and the waiting list', () => {
	it('a full event puts the next registration on the waiting list', async () => {
		const event = await anEvent('a-stadt', 1);
		await registerConfirmed('a-stadt', event.id, 10);
		const second = await registerConfirmed('a-stadt', event.id, 11);
		expect(second.registration.status).toBe('waiting');
		const view = await getRegistrationByToken({ db: test.db, token: second.token });
		expect(view.waitingPosition).toBe(1);
	});

	it('when someone cancels, the first on the waiting list moves up and is told by mail', async () => {
		const event = await anEvent('a-stadt', 1);
		const first = await registerConfirmed('a-stadt', event.id, 20);
		const second = await registerConfirmed('a-stadt', event.id, 21);
		const third = await registerConfirmed('a-stadt', event.id, 22);
		expect([second.registration.status, third.registration.status]).toEqual(['waiting', 'waiting']);
		sent.length = 0;

		await cancelRegistrationByToken({ db: test.db, token: first.token, mail });

		const statuses = await test.db
			.select({ email: eventRegistrations.email, status: eventRegistrations.status })
			.from(eventRegistrations)
			.where(eq(eventRegistrations.eventId, event.id));
		expect(Object.fromEntries(statuses.map((s) => [s.email, s.status]))).toEqual({
			'gast20@example.org': 'cancelled',
			'gast21@example.org': 'confirmed',
			'gast22@example.org': 'waiting'
		});
		expect(sent).toHaveLength(1);
		expect(sent[0].to).toBe('gast21@example.org');
		expect(sent[0].subject).toMatch(/Platz|Nachrücken|nachgerückt/i);
		expect(sent[0].attachments?.[0].content).toContain('BEGIN:VCALENDAR');
	});

	it('cancelling a place on the waiting list moves nobody up', async () => {
		const event = await anEvent('a-stadt', 1);
		await registerConfirmed('a-stadt', event.id, 30);
		const waiting = await registerConfirmed('a-stadt', event.id, 31);
		const last = await registerConfirmed('a-stadt', event.id, 32);
		await cancelRegistrationByToken({ db: test.db, token: waiting.token, mail });
		expect((await getRegistrationByToken({ db: test.db, token: last.token })).registration.status).toBe('waiting');
	});

	it('50 concurrent registrations for 10 seats give exactly 10 seats and 40 places on the waiting list', async () => {
		const event = await anEvent('a-stadt', 10);
		const crowd = connectDatabase(test.url, { max: 50 });
		try {
			await Promise.all(
				Array.from({ length: 50 }, async (_, i) => {
					const { token } = await registerGuest(crowd.db, 'a-stadt', event.id, 1000 + i);
					await confirmRegistration({ db: crowd.db, token, now, mail });
				})
			);
		} finally {
			await crowd.close();
		}
		const counts = await test.db
			.select({ status: eventRegistrations.status, n: sql<number>`count(*)::int` })
			.from(eventRegistrations)
			.where(eq(eventRegistrations.eventId, event.id))
			.groupBy(eventRegistrations.status);
		expect(Object.fromEntries(counts.map((c) => [c.status, c.n]))).toEqual({ confirmed: 10, waiting: 40 });
	});

	it('the database itself refuses a confirmed registration beyond capacity', async () => {
		const event = await anEvent('a-stadt', 1);
		await registerConfirmed('a-stadt', event.id, 40);
		await expect(
			test.db.insert(eventRegistrations).values({
				municipalityId: municipalityId('a-stadt'),
				eventId: event.id,
				name: 'Vorbei am Code',
				email: 'direkt@example.org',
				status: 'confirmed'
			})
		).rejects.toMatchObject({ cause: { code: '23514' } });
	});

	it('a walk-in recorded at the door holds no seat and is not refused', async () => {
		const event = await anEvent('a-stadt', 1);
		await registerConfirmed('a-stadt', event.id, 50);
		await test.db.insert(eventRegistrations).values({
			municipalityId: municipalityId('a-stadt'),
			eventId: event.id,
			name: 'Spontan da',
			status: 'confirmed',
			walkIn: true,
			attended: true
		});
	});
});

describe('tenants', () => {
	it('an event of one municipality is not found under another', async () => {
		const event = await anEvent('b-dorf', null, 'Nur in B-Dorf');
		expect(await codeOf(getPublicEvent({ db: test.db, municipalityId: municipalityId('a-stadt'), eventId: event.id, actor: null, now }))).toBe(
			'events_not_found'
		);
		expect(await codeOf(registerGuest(test.db, 'a-stadt', event.id, 60))).toBe('events_not_found');
		const list = await listEvents({ db: test.db, municipalityId: municipalityId('a-stadt'), now });
		expect(list.events.map((e) => e.title)).not.toContain('Nur in B-Dorf');
	});
});
