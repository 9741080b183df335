import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/test-db';
import type { Actor } from '../people/actor';
import { isDomainError } from '../shared/errors';
import { auditPage, listAuditEvents, platformAuditPage, recordChange } from './audit.service';

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
	// Zwei's history of one goal, beside a district of the same id in Eins: filters must not cross municipalities.
	for (const [action, after] of [['create', { title: 'Ziel' }], ['update', { title: 'Ziel, geschärft' }], ['delete', null]] as const) {
		await recordChange(test.db, { actor: { system: 'test' }, municipalityId: zwei, action, entityType: 'goal', entityId: 'g1', before: action === 'create' ? null : { title: 'Ziel' }, after });
	}
	await recordChange(test.db, { actor: actorFor(eins, 'admin'), municipalityId: eins, action: 'delete', entityType: 'district', entityId: 'g1', before: { name: 'gleiche id' } });
});
afterAll(() => test.drop());

it('pages through a municipality’s audit log newest first without gaps or repeats', async () => {
	const eins = test.ids.municipalityIds.get('eins')!;
	const actor = actorFor(eins, 'admin');
	const first = await listAuditEvents({ db: test.db, actor, municipalityId: eins });
	expect(first.events).toHaveLength(50);
	expect(first.nextCursor).not.toBeNull();
	const second = await listAuditEvents({ db: test.db, actor, municipalityId: eins, cursor: first.nextCursor! });
	expect(second.events).toHaveLength(6);
	expect(second.nextCursor).toBeNull();
	const seen = [...first.events, ...second.events].map((event) => event.entityId);
	expect(new Set(seen).size).toBe(56);
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
	expect(own.events.map((event) => event.entityId).sort()).toEqual(['g1', 'g1', 'g1', 'z']);
});

it('ignores a malformed cursor instead of failing', async () => {
	const eins = test.ids.municipalityIds.get('eins')!;
	const page = await listAuditEvents({ db: test.db, actor: actorFor(eins, 'admin'), municipalityId: eins, cursor: 'not-a-cursor' });
	expect(page.events).toHaveLength(50);
});

it('filters by kind, action and one entity’s history, keeps the filter across pages and stays within the municipality', async () => {
	const eins = test.ids.municipalityIds.get('eins')!;
	const zwei = test.ids.municipalityIds.get('zwei')!;
	const admin = actorFor(zwei, 'admin');
	const history = await auditPage({ db: test.db, actor: admin, municipalityId: zwei, query: new URLSearchParams('entity=g1') });
	expect(history.events.map((event) => event.action)).toEqual(['delete', 'update', 'create']);
	expect(history.filter).toEqual({ entity: 'g1' });
	const updates = await auditPage({ db: test.db, actor: admin, municipalityId: zwei, query: new URLSearchParams('type=goal&action=update') });
	expect(updates.events.map((event) => event.changes)).toEqual([[{ field: 'title', before: 'Ziel', after: 'Ziel, geschärft' }]]);
	// The form's "all" sends empty values.
	const all = await auditPage({ db: test.db, actor: admin, municipalityId: zwei, query: new URLSearchParams('type=&action=&entity=') });
	expect(all.events).toHaveLength(4);
	const districts = await auditPage({ db: test.db, actor: actorFor(eins, 'admin'), municipalityId: eins, query: new URLSearchParams('type=district&action=update') });
	expect(districts.events).toHaveLength(50);
	const next = await auditPage({
		db: test.db,
		actor: actorFor(eins, 'admin'),
		municipalityId: eins,
		query: new URLSearchParams({ type: 'district', action: 'update', before: districts.nextCursor! })
	});
	expect(next.events.map((event) => event.action)).toEqual(['update', 'update', 'update', 'update', 'update']);
});

it('answers an unknown kind or action with 400, but only after checking who asks', async () => {
	const zwei = test.ids.municipalityIds.get('zwei')!;
	for (const query of ['type=password', 'action=drop', 'type=goal%00']) {
		const outcome = await auditPage({ db: test.db, actor: actorFor(zwei, 'admin'), municipalityId: zwei, query: new URLSearchParams(query) }).catch((error: unknown) => error);
		expect(isDomainError(outcome) && [outcome.code, outcome.status]).toEqual(['audit_filter_invalid', 400]);
	}
	const stranger = await auditPage({ db: test.db, actor: actorFor(zwei, 'participant'), municipalityId: zwei, query: new URLSearchParams('type=password') }).catch((error: unknown) => error);
	expect(isDomainError(stranger) && stranger.code).toBe('error_forbidden');
});

it('shows the install’s own events, which belong to no municipality, to platform admins only, with filters and pages', async () => {
	const eins = test.ids.municipalityIds.get('eins')!;
	const platformAdmin: Actor = { ...actorFor(eins, 'participant'), isPlatformAdmin: true };
	await test.db.transaction(async (tx) => {
		for (let index = 0; index < 52; index++) {
			await recordChange(tx, { actor: { system: 'account self-service' }, municipalityId: null, action: 'delete', entityType: 'account', entityId: `a${index}` });
		}
	});
	await recordChange(test.db, { actor: platformAdmin, municipalityId: null, action: 'create', entityType: 'platform_legal_page', entityId: 'imprint', after: { body: 'Betrieb' } });

	const first = await platformAuditPage({ db: test.db, actor: platformAdmin, query: new URLSearchParams() });
	expect(first.events).toHaveLength(50);
	expect(first.events[0].entityType).toBe('platform_legal_page');
	const second = await platformAuditPage({ db: test.db, actor: platformAdmin, query: new URLSearchParams({ before: first.nextCursor! }) });
	expect(second.events).toHaveLength(3);
	// None of a municipality's 60 events is among the install's.
	expect([...first.events, ...second.events].every((event) => event.municipalityId === null)).toBe(true);
	const legal = await platformAuditPage({ db: test.db, actor: platformAdmin, query: new URLSearchParams('type=platform_legal_page') });
	expect(legal.events.map((event) => event.changes)).toEqual([[{ field: 'body', before: null, after: 'Betrieb' }]]);
	expect((await platformAuditPage({ db: test.db, actor: platformAdmin, query: new URLSearchParams('type=district') })).events).toEqual([]);

	for (const actor of [actorFor(eins, 'admin'), null]) {
		const outcome = await platformAuditPage({ db: test.db, actor, query: new URLSearchParams('type=password') }).catch((error: unknown) => error);
		expect(isDomainError(outcome) ? outcome.code : outcome).toBe(actor ? 'error_forbidden' : 'error_not_signed_in');
	}
});
