import { parse } from 'csv-parse/sync';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../audit/audit.schema';
import { createTestDatabase, type TestDatabase } from '../db/test-db';
import type { Actor } from '../people/actor';
import { selectRolesOfUser, selectUserByEmail } from '../people/people.queries';
import { codeOf } from '../shared/error-code.testing';
import { getEventForStaff } from './event.admin';
import { exportRegistrations } from './event-export.service';
import { eventRegistrations, events } from './event.schema';

let test: TestDatabase;
let eventId: string;

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
	const municipalityId = municipalityOf('a-stadt').id;
	const [event] = await test.db
		.insert(events)
		.values({ municipalityId, type: 'workshop', status: 'planned', title: 'Werkstatt', startsAt: new Date('2026-04-10T16:00:00Z'), endsAt: new Date('2026-04-10T19:00:00Z') })
		.returning();
	eventId = event.id;
	const registration = (name: string, values: Partial<typeof eventRegistrations.$inferInsert>) => ({
		municipalityId,
		eventId,
		name,
		status: 'confirmed' as const,
		createdAt: new Date('2026-03-02T08:15:00Z'),
		...values
	});
	await test.db.insert(eventRegistrations).values([
		registration('Ayşe Yılmaz', { email: 'ayse@example.org', locale: 'tr', attended: true }),
		registration('Omar Haddad', { email: 'omar@example.org', locale: 'ar' }),
		registration('Lina Haddad', { email: 'lina@example.org', locale: 'ar', status: 'waiting' }),
		registration('Bernd Schulz', { email: 'bernd@example.org', locale: 'de', attended: false }),
		registration('=Formel', { email: null, locale: 'de', status: 'pending' }),
		registration('Abgesagt Person', { email: 'weg@example.org', locale: 'uk', status: 'cancelled' }),
		registration('Vor Ort', { walkIn: true, locale: 'de', attended: true })
	]);
});
afterAll(() => test.drop());

const municipalityOf = (slug: string) => ({ id: test.ids.municipalityIds.get(slug)!, timeZone: 'Europe/Berlin' });

async function actorOf(email: string): Promise<Actor> {
	const user = (await selectUserByEmail(test.db, email))!;
	return { userId: user.id, name: user.name, email: user.email, isPlatformAdmin: user.isPlatformAdmin, memberships: await selectRolesOfUser(test.db, user.id) };
}

const download = async (actor: Actor | null, locale: 'de' | 'en' = 'de', slug = 'a-stadt') => {
	const file = await exportRegistrations({ db: test.db, actor, municipality: municipalityOf(slug), eventId, locale });
	return { file, records: parse(file.text, { delimiter: locale === 'de' ? ';' : ',', bom: true }) as string[][] };
};

describe('the staff download of an event’s registrations', () => {
	it('lists everyone holding or waiting for a seat with status, time and language of registration, and attendance', async () => {
		const { file, records } = await download(await actorOf('moderation-a@example.org'));
		expect(file.text.startsWith('\uFEFF')).toBe(true);
		const [header, ...rows] = records;
		expect(header).toEqual(['Nr.', 'Name', 'E-Mail', 'Stand', 'Angemeldet am', 'Sprache der Anmeldung', 'ohne Anmeldung', 'Anwesend']);
		const byName = Object.fromEntries(rows.map((row) => [row[1], row]));
		expect(Object.keys(byName)).not.toContain('Abgesagt Person');
		expect(rows).toHaveLength(6);
		expect(byName['Ayşe Yılmaz']).toEqual([expect.any(String), 'Ayşe Yılmaz', 'ayse@example.org', 'bestätigt', '2026-03-02 09:15', 'Türkçe', 'nein', 'ja']);
		expect(byName['Omar Haddad'].slice(3, 8)).toEqual(['bestätigt', '2026-03-02 09:15', 'العربية', 'nein', '']);
		expect(byName['Lina Haddad'][3]).toBe('Warteliste');
		expect(byName['Bernd Schulz'][7]).toBe('nein');
		expect(byName['Vor Ort'].slice(5, 8)).toEqual(['', 'ja', 'ja']);
		// A name that a spreadsheet would run as a formula stays text.
		expect(rows.map((row) => row[1])).toContain("'=Formel");
		expect(byName["'=Formel"][3]).toBe('unbestätigt');
	});

	it('is written in the reader’s language', async () => {
		const { records } = await download(await actorOf('moderation-a@example.org'), 'en');
		expect(records[0].slice(0, 3)).toEqual(['No.', 'Name', 'E-mail']);
		expect(records.find((row) => row[1] === 'Ayşe Yılmaz')?.slice(6)).toEqual(['no', 'yes']);
	});

	it('is for the town’s facilitators and admins only, and each download is in the audit log', async () => {
		const logged = () => test.db.select().from(auditEvents).where(and(eq(auditEvents.entityId, eventId), eq(auditEvents.action, 'export')));
		const before = (await logged()).length;
		expect(await codeOf(download(null))).toBe('error_not_signed_in');
		expect(await codeOf(download(await actorOf('teilnahme@example.org')))).toBe('error_forbidden');
		expect(await codeOf(download(await actorOf('moderation-b@example.org'), 'de', 'b-dorf'))).toBe('events_not_found');
		expect(await codeOf(download(await actorOf('moderation-b@example.org')))).toBe('error_forbidden');
		expect(await logged()).toHaveLength(before);
		await download(await actorOf('moderation-a@example.org'));
		expect(await logged()).toHaveLength(before + 1);
	});

	it('the staff page counts registrations by their language, most first, leaving out walk-ins and cancellations', async () => {
		const view = await getEventForStaff({ db: test.db, actor: await actorOf('moderation-a@example.org'), municipalityId: municipalityOf('a-stadt').id, eventId });
		expect(view.languages).toEqual([
			{ locale: 'ar', count: 2 },
			{ locale: 'de', count: 2 },
			{ locale: 'tr', count: 1 }
		]);
	});
});
