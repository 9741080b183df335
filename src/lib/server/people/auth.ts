import { randomBytes } from 'node:crypto';
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import type { Database } from '../db/client';
import { authCredentials, authSessions, authUsers, authVerifications } from './people.schema';

export const SESSION_COOKIE_PREFIX = 'leitbild';

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
		emailAndPassword: { enabled: true, minPasswordLength: 12, disableSignUp: true, requireEmailVerification: true },
		advanced: {
			cookiePrefix: SESSION_COOKIE_PREFIX,
			database: { generateId: () => crypto.randomUUID() }
		},
		session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
		// Sign-in goes through our own form action, which applies its own rate limit per address and account.
		rateLimit: { enabled: false },
		telemetry: { enabled: false }
	});
}

export type Auth = ReturnType<typeof createAuth>;
