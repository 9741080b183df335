import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/test-db';
import type { Actor } from '../people/actor';
import { isDomainError } from '../shared/errors';
import { listAuditEvents, recordChange } from './audit.service';

let test: TestDatabase;
const actorFor = (municipalityId: string, role: 'admin' | 'participant'): Actor => ({
	userId: 'u1',
	name: 'Erika Test',
	email: 'erika@example.org',
	isPlatformAdmin: false,
	memberships: [{ municipalityId, municipalitySlug: 'x', municipalityName: 'X', role }]
});

beforeAll(async () => {
	test = await createTestDatabase({
		municipalities: [
			{ slug: 'eins', name: 'Eins' },
			{ slug: 'zwei', name: 'Zwei' }
		]
	});
	const eins = test.ids.municipalityIds.get('eins')!;
	const zwei = test.ids.municipalityIds.get('zwei')!;
	// One transaction: all 55 share one timestamp, the hardest case for keyset paging.
	await test.db.transaction(async (tx) => {
		for (let index = 0; index < 55; index++) {
			await recordChange(tx, {
			actor: actorFor(eins, 'admin'),
			municipalityId: eins,
			action: 'update',
			entityType: 'district',
			entityId: `d${index}`,
			before: { name: `alt ${index}` },
			after: { name: `neu ${index}` }
			});
		}
	});
	await recordChange(test.db, { actor: { system: 'test' }, municipalityId: zwei, action: 'create', entityType: 'district', entityId: 'z' });
});
afterAll(() => test.drop());

it('pages through a municipality’s audit log newest first without gaps or repeats', async () => {
	const eins = test.ids.municipalityIds.get('eins')!;
	const actor = actorFor(eins, 'admin');
	const first = await listAuditEvents({ db: test.db, actor, municipalityId: eins });
	expect(first.events).toHaveLength(50);
	expect(first.nextCursor).not.toBeNull();
	const second = await listAuditEvents({ db: test.db, actor, municipalityId: eins, cursor: first.nextCursor! });
	expect(second.events).toHaveLength(5);
	expect(second.nextCursor).toBeNull();
	const seen = [...first.events, ...second.events].map((event) => event.entityId);
	expect(new Set(seen).size).toBe(55);
	// All 55 were written in one transaction, so they share a timestamp and their order among themselves is the id's.
	expect([...first.events, ...second.events].find((event) => event.entityId === 'd54')?.before).toEqual({ name: 'alt 54' });
	expect(first.events[0].actorLabel).toBe('Erika Test <erika@example.org>');
});

it('shows no municipality the audit log of another, and only to its admins', async () => {
	const eins = test.ids.municipalityIds.get('eins')!;
	const zwei = test.ids.municipalityIds.get('zwei')!;
	for (const actor of [actorFor(eins, 'admin'), actorFor(zwei, 'participant'), null]) {
		const outcome = await listAuditEvents({ db: test.db, actor, municipalityId: zwei }).catch((error: unknown) => error);
		expect(isDomainError(outcome) ? outcome.code : outcome).toBe(actor ? 'error_forbidden' : 'error_not_signed_in');
	}
	const own = await listAuditEvents({ db: test.db, actor: actorFor(zwei, 'admin'), municipalityId: zwei });
	expect(own.events.map((event) => event.entityId)).toEqual(['z']);
});

it('ignores a malformed cursor instead of failing', async () => {
	const eins = test.ids.municipalityIds.get('eins')!;
	const page = await listAuditEvents({ db: test.db, actor: actorFor(eins, 'admin'), municipalityId: eins, cursor: 'not-a-cursor' });
	expect(page.events).toHaveLength(50);
});
