import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/test-db';
import { createMailer, listOutbox, readOutboxMessage } from '../mail/mail.service';
import { plainTextOf } from '../mail/mail.text';
import { codeOf } from '../shared/error-code.testing';
import { PASSWORD_MAX_LENGTH, changePasswordSchema, passwordResetSchema, registerSchema } from '$lib/validation/account';
import { createAuth } from './auth';
import { registerAccount } from './account.service';
import type { MailContext } from './link-mail';
import { changePassword, isResetLinkUsable, requestPasswordReset, resetPassword } from './password.service';
import { resolveActor, signIn } from './people.service';

let test: TestDatabase;
let outboxDir: string;
let mail: MailContext;
let auth: ReturnType<typeof createAuth>;

beforeAll(async () => {
	test = await createTestDatabase({
		municipalities: [{ slug: 'a', name: 'A' }],
		accounts: [
			{ email: 'vergesslich@a.example.org', name: 'Vera Vergesslich', password: 'das alte passwort', roles: [] },
			{ email: 'wechsel@a.example.org', name: 'Walid Wechsel', password: 'das alte passwort', roles: [] },
			{ email: 'abgelaufen@a.example.org', name: 'Anja Abgelaufen', password: 'das alte passwort', roles: [] }
		]
	});
	outboxDir = mkdtempSync(path.join(os.tmpdir(), 'leitbild-password-outbox-'));
	mail = { mailer: createMailer({ outboxDir, from: 'Leitbild <noreply@example.org>' }), origin: 'https://leitbild.example.org', locale: 'de' };
	auth = createAuth({ db: test.db, secret: 'a-test-secret-that-is-long-enough-for-auth', demo: false, baseURL: 'http://localhost' });
});
afterAll(async () => {
	await test.drop();
	rmSync(outboxDir, { recursive: true, force: true });
});

async function mailsTo(to: string) {
	const entries = (await listOutbox(outboxDir)).filter((entry) => entry.to.includes(to));
	return Promise.all(entries.map(async (entry) => ({ subject: entry.subject, text: plainTextOf((await readOutboxMessage(outboxDir, entry.file))!) })));
}

/** The token of the newest reset link mailed to `to`, read as a person would read the mail. */
async function resetTokenMailedTo(to: string) {
	const link = (await mailsTo(to)).map((found) => /https:\/\/leitbild\.example\.org(?:\/\w\w)?\/password-reset\?token=(\w+)/.exec(found.text)).find(Boolean);
	expect(link, `a reset link mailed to ${to}`).toBeTruthy();
	return link![1];
}

const cookieOf = (headers: Headers) =>
	new Headers({
		cookie: headers
			.getSetCookie()
			.map((line) => line.split(';')[0])
			.join('; ')
	});

async function signedIn(email: string, password: string) {
	return cookieOf(await signIn({ auth, email, password, headers: new Headers() }));
}

const canSignIn = (email: string, password: string) =>
	signIn({ auth, email, password, headers: new Headers() }).then(
		() => true,
		() => false
	);

describe('a forgotten password', () => {
	it('is replaced through a mailed link that works once, and every session ends with the old password', async () => {
		const phone = await signedIn('vergesslich@a.example.org', 'das alte passwort');
		await requestPasswordReset({ auth, mail, email: ' Vergesslich@A.example.org ' });
		const token = await resetTokenMailedTo('vergesslich@a.example.org');
		// Only a hash of the token is kept: a copy of the database opens no account.
		const stored = await test.db.execute(sql`select identifier from auth_verifications`);
		expect(stored.rows.length).toBeGreaterThan(0);
		expect(JSON.stringify(stored.rows)).not.toContain(token);

		expect(await isResetLinkUsable({ auth, token })).toBe(true);
		// Looking at the link spends nothing.
		expect(await isResetLinkUsable({ auth, token })).toBe(true);
		await resetPassword({ auth, mail, token, password: 'ein ganz neues passwort' });
		expect(await isResetLinkUsable({ auth, token })).toBe(false);
		expect(await canSignIn('vergesslich@a.example.org', 'ein ganz neues passwort')).toBe(true);
		expect(await canSignIn('vergesslich@a.example.org', 'das alte passwort')).toBe(false);
		expect(await resolveActor({ db: test.db, auth, headers: phone })).toBeNull();
		expect(await codeOf(resetPassword({ auth, mail, token, password: 'noch ein anderes passwort' }))).toBe('password_reset_link_invalid');
		expect(await canSignIn('vergesslich@a.example.org', 'ein ganz neues passwort')).toBe(true);
		expect((await mailsTo('vergesslich@a.example.org')).map((found) => found.subject)).toContain('Ihr Passwort bei Leitbild wurde geändert');
	});

	it('gets the same answer and no mail for an address without an account', async () => {
		const before = (await listOutbox(outboxDir)).length;
		await requestPasswordReset({ auth, mail, email: 'niemand@a.example.org' });
		expect((await listOutbox(outboxDir)).length).toBe(before);
	});

	it('is mailed in the language of the page it was asked for on', async () => {
		await requestPasswordReset({ auth, mail: { ...mail, locale: 'en' }, email: 'wechsel@a.example.org' });
		const [newest] = await mailsTo('wechsel@a.example.org');
		expect(newest.subject).toBe('A new password for Leitbild');
		expect(newest.text).toContain('https://leitbild.example.org/en/password-reset?token=');
	});

	it('cannot be replaced with an expired or made-up link', async () => {
		await requestPasswordReset({ auth, mail, email: 'abgelaufen@a.example.org' });
		const token = await resetTokenMailedTo('abgelaufen@a.example.org');
		await test.db.execute(sql`update auth_verifications set expires_at = now() - interval '1 minute'`);
		expect(await isResetLinkUsable({ auth, token })).toBe(false);
		expect(await isResetLinkUsable({ auth, token: 'x'.repeat(24) })).toBe(false);
		expect(await codeOf(resetPassword({ auth, mail, token, password: 'ein ganz neues passwort' }))).toBe('password_reset_link_invalid');
		expect(await codeOf(resetPassword({ auth, mail, token: 'x'.repeat(24), password: 'ein ganz neues passwort' }))).toBe('password_reset_link_invalid');
		expect(await canSignIn('abgelaufen@a.example.org', 'das alte passwort')).toBe(true);
	});

	it('confirms the address of an account that was never confirmed: the link reached it', async () => {
		await registerAccount({ db: test.db, mail, input: { name: 'Uli Unbestätigt', email: 'unbestaetigt@a.example.org', password: 'das erste passwort' } });
		expect(await canSignIn('unbestaetigt@a.example.org', 'das erste passwort')).toBe(false);
		await requestPasswordReset({ auth, mail, email: 'unbestaetigt@a.example.org' });
		await resetPassword({ auth, mail, token: await resetTokenMailedTo('unbestaetigt@a.example.org'), password: 'das zweite passwort' });
		expect(await canSignIn('unbestaetigt@a.example.org', 'das zweite passwort')).toBe(true);
	});
});

describe('changing the password while signed in', () => {
	it('needs the current password, signs out the other devices and keeps this one with a new session', async () => {
		const phone = await signedIn('wechsel@a.example.org', 'das alte passwort');
		const laptop = await signedIn('wechsel@a.example.org', 'das alte passwort');
		const actor = await resolveActor({ db: test.db, auth, headers: laptop });

		expect(
			await codeOf(changePassword({ auth, mail, actor, headers: laptop, current: 'falsch geraten!', next: 'das neue passwort' }))
		).toBe('account_wrong_password');
		expect(await canSignIn('wechsel@a.example.org', 'das alte passwort')).toBe(true);
		expect(await resolveActor({ db: test.db, auth, headers: phone })).not.toBeNull();

		const replaced = await changePassword({ auth, mail, actor, headers: laptop, current: 'das alte passwort', next: 'das neue passwort' });
		expect(await resolveActor({ db: test.db, auth, headers: phone })).toBeNull();
		expect(await resolveActor({ db: test.db, auth, headers: cookieOf(replaced) })).toMatchObject({ email: 'wechsel@a.example.org' });
		expect(await canSignIn('wechsel@a.example.org', 'das neue passwort')).toBe(true);
		expect(await canSignIn('wechsel@a.example.org', 'das alte passwort')).toBe(false);
		const [notice] = await mailsTo('wechsel@a.example.org');
		expect(notice.subject).toBe('Ihr Passwort bei Leitbild wurde geändert');
		expect(notice.text).toContain('https://leitbild.example.org/password-reset\n');
	});

	it('is refused without a session', async () => {
		expect(await codeOf(changePassword({ auth, mail, actor: null, headers: new Headers(), current: 'x', next: 'das neue passwort' }))).toBe(
			'error_not_signed_in'
		);
	});
});

describe('on a demo install', () => {
	it('the demo accounts keep the passwords the sign-in page lists: no reset link, no change', async () => {
		const before = (await listOutbox(outboxDir)).length;
		expect(await codeOf(requestPasswordReset({ auth, mail, email: 'Teilnahme@example.org', demo: true }))).toBe('password_demo_fixed');
		const demoActor = { userId: 'x', name: 'Demo', email: 'teilnahme@example.org', isPlatformAdmin: false, memberships: [] };
		expect(await codeOf(changePassword({ auth, mail, actor: demoActor, headers: new Headers(), current: 'x', next: 'das neue passwort', demo: true }))).toBe(
			'password_demo_fixed'
		);
		expect((await listOutbox(outboxDir)).length).toBe(before);
		// Other accounts of a demo install, and the same address outside demo mode, are not held.
		await requestPasswordReset({ auth, mail, email: 'wechsel@a.example.org', demo: true });
		expect(await codeOf(requestPasswordReset({ auth, mail, email: 'teilnahme@example.org', demo: false }))).toBeUndefined();
	});
});

describe('the password forms', () => {
	it('ask for the new password twice and alike, within the bounds sign-in accepts', () => {
		const issues = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
			result.error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
		expect(issues(changePasswordSchema.safeParse({ password: 'alt', passwordNew: 'das neue passwort', passwordRepeated: 'das neue passwort!' }))).toEqual([
			'passwordRepeated: validation_password_mismatch'
		]);
		expect(issues(passwordResetSchema.safeParse({ token: 'a'.repeat(24), passwordNew: 'kurz', passwordRepeated: 'kurz' }))).toEqual([
			'passwordNew: validation_password_length'
		]);
		const longest = 'w'.repeat(PASSWORD_MAX_LENGTH);
		expect(registerSchema.safeParse({ name: 'Lang', email: 'lang@example.org', password: longest, consent: 'yes' }).success).toBe(true);
		expect(issues(registerSchema.safeParse({ name: 'Lang', email: 'lang@example.org', password: `${longest}w`, consent: 'yes' }))).toEqual([
			'password: validation_too_long'
		]);
	});

	it('accept no password at registration that sign-in would then refuse', async () => {
		const longest = 'w'.repeat(PASSWORD_MAX_LENGTH);
		await registerAccount({ db: test.db, mail, input: { name: 'Lena Lang', email: 'lang@a.example.org', password: longest } });
		await test.db.execute(sql`update auth_users set email_verified = true where email = 'lang@a.example.org'`);
		expect(await canSignIn('lang@a.example.org', longest)).toBe(true);
	});
});
