import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/test-db';
import { createMailer, listOutbox, readOutboxMessage } from '../mail/mail.service';
import { plainTextOf } from '../mail/mail.text';
import { isDomainError } from '../shared/errors';
import { registerSchema } from '$lib/validation/account';
import type { Actor } from './actor';
import { createAuth } from './auth';
import {
	DELETED_ACCOUNT_NAME,
	PRIVACY_NOTICE_VERSION,
	deleteAccount,
	exportAccountData,
	getProfile,
	registerAccount,
	resendVerification,
	updateProfile,
	verifyEmail
} from './account.service';
import { grantRole } from './people.admin';
import { countOwnSessions, resolveActor, signIn, signOutEverywhere } from './people.service';

let test: TestDatabase;
let outboxDir: string;
let mail: { mailer: ReturnType<typeof createMailer>; origin: string; locale: 'de' | 'en' };
let auth: ReturnType<typeof createAuth>;

beforeAll(async () => {
	test = await createTestDatabase({
		municipalities: [{ slug: 'a', name: 'A' }],
		accounts: [{ email: 'chefin@a.example.org', name: 'Chefin A', password: 'long-enough-password', roles: [{ municipality: 'a', role: 'admin' }] }]
	});
	outboxDir = mkdtempSync(path.join(os.tmpdir(), 'leitbild-account-outbox-'));
	mail = { mailer: createMailer({ outboxDir, from: 'Leitbild <noreply@example.org>' }), origin: 'https://leitbild.example.org', locale: 'de' };
	auth = createAuth({ db: test.db, secret: 'a-test-secret-that-is-long-enough-for-auth', demo: false, baseURL: 'http://localhost' });
});
afterAll(async () => {
	await test.drop();
	rmSync(outboxDir, { recursive: true, force: true });
});

const codeOf = (promise: Promise<unknown>) =>
	promise.then(
		() => undefined,
		(error: unknown) => (isDomainError(error) ? error.code : Promise.reject(error))
	);

async function count(table: string, where = 'true') {
	const result = await test.db.execute(sql.raw(`select count(*)::int as n from ${table} where ${where}`));
	return (result.rows[0] as { n: number }).n;
}

/** The token of the newest verification mail to `to`, read from the outbox as a person would read the mail. */
async function tokenMailedTo(to: string) {
	const entry = (await listOutbox(outboxDir)).find((candidate) => candidate.to.includes(to));
	expect(entry, `a mail to ${to}`).toBeDefined();
	const text = plainTextOf((await readOutboxMessage(outboxDir, entry!.file))!);
	const link = /https:\/\/leitbild\.example\.org\/verify\?token=([\w-]+)/.exec(text);
	expect(link, 'a verification link in the mail').not.toBeNull();
	return link![1];
}

async function actorFor(email: string, password: string): Promise<Actor> {
	const headers = await signIn({ auth, email, password, headers: new Headers() });
	const cookie = headers
		.getSetCookie()
		.map((line) => line.split(';')[0])
		.join('; ');
	const actor = await resolveActor({ db: test.db, auth, headers: new Headers({ cookie }) });
	expect(actor).not.toBeNull();
	return actor!;
}

describe('registration', () => {
	it('a new account is unverified, records the consent and mails a link', async () => {
		const { userId } = await registerAccount({ db: test.db, mail, input: { name: 'Ayşe', email: 'Ayse@Example.org', password: 'ein langes passwort' } });
		expect(await count('auth_users', `id = '${userId}' and email = 'ayse@example.org' and not email_verified`)).toBe(1);
		const consents = await test.db.execute(sql`select notice_version, locale from account_consents where user_id = ${userId}`);
		expect(consents.rows).toEqual([{ notice_version: PRIVACY_NOTICE_VERSION, locale: 'de' }]);
		expect(await count('account_email_verifications', `user_id = '${userId}'`)).toBe(1);
		// Only a hash of the token is stored: the token from the mail is not in the database.
		const token = await tokenMailedTo('ayse@example.org');
		expect(await count('account_email_verifications', `token_hash = '${token}'`)).toBe(0);
	});

	it('an e-mail address already registered is refused with 409 and nothing is written', async () => {
		const before = [await count('auth_users'), await count('account_consents'), await count('account_email_verifications')];
		const refusal = registerAccount({ db: test.db, mail, input: { name: 'Doppelt', email: 'AYSE@example.org', password: 'ein anderes passwort' } });
		await expect(refusal).rejects.toMatchObject({ code: 'people_email_taken', status: 409 });
		expect([await count('auth_users'), await count('account_consents'), await count('account_email_verifications')]).toEqual(before);
	});

	it('without consent to the privacy notice, or with a short password, the form is refused', () => {
		const base = { name: 'Ayşe', email: 'a@example.org', password: 'ein langes passwort' };
		const noConsent = registerSchema.safeParse(base);
		expect(noConsent.success).toBe(false);
		expect(noConsent.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['consent', 'validation_consent_required']]);
		const shortPassword = registerSchema.safeParse({ ...base, password: 'kurz', consent: 'yes' });
		expect(shortPassword.error?.issues.map((issue) => issue.message)).toEqual(['validation_password_length']);
		expect(registerSchema.safeParse({ ...base, email: 'keine-adresse', consent: 'yes' }).success).toBe(false);
		expect(registerSchema.safeParse({ ...base, consent: 'yes' }).success).toBe(true);
	});
});

describe('verification', () => {
	it('an unverified account cannot sign in; after following the link it can', async () => {
		await registerAccount({ db: test.db, mail, input: { name: 'Bo', email: 'bo@example.org', password: 'bo ist registriert' } });
		expect(await codeOf(signIn({ auth, email: 'bo@example.org', password: 'bo ist registriert', headers: new Headers() }))).toBe(
			'account_email_not_verified'
		);
		// A wrong password still gets the plain refusal, so the hint reveals nothing to strangers.
		expect(await codeOf(signIn({ auth, email: 'bo@example.org', password: 'falsches passwort', headers: new Headers() }))).toBe(
			'people_invalid_credentials'
		);
		await verifyEmail({ db: test.db, token: await tokenMailedTo('bo@example.org') });
		const actor = await actorFor('bo@example.org', 'bo ist registriert');
		expect(actor.email).toBe('bo@example.org');
	});

	it('a verification link expires after 48 hours and works only once', async () => {
		const registeredAt = new Date('2026-03-01T10:00:00Z');
		await registerAccount({ db: test.db, mail, input: { name: 'Cem', email: 'cem@example.org', password: 'cem ist registriert' }, now: registeredAt });
		const token = await tokenMailedTo('cem@example.org');
		const late = new Date(registeredAt.getTime() + 48 * 60 * 60 * 1000 + 1000);
		expect(await codeOf(verifyEmail({ db: test.db, token, now: late }))).toBe('account_verification_invalid');
		expect(await count('auth_users', `email = 'cem@example.org' and not email_verified`)).toBe(1);
		const inTime = new Date(registeredAt.getTime() + 47 * 60 * 60 * 1000);
		await verifyEmail({ db: test.db, token, now: inTime });
		expect(await codeOf(verifyEmail({ db: test.db, token, now: inTime }))).toBe('account_verification_invalid');
		expect(await codeOf(verifyEmail({ db: test.db, token: 'erfundenes-token-das-es-nicht-gibt' }))).toBe('account_verification_invalid');
	});

	it('a new link goes only to an unverified account, and the response is the same for any address', async () => {
		const mailsTo = async (to: string) => (await listOutbox(outboxDir, 1000)).filter((entry) => entry.to.includes(to)).length;
		await registerAccount({ db: test.db, mail, input: { name: 'Dana', email: 'dana@example.org', password: 'dana ist registriert' } });
		expect(await mailsTo('dana@example.org')).toBe(1);
		await resendVerification({ db: test.db, mail: { ...mail, locale: 'en' }, email: 'Dana@example.org' });
		expect(await mailsTo('dana@example.org')).toBe(2);
		const newest = (await listOutbox(outboxDir)).find((entry) => entry.to.includes('dana@example.org'))!;
		expect(newest.subject).toBe('Please confirm your e-mail address');
		await expect(resendVerification({ db: test.db, mail, email: 'unbekannt@example.org' })).resolves.toBeUndefined();
		await expect(resendVerification({ db: test.db, mail, email: 'bo@example.org' })).resolves.toBeUndefined();
		expect(await mailsTo('unbekannt@example.org')).toBe(0);
		expect(await mailsTo('bo@example.org')).toBe(1);
	});
});

describe('profile and export', () => {
	it('a person edits their name and languages and downloads everything kept about them', async () => {
		const actor = await actorFor('bo@example.org', 'bo ist registriert');
		await updateProfile({ db: test.db, actor, input: { name: 'Bo M.', languages: ['ar', 'de', 'ar'] } });
		expect(await getProfile({ db: test.db, actor })).toEqual({ name: 'Bo M.', email: 'bo@example.org', languages: ['ar', 'de'], notifyOnComments: true });
		const data = await exportAccountData({ db: test.db, actor, now: new Date('2026-04-01T00:00:00Z') });
		expect(data).toMatchObject({
			exportedAt: '2026-04-01T00:00:00.000Z',
			account: { id: actor.userId, name: 'Bo M.', email: 'bo@example.org', emailVerified: true },
			profile: { languages: ['ar', 'de'], notifyOnComments: true },
			consents: [{ noticeVersion: PRIVACY_NOTICE_VERSION, locale: 'de' }],
			roles: [],
			contributions: {}
		});
		expect(JSON.parse(JSON.stringify(data))).toEqual(data);
	});

	it('nobody signed in gets no profile and no export', async () => {
		expect(await codeOf(exportAccountData({ db: test.db, actor: null }))).toBe('error_not_signed_in');
		expect(await codeOf(updateProfile({ db: test.db, actor: null, input: { name: 'X y', languages: [] } }))).toBe('error_not_signed_in');
	});
});

/** Every text, varchar, array and JSON column of every table, searched for a string. */
async function placesContaining(needle: string) {
	const columns = await test.db.execute(sql`
		select table_name, column_name, data_type from information_schema.columns
		where table_schema = 'public' and data_type in ('text', 'character varying', 'jsonb', 'json', 'ARRAY')
		order by table_name, column_name`);
	const found: string[] = [];
	for (const { table_name, column_name } of columns.rows as { table_name: string; column_name: string }[]) {
		const result = await test.db.execute(
			sql`select count(*)::int as n from ${sql.identifier(table_name)} where ${sql.identifier(column_name)}::text ilike ${`%${needle}%`}`
		);
		if ((result.rows[0] as { n: number }).n > 0) found.push(`${table_name}.${column_name}`);
	}
	return found;
}

describe('deleting an account', () => {
	it('a wrong password deletes nothing', async () => {
		const actor = await actorFor('bo@example.org', 'bo ist registriert');
		expect(await codeOf(deleteAccount({ db: test.db, actor, password: 'nicht das passwort' }))).toBe('account_wrong_password');
		expect(await count('auth_users', `email = 'bo@example.org'`)).toBe(1);
	});

	it('the last admin of a municipality cannot delete their account', async () => {
		const admin = await actorFor('chefin@a.example.org', 'long-enough-password');
		expect(await codeOf(deleteAccount({ db: test.db, actor: admin, password: 'long-enough-password' }))).toBe('people_last_admin');
		expect(await count('auth_users', `email = 'chefin@a.example.org'`)).toBe(1);
	});

	it("a deleted account's e-mail appears nowhere, while the account row stays as a tombstone", async () => {
		const municipalityId = test.ids.municipalityIds.get('a')!;
		const admin = await actorFor('chefin@a.example.org', 'long-enough-password');
		// Leave traces in the audit log: a role granted to the person, and a change made by them.
		await grantRole({ db: test.db, actor: admin, municipalityId, email: 'bo@example.org', role: 'admin' });
		const bo = await actorFor('bo@example.org', 'bo ist registriert');
		await grantRole({ db: test.db, actor: bo, municipalityId, email: 'cem@example.org', role: 'moderator' });
		expect(await placesContaining('bo@example.org')).toEqual(['audit_events.actor_label', 'audit_events.after', 'auth_users.email'].sort());
		expect(await placesContaining('Bo M.')).not.toEqual([]);

		await deleteAccount({ db: test.db, actor: bo, password: 'bo ist registriert' });

		expect(await placesContaining('bo@example.org')).toEqual([]);
		expect(await placesContaining('Bo M.')).toEqual([]);
		const tombstone = await test.db.execute(sql`select name, email, email_verified from auth_users where id = ${bo.userId}`);
		expect(tombstone.rows).toEqual([{ name: DELETED_ACCOUNT_NAME, email: `deleted-${bo.userId}@invalid`, email_verified: false }]);
		for (const table of ['auth_sessions', 'auth_credentials', 'account_consents', 'account_profiles', 'role_assignments']) {
			expect(await count(table, `user_id = '${bo.userId}'`), table).toBe(0);
		}
		// The deletion itself is in the log, by account id only; the other admin's entries are untouched.
		expect(await count('audit_events', `entity_type = 'account' and entity_id = '${bo.userId}' and action = 'delete'`)).toBe(1);
		expect(await placesContaining('chefin@a.example.org')).not.toEqual([]);
		expect(await codeOf(signIn({ auth, email: 'bo@example.org', password: 'bo ist registriert', headers: new Headers() }))).toBe(
			'people_invalid_credentials'
		);
	});
});

describe('sessions', () => {
	const cookieOf = (headers: Headers) =>
		headers
			.getSetCookie()
			.map((line) => line.split(';')[0])
			.join('; ');

	it('signing in starts a new session each time, and signing out everywhere ends all of them', async () => {
		await registerAccount({ db: test.db, mail, input: { name: 'Sina Sitzung', email: 'sitzungen@example.org', password: 'sinas langes passwort' } });
		await verifyEmail({ db: test.db, token: await tokenMailedTo('sitzungen@example.org') });
		const phone = new Headers({ cookie: cookieOf(await signIn({ auth, email: 'sitzungen@example.org', password: 'sinas langes passwort', headers: new Headers() })) });
		const laptop = new Headers({ cookie: cookieOf(await signIn({ auth, email: 'sitzungen@example.org', password: 'sinas langes passwort', headers: new Headers() })) });
		expect(phone.get('cookie')).not.toBe(laptop.get('cookie'));
		expect(await countOwnSessions({ auth, headers: laptop })).toBe(2);

		const cleared = await signOutEverywhere({ auth, headers: laptop });
		expect(cleared.getSetCookie().some((line) => /session_token=;/.test(line) || /Max-Age=0/i.test(line))).toBe(true);
		expect(await resolveActor({ db: test.db, auth, headers: phone })).toBeNull();
		expect(await resolveActor({ db: test.db, auth, headers: laptop })).toBeNull();
	});
});
