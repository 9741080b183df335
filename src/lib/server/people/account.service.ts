// Account owns what a resident does with their own login: registering with consent, proving the
// e-mail address, the profile, downloading their data and deleting the account.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { hashPassword, verifyPassword } from './password-hash';
import * as m from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { recordChange } from '../audit/audit.service';
import type { Database, Executor } from '../db/client';
import { notSignedIn } from '../shared/errors';
import type { Actor } from './actor';
import { verificationLinkInvalid, wrongPassword } from './account.errors';
import { accountExportSections } from './account.export';
import './membership.export';
import { forgetSubscriptionsOfAddress } from '../updates/updates.service';
import { forgetPeopleOfAccount } from './membership.service';
import { composeLinkMail, type MailContext } from './link-mail';
import {
	insertConsent,
	insertUnverifiedUser,
	insertVerificationToken,
	markEmailVerified,
	pseudonymiseAuditEvents,
	replaceUserByTombstone,
	selectConsentsOfUser,
	selectCredentialPassword,
	selectProfile,
	selectValidVerificationToken,
	upsertProfile
} from './account.queries';
import { emailTaken, lastAdmin } from './people.errors';
import { countAdmins, selectRolesOfUser, selectUserByEmail, selectUserById } from './people.queries';

/** Changes whenever the text of the privacy notice changes; each consent records the version it agreed to. */
export const PRIVACY_NOTICE_VERSION = '2026-11-28';

/** What a deleted account is called from then on; pages show it as "former participant" in their language. */
export const DELETED_ACCOUNT_NAME = 'former participant';

export const VERIFICATION_LINK_LIFETIME_MS = 48 * 60 * 60 * 1000;

import type { Locale } from '$lib/paraglide/runtime';
export type { Locale };

function isUniqueViolation(error: unknown): boolean {
	const cause = (error as { cause?: { code?: string }; code?: string } | null) ?? {};
	return cause.code === '23505' || cause.cause?.code === '23505';
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

function verificationMail({ origin, locale }: MailContext, to: string, name: string, token: string) {
	const options = { locale };
	return composeLinkMail({
		to,
		subject: m.account_mail_verify_subject({}, options),
		before: [m.account_mail_greeting({ name }, options), m.account_mail_verify_body({}, options)],
		link: `${origin}${localizeHref('/verify', { locale })}?token=${token}`,
		after: [m.account_mail_verify_expiry({}, options), m.account_mail_verify_ignore({}, options)]
	});
}

async function issueVerification(db: Executor, userId: string, now: Date) {
	const token = randomBytes(32).toString('base64url');
	await insertVerificationToken(db, {
		userId,
		tokenHash: hashToken(token),
		expiresAt: new Date(now.getTime() + VERIFICATION_LINK_LIFETIME_MS)
	});
	return token;
}

/**
 * Creates an install-wide account that cannot sign in until its address is proven, records the
 * consent to the privacy notice, and mails the verification link. Public sign-up is closed in
 * better-auth, so the account is written here with better-auth's own password hash.
 */
export async function registerAccount({
	db,
	mail,
	input,
	now = new Date()
}: {
	db: Database;
	mail: MailContext;
	input: { name: string; email: string; password: string };
	now?: Date;
}) {
	const email = input.email.trim().toLowerCase();
	if (await selectUserByEmail(db, email)) throw emailTaken({ email });
	const userId = randomUUID();
	const passwordHash = await hashPassword(input.password);
	const token = await db
		.transaction(async (tx) => {
			await insertUnverifiedUser(tx, { id: userId, name: input.name, email }, passwordHash);
			await insertConsent(tx, { userId, noticeVersion: PRIVACY_NOTICE_VERSION, locale: mail.locale, consentedAt: now });
			return issueVerification(tx, userId, now);
		})
		.catch((error: unknown) => {
			// The unique index on the address settles a race between two simultaneous registrations.
			if (isUniqueViolation(error)) throw emailTaken({ email });
			throw error;
		});
	await mail.mailer.send(verificationMail(mail, email, input.name, token));
	return { userId };
}

/** Sends a fresh link to an unverified account; says nothing about whether the address has an account. */
export async function resendVerification({ db, mail, email, now = new Date() }: { db: Database; mail: MailContext; email: string; now?: Date }) {
	const user = await selectUserByEmail(db, email.trim().toLowerCase());
	if (!user || user.emailVerified) return;
	const token = await issueVerification(db, user.id, now);
	await mail.mailer.send(verificationMail(mail, user.email, user.name, token));
}

export async function verifyEmail({ db, token, now = new Date() }: { db: Database; token: string; now?: Date }) {
	return db.transaction(async (tx) => {
		const found = await selectValidVerificationToken(tx, hashToken(token), now);
		if (!found) throw verificationLinkInvalid();
		await markEmailVerified(tx, found.userId);
		return { userId: found.userId };
	});
}

function requireSignedIn(actor: Actor | null): Actor {
	if (!actor) throw notSignedIn();
	return actor;
}

export async function getProfile({ db, actor }: { db: Database; actor: Actor | null }) {
	const self = requireSignedIn(actor);
	const [user, profile] = await Promise.all([selectUserById(db, self.userId), selectProfile(db, self.userId)]);
	return {
		name: user?.name ?? self.name,
		email: user?.email ?? self.email,
		languages: profile?.languages ?? [],
		notifyOnComments: profile?.notifyOnComments ?? true
	};
}

export async function updateProfile({
	db,
	actor,
	input
}: {
	db: Database;
	actor: Actor | null;
	input: { name: string; languages: string[]; notifyOnComments?: boolean };
}) {
	const self = requireSignedIn(actor);
	await db.transaction((tx) =>
		upsertProfile(tx, self.userId, { name: input.name, languages: [...new Set(input.languages)], notifyOnComments: input.notifyOnComments })
	);
}

/** Everything the platform keeps about the signed-in person, as one JSON-ready object (Art. 15 and 20 GDPR). */
export async function exportAccountData({ db, actor, now = new Date() }: { db: Database; actor: Actor | null; now?: Date }) {
	const self = requireSignedIn(actor);
	const [user, profile, consentRows, roles] = await Promise.all([
		selectUserById(db, self.userId),
		selectProfile(db, self.userId),
		selectConsentsOfUser(db, self.userId),
		selectRolesOfUser(db, self.userId)
	]);
	if (!user) throw notSignedIn();
	const contributions: Record<string, unknown> = {};
	for (const section of accountExportSections) contributions[section.key] = await section.collect(db, self.userId);
	return {
		exportedAt: now.toISOString(),
		account: {
			id: user.id,
			name: user.name,
			email: user.email,
			emailVerified: user.emailVerified,
			isPlatformAdmin: user.isPlatformAdmin,
			createdAt: user.createdAt.toISOString()
		},
		profile: { languages: profile?.languages ?? [], notifyOnComments: profile?.notifyOnComments ?? true },
		consents: consentRows.map((row) => ({ ...row, consentedAt: row.consentedAt.toISOString() })),
		roles: roles.map((row) => ({ municipality: row.municipalitySlug, municipalityName: row.municipalityName, role: row.role })),
		contributions
	};
}

/**
 * Deletes the person but keeps their contributions: the account row becomes a tombstone so that
 * references from other tables stay valid, and nothing identifying remains, not even in the audit log.
 */
export async function deleteAccount({ db, actor, password }: { db: Database; actor: Actor | null; password: string }) {
	const self = requireSignedIn(actor);
	const hash = await selectCredentialPassword(db, self.userId);
	if (!hash || !(await verifyPassword({ hash, password }))) throw wrongPassword();
	await db.transaction(async (tx) => {
		const user = await selectUserById(tx, self.userId);
		if (!user) throw notSignedIn();
		// A municipality left without an admin could only be rescued from the command line.
		for (const role of await selectRolesOfUser(tx, user.id)) {
			if (role.role === 'admin' && (await countAdmins(tx, role.municipalityId)) < 2) throw lastAdmin();
		}
		await pseudonymiseAuditEvents(tx, user.id, user.email, DELETED_ACCOUNT_NAME);
		await forgetPeopleOfAccount(tx, user.id);
		await forgetSubscriptionsOfAddress(tx, user.email);
		await replaceUserByTombstone(tx, user.id, user.email, DELETED_ACCOUNT_NAME);
		// Recorded without name or address: the entry only says that this account id was deleted.
		await recordChange(tx, {
			actor: { system: 'account self-service' },
			municipalityId: null,
			action: 'delete',
			entityType: 'account',
			entityId: user.id
		});
	});
}
