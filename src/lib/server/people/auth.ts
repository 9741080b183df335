import { randomBytes } from 'node:crypto';
// Without Kysely, which better-auth needs only when it talks to the database itself rather than through an adapter.
import { betterAuth } from 'better-auth/minimal';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '$lib/validation/account';
import type { Database } from '../db/client';
import { logger } from '../observability/logger';
import { PASSWORD_RESET_LINK_LIFETIME_S, passwordResetHooks } from './password.service';
import { authCredentials, authSessions, authUsers, authVerifications } from './people.schema';
import { SESSION_COOKIE_PREFIX } from './session-cookie';

export type AuthOptions = { db: Database; secret: string | undefined; demo: boolean; baseURL?: string };

function resolveSecret({ secret, demo }: AuthOptions): string {
	if (secret) return secret;
	// Outside demo mode a missing secret is a setup error, not something to paper over.
	if (!demo) throw new Error('AUTH_SECRET is not set: give it at least 32 random characters');
	return randomBytes(32).toString('hex');
}

/** better-auth keeps accounts, password hashes and database sessions; we call it from form actions. */
export function createAuth(options: AuthOptions) {
	return betterAuth({
		secret: resolveSecret(options),
		baseURL: options.baseURL ?? 'http://localhost:3000',
		database: drizzleAdapter(options.db, {
			provider: 'pg',
			schema: { user: authUsers, session: authSessions, account: authCredentials, verification: authVerifications }
		}),
		// Residents register through the account service; until they prove their address they cannot sign in.
		emailAndPassword: {
			enabled: true,
			minPasswordLength: PASSWORD_MIN_LENGTH,
			maxPasswordLength: PASSWORD_MAX_LENGTH,
			disableSignUp: true,
			requireEmailVerification: true,
			resetPasswordTokenExpiresIn: PASSWORD_RESET_LINK_LIFETIME_S,
			// Whoever used the old password on another device is signed out with it.
			revokeSessionsOnPasswordReset: true,
			...passwordResetHooks(options.db)
		},
		// Reset tokens are kept as hashes: a copy of the database must not let anyone set a password.
		verification: { storeIdentifier: 'hashed' },
		advanced: {
			cookiePrefix: SESSION_COOKIE_PREFIX,
			database: { generateId: () => crypto.randomUUID() }
		},
		session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
		// Sign-in goes through our own form action, which applies its own rate limit per address and account.
		rateLimit: { enabled: false },
		telemetry: { enabled: false },
		// Into the JSON log with everything else. Only the message: the further arguments can hold a user record.
		logger: { log: (level, message) => logger[level]({ source: 'better-auth' }, message) }
	});
}

export type Auth = ReturnType<typeof createAuth>;
