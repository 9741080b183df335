import { and, asc, eq, gt, or, sql } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { auditEvents } from '../audit/audit.schema';
import { accountProfiles, consents, emailVerificationTokens } from './account.schema';
import { authCredentials, authSessions, authUsers, authVerifications, roleAssignments } from './people.schema';

export async function insertUnverifiedUser(
	db: Executor,
	user: { id: string; name: string; email: string },
	passwordHash: string
) {
	await db.insert(authUsers).values({ ...user, emailVerified: false, isPlatformAdmin: false });
	// better-auth keeps e-mail/password sign-in as a "credential" account of the user.
	await db
		.insert(authCredentials)
		.values({ id: crypto.randomUUID(), accountId: user.id, providerId: 'credential', userId: user.id, password: passwordHash });
}

export async function insertConsent(db: Executor, consent: { userId: string; noticeVersion: string; locale: string; consentedAt: Date }) {
	await db.insert(consents).values(consent);
}

export async function insertVerificationToken(db: Executor, token: { userId: string; tokenHash: string; expiresAt: Date }) {
	await db.insert(emailVerificationTokens).values(token);
}

/** The token's account, if the token exists and has not expired at `now`. */
export async function selectValidVerificationToken(db: Executor, tokenHash: string, now: Date) {
	const [row] = await db
		.select({ id: emailVerificationTokens.id, userId: emailVerificationTokens.userId })
		.from(emailVerificationTokens)
		.where(and(eq(emailVerificationTokens.tokenHash, tokenHash), gt(emailVerificationTokens.expiresAt, now)))
		.limit(1);
	return row;
}

export async function markEmailVerified(db: Executor, userId: string) {
	await db.update(authUsers).set({ emailVerified: true, updatedAt: new Date() }).where(eq(authUsers.id, userId));
	await db.delete(emailVerificationTokens).where(eq(emailVerificationTokens.userId, userId));
}

export async function selectCredentialPassword(db: Executor, userId: string) {
	const [row] = await db
		.select({ password: authCredentials.password })
		.from(authCredentials)
		.where(and(eq(authCredentials.userId, userId), eq(authCredentials.providerId, 'credential')))
		.limit(1);
	return row?.password ?? undefined;
}

export async function selectProfile(db: Executor, userId: string) {
	const [row] = await db.select().from(accountProfiles).where(eq(accountProfiles.userId, userId)).limit(1);
	return row;
}

export async function upsertProfile(db: Executor, userId: string, profile: { name: string; languages: string[]; notifyOnComments?: boolean }) {
	const now = new Date();
	await db.update(authUsers).set({ name: profile.name, updatedAt: now }).where(eq(authUsers.id, userId));
	const values = { languages: profile.languages, ...(profile.notifyOnComments === undefined ? {} : { notifyOnComments: profile.notifyOnComments }), updatedAt: now };
	await db
		.insert(accountProfiles)
		.values({ userId, ...values })
		.onConflictDoUpdate({ target: accountProfiles.userId, set: values });
}

export async function selectConsentsOfUser(db: Executor, userId: string) {
	return db
		.select({ noticeVersion: consents.noticeVersion, locale: consents.locale, consentedAt: consents.consentedAt })
		.from(consents)
		.where(eq(consents.userId, userId))
		.orderBy(asc(consents.consentedAt))
		.limit(500);
}

/**
 * Turns the account into a tombstone: the row stays so that contributions keep a valid author, but
 * nothing in it or in its satellites identifies the person any more.
 */
export async function replaceUserByTombstone(db: Executor, userId: string, oldEmail: string, marker: string) {
	await db.delete(authSessions).where(eq(authSessions.userId, userId));
	await db.delete(authCredentials).where(eq(authCredentials.userId, userId));
	await db.delete(authVerifications).where(eq(authVerifications.identifier, oldEmail));
	await db.delete(consents).where(eq(consents.userId, userId));
	await db.delete(accountProfiles).where(eq(accountProfiles.userId, userId));
	await db.delete(emailVerificationTokens).where(eq(emailVerificationTokens.userId, userId));
	await db.delete(roleAssignments).where(eq(roleAssignments.userId, userId));
	await db
		.update(authUsers)
		.set({ name: marker, email: `deleted-${userId}@invalid`, emailVerified: false, image: null, isPlatformAdmin: false, updatedAt: new Date() })
		.where(eq(authUsers.id, userId));
}

/**
 * The audit log keeps what happened, not who the person was: labels and before/after snapshots that
 * name the account lose its name and address. Plain text replacement inside the JSON is safe here
 * because an e-mail address contains no character that JSON escapes.
 */
export async function pseudonymiseAuditEvents(db: Executor, userId: string, oldEmail: string, marker: string) {
	const pattern = `%${oldEmail.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
	await db
		.update(auditEvents)
		.set({
			actorLabel: sql`case when ${auditEvents.actorUserId} = ${userId} then ${marker} else replace(${auditEvents.actorLabel}, ${oldEmail}, ${marker}) end`,
			before: sql`replace(${auditEvents.before}::text, ${oldEmail}, ${marker})::jsonb`,
			after: sql`replace(${auditEvents.after}::text, ${oldEmail}, ${marker})::jsonb`
		})
		.where(
			or(
				eq(auditEvents.actorUserId, userId),
				sql`${auditEvents.actorLabel} ilike ${pattern}`,
				sql`${auditEvents.before}::text ilike ${pattern}`,
				sql`${auditEvents.after}::text ilike ${pattern}`
			)
		);
}
