import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/test-db';
import { isDomainError } from '../shared/errors';
import { listAuditEvents } from '../audit/audit.service';
import type { Actor } from './actor';
import { grantRole, listRoleHolders, revokeRole } from './people.admin';

let test: TestDatabase;
let adminOfA: Actor;
let adminOfB: Actor;

beforeAll(async () => {
	test = await createTestDatabase({
		municipalities: [
			{ slug: 'a', name: 'A' },
			{ slug: 'b', name: 'B' }
		],
		accounts: [
			{ email: 'chefin@a.example.org', name: 'Chefin A', password: 'long-enough-password', roles: [{ municipality: 'a', role: 'admin' }] },
			{ email: 'chef@b.example.org', name: 'Chef B', password: 'long-enough-password', roles: [{ municipality: 'b', role: 'admin' }] },
			{ email: 'helfer@example.org', name: 'Helfer', password: 'long-enough-password' }
		]
	});
	const a = test.ids.municipalityIds.get('a')!;
	const b = test.ids.municipalityIds.get('b')!;
	adminOfA = {
		userId: test.ids.accountIds.get('chefin@a.example.org')!,
		name: 'Chefin A',
		email: 'chefin@a.example.org',
		isPlatformAdmin: false,
		memberships: [{ municipalityId: a, municipalitySlug: 'a', municipalityName: 'A', role: 'admin' }]
	};
	adminOfB = {
		userId: test.ids.accountIds.get('chef@b.example.org')!,
		name: 'Chef B',
		email: 'chef@b.example.org',
		isPlatformAdmin: false,
		memberships: [{ municipalityId: b, municipalitySlug: 'b', municipalityName: 'B', role: 'admin' }]
	};
});
afterAll(() => test.drop());

const codeOf = (promise: Promise<unknown>) =>
	promise.then(
		() => undefined,
		(error: unknown) => (isDomainError(error) ? error.code : Promise.reject(error))
	);

it('an admin grants a role to an existing account, recorded in the audit log', async () => {
	const a = test.ids.municipalityIds.get('a')!;
	await grantRole({ db: test.db, actor: adminOfA, municipalityId: a, email: 'Helfer@Example.org', role: 'facilitator' });
	const holders = await listRoleHolders({ db: test.db, actor: adminOfA, municipalityId: a });
	expect(holders.find((holder) => holder.email === 'helfer@example.org')?.roles).toEqual(['facilitator']);
	const { events } = await listAuditEvents({ db: test.db, actor: adminOfA, municipalityId: a });
	expect(events[0]).toMatchObject({ entityType: 'role', action: 'create', after: { email: 'helfer@example.org', role: 'facilitator' } });
});

it('an admin of another municipality can neither see nor change the roles here', async () => {
	const a = test.ids.municipalityIds.get('a')!;
	expect(await codeOf(listRoleHolders({ db: test.db, actor: adminOfB, municipalityId: a }))).toBe('error_forbidden');
	expect(await codeOf(grantRole({ db: test.db, actor: adminOfB, municipalityId: a, email: 'chef@b.example.org', role: 'admin' }))).toBe(
		'error_forbidden'
	);
	expect(await codeOf(grantRole({ db: test.db, actor: null, municipalityId: a, email: 'helfer@example.org', role: 'admin' }))).toBe(
		'error_not_signed_in'
	);
});

it('granting to an unknown e-mail address is refused and writes nothing', async () => {
	const a = test.ids.municipalityIds.get('a')!;
	const before = (await listAuditEvents({ db: test.db, actor: adminOfA, municipalityId: a })).events.length;
	expect(await codeOf(grantRole({ db: test.db, actor: adminOfA, municipalityId: a, email: 'niemand@example.org', role: 'member' }))).toBe(
		'people_account_not_found'
	);
	expect((await listAuditEvents({ db: test.db, actor: adminOfA, municipalityId: a })).events.length).toBe(before);
});

it('the last admin of a municipality cannot be removed', async () => {
	const a = test.ids.municipalityIds.get('a')!;
	expect(await codeOf(revokeRole({ db: test.db, actor: adminOfA, municipalityId: a, userId: adminOfA.userId, role: 'admin' }))).toBe(
		'people_last_admin'
	);
	await revokeRole({ db: test.db, actor: adminOfA, municipalityId: a, userId: test.ids.accountIds.get('helfer@example.org')!, role: 'facilitator' });
	const holders = await listRoleHolders({ db: test.db, actor: adminOfA, municipalityId: a });
	expect(holders.map((holder) => holder.email)).toEqual(['chefin@a.example.org']);
});
