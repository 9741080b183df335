// People owns accounts (through better-auth), sessions and the roles an account holds per municipality.
// It turns a request's session cookie into an Actor; every authorisation decision starts from that.
import { randomBytes, randomUUID } from 'node:crypto';
import { hashPassword } from './password-hash';
import { isAuthApiError } from './auth-error';
import type { Database } from '../db/client';
import { selectMunicipalityBySlug } from '../tenancy/tenancy.queries';
import { municipalityNotFound } from '../tenancy/tenancy.errors';
import type { Actor } from './actor';
import type { Auth } from './auth';
import { emailNotVerified } from './account.errors';
import { emailTaken, invalidCredentials } from './people.errors';
import {
	insertRoleAssignment,
	insertUserWithPassword,
	selectRolesOfUser,
	selectUserByEmail,
	selectUserById
} from './people.queries';
import type { Role } from './people.schema';

export async function resolveActor({ db, auth, headers }: { db: Database; auth: Auth; headers: Headers }) {
	const session = await auth.api.getSession({ headers });
	if (!session) return null;
	const [user, memberships] = await Promise.all([
		selectUserById(db, session.user.id),
		selectRolesOfUser(db, session.user.id)
	]);
	if (!user) return null;
	const actor: Actor = {
		userId: user.id,
		name: user.name,
		email: user.email,
		isPlatformAdmin: user.isPlatformAdmin,
		memberships
	};
	return actor;
}

/** Checks the password and returns the Set-Cookie headers of the new session. */
export async function signIn({ auth, email, password, headers }: { auth: Auth; email: string; password: string; headers: Headers }) {
	try {
		const result = await auth.api.signInEmail({ body: { email, password }, headers, returnHeaders: true });
		return result.headers;
	} catch (error) {
		// better-auth says so only after the password matched, so this reveals nothing to a stranger.
		if (isAuthApiError(error) && error.body?.code === 'EMAIL_NOT_VERIFIED') throw emailNotVerified();
		if (isAuthApiError(error)) throw invalidCredentials();
		throw error;
	}
}

export async function signOut({ auth, headers }: { auth: Auth; headers: Headers }) {
	const result = await auth.api.signOut({ headers, returnHeaders: true });
	return result.headers;
}

/** How many devices (sessions) the signed-in person is signed in on, this one included. */
export async function countOwnSessions({ auth, headers }: { auth: Auth; headers: Headers }): Promise<number> {
	const sessions = await auth.api.listSessions({ headers });
	return sessions.length;
}

/**
 * Ends every session of the signed-in person: the others first, while this one still proves who is
 * asking, then this one, whose answer carries the headers that clear the cookie.
 */
export async function signOutEverywhere({ auth, headers }: { auth: Auth; headers: Headers }) {
	await auth.api.revokeOtherSessions({ headers });
	return signOut({ auth, headers });
}

export function generatePassword(): string {
	return randomBytes(18).toString('base64url');
}

/**
 * Creates an account with a role in a municipality, or an install-wide administrator.
 * Used by the admin command line, which runs with the operator's authority. Public sign-up is
 * closed in better-auth, so the account is written here with better-auth's own password hash.
 */
export async function createAccount({
	db,
	email,
	name,
	password,
	municipalitySlug,
	role,
	isPlatformAdmin
}: {
	db: Database;
	email: string;
	name: string;
	password: string;
	municipalitySlug?: string;
	role: Role;
	isPlatformAdmin: boolean;
}) {
	const municipality = municipalitySlug ? await selectMunicipalityBySlug(db, municipalitySlug) : undefined;
	if (municipalitySlug && !municipality) throw municipalityNotFound({ slug: municipalitySlug });
	const normalisedEmail = email.trim().toLowerCase();
	if (await selectUserByEmail(db, normalisedEmail)) throw emailTaken({ email: normalisedEmail });
	const userId = randomUUID();
	const passwordHash = await hashPassword(password);
	await db.transaction(async (tx) => {
		await insertUserWithPassword(tx, { id: userId, name, email: normalisedEmail, isPlatformAdmin }, passwordHash);
		if (municipality) await insertRoleAssignment(tx, municipality.municipality.id, userId, role);
	});
	return { userId };
}
