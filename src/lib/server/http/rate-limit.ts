import type pg from 'pg';
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { defineError } from '../shared/errors';

export const rateLimited = defineError('error_rate_limited', 429);

type Budget = { keyPrefix: string; points: number; duration: number };
type Store = (budget: Budget) => RateLimiterAbstract;

const DEFAULT_API_READS_PER_MINUTE = 600;

/**
 * The API's budget per address and minute, from API_RATE_LIMIT_PER_MINUTE (the benchmark raises it so
 * it measures the endpoints, not the wall). Anything but a positive whole number keeps the default.
 */
export function apiReadsPerMinute(value: string | undefined): number {
	if (!value || !/^\d{1,9}$/.test(value.trim())) return DEFAULT_API_READS_PER_MINUTE;
	const points = Number(value.trim());
	return points > 0 ? points : DEFAULT_API_READS_PER_MINUTE;
}

const budgets = {
	// Sign-in: only failures count — a handful per account and address, a wider budget per address
	// alone — so a whole office behind one address can still sign in at nine in the morning.
	signInPerAccount: { keyPrefix: 'sign-in-account', points: 5, duration: 15 * 60 },
	signInPerAddress: { keyPrefix: 'sign-in-address', points: 30, duration: 15 * 60 },
	// Writes by signed-in people: generous for real work, a wall for scripts gone wrong.
	writesPerActor: { keyPrefix: 'writes', points: 120, duration: 60 },
	// Registration sends mail: a few accounts per network address and a few mails per e-mail address an hour.
	registrationsPerAddress: { keyPrefix: 'register-address', points: 10, duration: 60 * 60 },
	verificationMailsPerEmail: { keyPrefix: 'verification-mail', points: 3, duration: 60 * 60 },
	// The open-data API: enough to walk a whole edition page by page, a wall for runaway harvesters.
	apiReadsPerAddress: { keyPrefix: 'api-reads', points: apiReadsPerMinute(process.env.API_RATE_LIMIT_PER_MINUTE), duration: 60 }
} satisfies Record<string, Budget>;

export const WRITES_PER_MINUTE = budgets.writesPerActor.points;

const limitersIn = (store: Store, writesPerMinute = WRITES_PER_MINUTE) =>
	Object.fromEntries(
		Object.entries(budgets).map(([name, budget]) => [name, store(name === 'writesPerActor' ? { ...budget, points: writesPerMinute } : budget)])
	) as Record<keyof typeof budgets, RateLimiterAbstract>;

export const memoryStore: Store = (budget) => new RateLimiterMemory(budget);

/** Counters in PostgreSQL, shared by every app instance on the database (table rate_limits, see its schema). */
export const postgresStore =
	(pool: pg.Pool): Store =>
	(budget) =>
		new RateLimiterPostgres({ ...budget, storeClient: pool, storeType: 'pool', tableName: 'rate_limits', tableCreated: true, clearExpiredByTimeout: true });

// In memory until the server has its database (tests of single functions run without one).
let limiters = limitersIn(memoryStore);

/**
 * The running server counts in its database, so that all instances behind a proxy share the limits.
 * `writesPerMinute` (WRITES_PER_MINUTE) replaces the write budget per account, for load tests only.
 */
export function useRateLimitStore(store: Store, writesPerMinute?: number): void {
	limiters = limitersIn(store, writesPerMinute);
}

async function consume(limiter: RateLimiterAbstract, key: string): Promise<void> {
	try {
		await limiter.consume(key);
	} catch (rejection) {
		if (rejection instanceof RateLimiterRes) {
			throw rateLimited({ seconds: Math.ceil(rejection.msBeforeNext / 1000) });
		}
		throw rejection;
	}
}

const signInLimits = (address: string, email: string): [RateLimiterAbstract, string][] => [
	[limiters.signInPerAddress, address],
	[limiters.signInPerAccount, `${address}|${email.toLowerCase()}`]
];

/** Refuses a sign-in attempt while too many recent attempts from this address (for this account) failed. */
export async function assertSignInAllowed(address: string, email: string): Promise<void> {
	for (const [limiter, key] of signInLimits(address, email)) {
		const state = await limiter.get(key);
		if (state && state.consumedPoints >= limiter.points) {
			throw rateLimited({ seconds: Math.ceil(state.msBeforeNext / 1000) });
		}
	}
}

export async function recordFailedSignIn(address: string, email: string): Promise<void> {
	for (const [limiter, key] of signInLimits(address, email)) {
		await limiter.consume(key).catch((rejection: unknown) => {
			if (!(rejection instanceof RateLimiterRes)) throw rejection;
		});
	}
}

export async function forgetSignInFailures(address: string, email: string): Promise<void> {
	await limiters.signInPerAccount.delete(`${address}|${email.toLowerCase()}`);
}

export async function limitWrites(actorKey: string): Promise<void> {
	await consume(limiters.writesPerActor, actorKey);
}


/** Registering and asking for another verification link share one budget: both send mail. */
export async function limitRegistration(address: string, email: string): Promise<void> {
	await consume(limiters.registrationsPerAddress, address);
	await consume(limiters.verificationMailsPerEmail, email.toLowerCase());
}

/** Reads of the open-data API, counted per network address (it knows no accounts). */
export async function limitApiReads(address: string): Promise<void> {
	await consume(limiters.apiReadsPerAddress, address);
}

export const API_READS_PER_MINUTE = budgets.apiReadsPerAddress.points;
