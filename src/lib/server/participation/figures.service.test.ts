import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offlineCountSchema } from '$lib/validation/figures';
import { listAuditEvents } from '../audit/audit.service';
import * as t from '../db/schema';
import { createTestDatabase, type TestDatabase } from '../db/test-db';
import { parseForm } from '../http/forms';
import type { Actor } from '../people/actor';
import { isDomainError } from '../shared/errors';
import { addOfflineCount, getEditionFigures, getEditionFiguresForAdmin, removeOfflineCount } from './figures.service';

let test: TestDatabase;
const now = new Date('2026-03-01T10:00:00Z');
const past = (days: number) => new Date(now.getTime() - days * 86_400_000);
const future = (days: number) => new Date(now.getTime() + days * 86_400_000);

const edition = (number: number) => ({ number, periodStart: 2020, periodEnd: 2025, stage: 'participating' as const, fields: [{ title: 'Arbeit' }, { title: 'Sprache' }] });

beforeAll(async () => {
	test = await createTestDatabase({
		municipalities: [
			{ slug: 'a-stadt', name: 'A-Stadt', strategies: [{ slug: 'vielfalt', title: 'Vielfalt', editions: [1, 2, 3, 4, 5, 6, 7].map(edition) }] },
			{ slug: 'b-dorf', name: 'B-Dorf', strategies: [{ slug: 'vielfalt', title: 'Vielfalt in B', editions: [edition(1)] }] }
		],
		accounts: [
			{ email: 'ada@example.org', name: 'Ada Beispiel', password: 'passwort-ada', roles: [{ municipality: 'a-stadt', role: 'participant' }] },
			{ email: 'bert@example.org', name: 'Bert Beispiel', password: 'passwort-bert', roles: [{ municipality: 'a-stadt', role: 'participant' }] },
			{ email: 'admin@a-stadt.example.org', name: 'Anna Admin', password: 'passwort-admin', roles: [{ municipality: 'a-stadt', role: 'admin' }] },
			{ email: 'admin@b-dorf.example.org', name: 'Bruno Admin', password: 'passwort-admin', roles: [{ municipality: 'b-dorf', role: 'admin' }] }
		]
	});
});
afterAll(() => test.drop());

const municipalityId = (slug: string) => test.ids.municipalityIds.get(slug)!;
const userId = (email: string) => test.ids.accountIds.get(email)!;

function actor(email: string, role: 'admin' | 'participant', slug: string): Actor {
	return { userId: userId(email), name: email, email, isPlatformAdmin: false, memberships: [{ municipalityId: municipalityId(slug), municipalitySlug: slug, municipalityName: slug, role }] };
}

async function editionOf(slug: string, number: number) {
	const [row] = await test.db
		.select({ id: t.editions.id })
		.from(t.editions)
		.where(and(eq(t.editions.municipalityId, municipalityId(slug)), eq(t.editions.number, number)));
	const fields = await test.db.select({ id: t.fields.id }).from(t.fields).where(eq(t.fields.editionId, row.id)).orderBy(t.fields.position);
	return { id: row.id, fieldIds: fields.map((field) => field.id) };
}

async function anEvent(slug: string, editionId: string, options: { type?: 'workshop' | 'working_group_meeting'; endsAt?: Date; status?: 'planned' | 'cancelled'; fieldIds?: string[] } = {}) {
	const endsAt = options.endsAt ?? past(10);
	const [event] = await test.db
		.insert(t.events)
		.values({ municipalityId: municipalityId(slug), editionId, type: options.type ?? 'workshop', status: options.status ?? 'planned', title: 'Werkstatt', startsAt: new Date(endsAt.getTime() - 7_200_000), endsAt })
		.returning();
	if (options.fieldIds?.length) {
		await test.db.insert(t.eventFields).values(options.fieldIds.map((fieldId) => ({ municipalityId: municipalityId(slug), eventId: event.id, fieldId })));
	}
	return event.id;
}

async function attended(slug: string, eventId: string, people: { name: string; email?: string; userId?: string; walkIn?: boolean; attended?: boolean }[]) {
	await test.db.insert(t.eventRegistrations).values(
		people.map((person) => ({
			municipalityId: municipalityId(slug),
			eventId,
			name: person.name,
			email: person.email ?? null,
			userId: person.userId ?? null,
			status: 'confirmed' as const,
			walkIn: person.walkIn ?? false,
			attended: person.attended ?? true
		}))
	);
}

async function anIdea(slug: string, editionId: string, fieldId: string, values: { author?: string; hidden?: boolean; organisationId?: string } = {}) {
	const [idea] = await test.db
		.insert(t.ideas)
		.values({
			municipalityId: municipalityId(slug),
			editionId,
			fieldId,
			authorUserId: values.author ?? null,
			sourceLabel: values.author ? null : 'Werkstatt Nord',
			organisationId: values.organisationId ?? null,
			title: 'Sprachcafé',
			body: 'Ein Treffpunkt zum Üben.',
			hiddenReason: values.hidden ? 'Verstößt gegen die Regeln.' : null
		})
		.returning();
	return idea.id;
}

async function aComment(slug: string, ideaId: string, author: string, hidden = false) {
	await test.db.insert(t.ideaComments).values({ municipalityId: municipalityId(slug), ideaId, authorUserId: author, body: 'Gute Idee.', hiddenReason: hidden ? 'Beleidigend.' : null });
}

async function anOrganisation(slug: string, name: string, sector: 'association' | 'welfare' | 'university', members: { name: string; email?: string; userId?: string }[]) {
	const [organisation] = await test.db
		.insert(t.organisations)
		.values({ municipalityId: municipalityId(slug), slug: name.toLowerCase().replace(/[^a-z]+/g, '-'), name, sector })
		.returning();
	for (const member of members) {
		const [existing] = member.email
			? await test.db.select().from(t.people).where(and(eq(t.people.municipalityId, municipalityId(slug)), eq(t.people.email, member.email)))
			: [];
		const person =
			existing ??
			(await test.db.insert(t.people).values({ municipalityId: municipalityId(slug), name: member.name, email: member.email ?? null, userId: member.userId ?? null }).returning())[0];
		await test.db.insert(t.organisationMemberships).values({ municipalityId: municipalityId(slug), organisationId: organisation.id, personId: person.id });
	}
	return organisation.id;
}

const figures = (slug: string, editionId: string) => getEditionFigures({ db: test.db, municipalityId: municipalityId(slug), editionId, now });

describe('participation figures', () => {
	it('each person is counted once across attendance, ideas, comments and supports', async () => {
		const { id, fieldIds } = await editionOf('a-stadt', 1);
		const ada = userId('ada@example.org');
		const first = await anEvent('a-stadt', id);
		const second = await anEvent('a-stadt', id);
		// Ada comes once with her account and once as a guest with her address in capitals.
		await attended('a-stadt', first, [
			{ name: 'Ada Beispiel', userId: ada, email: 'ada@example.org' },
			{ name: 'Carla Gast', email: 'carla@example.org' },
			{ name: 'Ohne Adresse', walkIn: true },
			{ name: 'Dora Fern', email: 'dora@example.org', attended: false }
		]);
		await attended('a-stadt', second, [
			{ name: 'Ada Beispiel', email: 'ADA@example.org' },
			{ name: 'Carla Gast', email: 'Carla@Example.org' },
			{ name: 'Ohne Adresse', walkIn: true }
		]);
		const idea = await anIdea('a-stadt', id, fieldIds[0], { author: ada });
		await anIdea('a-stadt', id, fieldIds[1]);
		await aComment('a-stadt', idea, ada);
		await aComment('a-stadt', idea, userId('bert@example.org'));
		await test.db.insert(t.ideaSupports).values([
			{ municipalityId: municipalityId('a-stadt'), ideaId: idea, userId: ada },
			{ municipalityId: municipalityId('a-stadt'), ideaId: idea, userId: userId('bert@example.org') }
		]);

		const result = await figures('a-stadt', id);
		// Ada, Carla, Bert, and the two walk-ins without an address who cannot be told apart.
		expect(result.people).toBe(5);
		expect(result.ideas).toBe(2);
		expect(result.comments).toBe(2);
	});

	it('hidden ideas and comments are not counted and make nobody a participant', async () => {
		const { id, fieldIds } = await editionOf('a-stadt', 2);
		const visible = await anIdea('a-stadt', id, fieldIds[0]);
		const hidden = await anIdea('a-stadt', id, fieldIds[0], { author: userId('bert@example.org'), hidden: true });
		await aComment('a-stadt', visible, userId('ada@example.org'), true);
		await aComment('a-stadt', hidden, userId('ada@example.org'));
		await test.db.insert(t.ideaSupports).values({ municipalityId: municipalityId('a-stadt'), ideaId: hidden, userId: userId('ada@example.org') });

		const result = await figures('a-stadt', id);
		expect(result).toMatchObject({ people: 0, ideas: 1, comments: 0 });
		expect(result.fields.map((field) => field.ideas)).toEqual([1, 0]);
	});

	it('comments on the drafts of the document count as comments, and their authors as people who took part', async () => {
		const { id } = await editionOf('a-stadt', 7);
		const [version] = await test.db
			.insert(t.documentVersions)
			.values({ municipalityId: municipalityId('a-stadt'), editionId: id, number: 1, title: 'Entwurf', snapshot: { format: 1, introduction: [], fields: [], sections: [] } })
			.returning();
		const onTheDraft = (author: string, hiddenReason: string | null) => ({ municipalityId: municipalityId('a-stadt'), editionId: id, versionId: version.id, anchor: 'introduction-1', authorUserId: author, body: 'Bitte genauer.', hiddenReason });
		await test.db.insert(t.documentComments).values([onTheDraft(userId('ada@example.org'), null), onTheDraft(userId('ada@example.org'), null), onTheDraft(userId('bert@example.org'), 'Beleidigend.')]);

		expect(await figures('a-stadt', id)).toMatchObject({ people: 1, ideas: 0, comments: 2 });
	});

	it('only events that have ended and were not cancelled count as held; working-group meetings apart', async () => {
		const { id, fieldIds } = await editionOf('a-stadt', 3);
		await anEvent('a-stadt', id, { fieldIds: [fieldIds[0]] });
		await anEvent('a-stadt', id, { type: 'working_group_meeting', fieldIds: [fieldIds[0], fieldIds[1]] });
		await anEvent('a-stadt', id, { endsAt: future(3), fieldIds: [fieldIds[1]] });
		await anEvent('a-stadt', id, { status: 'cancelled', fieldIds: [fieldIds[1]] });

		const result = await figures('a-stadt', id);
		expect(result).toMatchObject({ workshops: 1, meetings: 1, eventsHeld: 2 });
		expect(result.fields.map((field) => field.events)).toEqual([2, 1]);
	});

	it('an organisation is represented once when a member took part or an idea was submitted on its behalf', async () => {
		const { id, fieldIds } = await editionOf('a-stadt', 4);
		const event = await anEvent('a-stadt', id);
		await attended('a-stadt', event, [{ name: 'Eva Verein', email: 'eva@example.org' }, { name: 'Emil Verein', email: 'emil@example.org' }]);
		await anIdea('a-stadt', id, fieldIds[0], { author: userId('ada@example.org') });
		await anOrganisation('a-stadt', 'Sportverein Nord', 'association', [{ name: 'Eva Verein', email: 'eva@example.org' }, { name: 'Emil Verein', email: 'EMIL@example.org' }]);
		await anOrganisation('a-stadt', 'Hochschule am Hafen', 'university', [{ name: 'Ada Beispiel', userId: userId('ada@example.org') }]);
		const onBehalf = await anOrganisation('a-stadt', 'Caritas Mitte', 'welfare', []);
		await anIdea('a-stadt', id, fieldIds[1], { organisationId: onBehalf });
		await anOrganisation('a-stadt', 'Verein ohne Beteiligung', 'association', [{ name: 'Fritz Fern', email: 'fritz@example.org' }]);

		const result = await figures('a-stadt', id);
		expect(result.organisations).toBe(3);
		expect(result.sectors.filter((entry) => entry.organisations > 0)).toEqual([
			{ sector: 'association', organisations: 1 },
			{ sector: 'university', organisations: 1 },
			{ sector: 'welfare', organisations: 1 }
		]);
		expect(result.sectors).toHaveLength(8);
	});

	it('another municipality’s rows never count, even when they point at this edition', async () => {
		const { id, fieldIds } = await editionOf('a-stadt', 5);
		const foreignEvent = await anEvent('b-dorf', id, { fieldIds: [fieldIds[0]] });
		await attended('b-dorf', foreignEvent, [{ name: 'Gerd Dorf', email: 'gerd@example.org' }]);
		await test.db.insert(t.ideas).values({ municipalityId: municipalityId('b-dorf'), editionId: id, fieldId: fieldIds[0], authorUserId: userId('ada@example.org'), title: 'Fremd', body: 'Fremd' });
		// Bert takes part here; his membership in B-Dorf's registry does not make B-Dorf's club represented.
		await anIdea('a-stadt', id, fieldIds[0], { author: userId('bert@example.org') });
		await anOrganisation('b-dorf', 'Dorfverein', 'association', [{ name: 'Bert Beispiel', email: 'bert@example.org', userId: userId('bert@example.org') }]);

		const result = await figures('a-stadt', id);
		expect(result).toMatchObject({ people: 1, organisations: 0, ideas: 1, workshops: 0, meetings: 0 });
		const other = await editionOf('b-dorf', 1);
		expect((await figures('b-dorf', other.id)).people).toBe(0);
	});
});

describe('offline counts', () => {
	it('an offline count is shown apart and never added to the people counted in the system', async () => {
		const { id, fieldIds } = await editionOf('a-stadt', 6);
		await anIdea('a-stadt', id, fieldIds[0], { author: userId('ada@example.org') });
		const admin = actor('admin@a-stadt.example.org', 'admin', 'a-stadt');
		const stored = await addOfflineCount({
			db: test.db,
			actor: admin,
			municipalityId: municipalityId('a-stadt'),
			editionId: id,
			input: { label: 'Papierlisten der Stadtteilwerkstätten', people: 120, note: 'Abgezählt von Listen', countedOn: '2024-03-01' }
		});

		const result = await figures('a-stadt', id);
		expect(result.people).toBe(1);
		expect(result.offlinePeople).toBe(120);
		expect(result.offline).toEqual([{ id: stored.id, label: 'Papierlisten der Stadtteilwerkstätten', people: 120, countedOn: '2024-03-01' }]);
		const forAdmin = await getEditionFiguresForAdmin({ db: test.db, actor: admin, municipalityId: municipalityId('a-stadt'), editionId: id });
		expect(forAdmin.offline[0].note).toBe('Abgezählt von Listen');
		const audit = await listAuditEvents({ db: test.db, actor: admin, municipalityId: municipalityId('a-stadt') });
		expect(audit.events[0]).toMatchObject({ entityType: 'edition_offline_count', entityId: stored.id, action: 'create' });

		await removeOfflineCount({ db: test.db, actor: admin, municipalityId: municipalityId('a-stadt'), editionId: id, offlineCountId: stored.id });
		expect((await figures('a-stadt', id)).offline).toEqual([]);
	});

	it('bad input is refused with 400 and a message per field, and nothing is written', async () => {
		const { id } = await editionOf('a-stadt', 6);
		const form = new FormData();
		form.set('label', 'x'.repeat(201));
		form.set('people', '-3');
		form.set('countedOn', '2024-02-30');
		const parsed = await parseForm(new Request('http://localhost/', { method: 'POST', body: form }), offlineCountSchema);
		expect(parsed.ok).toBe(false);
		if (parsed.ok) return;
		expect(parsed.failure.status).toBe(400);
		expect(Object.keys(parsed.failure.data.errors).sort()).toEqual(['countedOn', 'label', 'people']);
		const [row] = await test.db.select({ n: sql<number>`count(*)::int` }).from(t.editionOfflineCounts).where(eq(t.editionOfflineCounts.editionId, id));
		expect(row.n).toBe(0);
	});

	it('only administrators of the municipality add or remove offline counts', async () => {
		const { id } = await editionOf('a-stadt', 6);
		const input = { label: 'Stand auf dem Stadtfest', people: 40, note: '', countedOn: '2024-06-01' };
		const attempt = (who: Actor | null) => addOfflineCount({ db: test.db, actor: who, municipalityId: municipalityId('a-stadt'), editionId: id, input }).catch((error: unknown) => error);
		for (const who of [null, actor('ada@example.org', 'participant', 'a-stadt'), actor('admin@b-dorf.example.org', 'admin', 'b-dorf')]) {
			const error = await attempt(who);
			expect(isDomainError(error) && [401, 403].includes(error.status)).toBe(true);
		}
		const stored = await addOfflineCount({ db: test.db, actor: actor('admin@a-stadt.example.org', 'admin', 'a-stadt'), municipalityId: municipalityId('a-stadt'), editionId: id, input });
		// B-Dorf's admin, asking through B-Dorf with A-Stadt's ids, finds nothing to delete.
		const foreign = await removeOfflineCount({
			db: test.db,
			actor: actor('admin@b-dorf.example.org', 'admin', 'b-dorf'),
			municipalityId: municipalityId('b-dorf'),
			editionId: id,
			offlineCountId: stored.id
		}).catch((error: unknown) => error);
		expect(isDomainError(foreign) && foreign.status).toBe(404);
		const other = await editionOf('b-dorf', 1);
		const view = await getEditionFiguresForAdmin({ db: test.db, actor: actor('admin@b-dorf.example.org', 'admin', 'b-dorf'), municipalityId: municipalityId('b-dorf'), editionId: id }).catch((error: unknown) => error);
		expect(isDomainError(view) && view.status).toBe(404);
		expect((await figures('b-dorf', other.id)).offline).toEqual([]);
		expect((await figures('a-stadt', id)).offline).toHaveLength(1);
	});
});
