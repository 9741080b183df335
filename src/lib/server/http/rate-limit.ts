import type pg from 'pg';
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { defineError } from '../shared/errors';

export const rateLimited = defineError('error_rate_limited', 429);
// Budgets counted by the hour would otherwise ask people to wait "2917 seconds".
const rateLimitedForMinutes = defineError('error_rate_limited_minutes', 429);

/** The refusal names the wait in seconds while it is short and in whole minutes (rounded up) beyond that. */
export function refusalAfter(msBeforeNext: number) {
	const seconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
	return seconds > 90 ? rateLimitedForMinutes({ seconds, minutes: Math.ceil(seconds / 60) }) : rateLimited({ seconds });
}

type Budget = { keyPrefix: string; points: number; duration: number };
type Store = (budget: Budget) => RateLimiterAbstract;

const DEFAULT_API_READS_PER_MINUTE = 600;
/** The values API_RATE_LIMIT_PER_MINUTE may take (config.ts refuses others at start); zero is refused too. */
export const API_READS_PER_MINUTE_PATTERN = /^\d{1,9}$/;

/**
 * The API's budget per address and minute, from API_RATE_LIMIT_PER_MINUTE (the benchmark raises it so
 * it measures the endpoints, not the wall). Anything but a positive whole number keeps the default.
 */
export function apiReadsPerMinute(value: string | undefined): number {
	if (!value || !API_READS_PER_MINUTE_PATTERN.test(value.trim())) return DEFAULT_API_READS_PER_MINUTE;
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
	// Contributions per account (or, for guests, per address) and hour: more than anyone writes by hand on a
	// busy evening, far fewer than a script flooding the public pages. Facilitators transcribing a workshop's
	// cards are not counted here (transcription is staff work, budgeted by writesPerActor alone).
	ideasPerActor: { keyPrefix: 'ideas', points: 20, duration: 60 * 60 },
	commentsPerActor: { keyPrefix: 'comments', points: 60, duration: 60 * 60 },
	eventRegistrationsPerActor: { keyPrefix: 'event-registrations', points: 30, duration: 60 * 60 },
	verificationMailsPerEmail: { keyPrefix: 'verification-mail', points: 3, duration: 60 * 60 },
	// The open-data API: enough to walk a whole edition page by page, a wall for runaway harvesters.
	apiReadsPerAddress: { keyPrefix: 'api-reads', points: apiReadsPerMinute(process.env.API_RATE_LIMIT_PER_MINUTE), duration: 60 }
} satisfies Record<string, Budget>;

export const WRITES_PER_MINUTE = budgets.writesPerActor.points;

/** Budgets the configuration may replace (see config.ts and the README's table); each is a count per window. */
export type LimitOverrides = Partial<
	Record<'writesPerActor' | 'registrationsPerAddress' | 'ideasPerActor' | 'commentsPerActor' | 'eventRegistrationsPerActor', number>
>;

/** The default budgets, for documentation and tests. */
export const DEFAULT_LIMITS = {
	writesPerMinute: budgets.writesPerActor.points,
	signUpsPerHour: budgets.registrationsPerAddress.points,
	ideasPerHour: budgets.ideasPerActor.points,
	commentsPerHour: budgets.commentsPerActor.points,
	eventRegistrationsPerHour: budgets.eventRegistrationsPerActor.points
} as const;

const limitersIn = (store: Store, overrides: LimitOverrides = {}) =>
	Object.fromEntries(
		Object.entries(budgets).map(([name, budget]) => {
			const points = overrides[name as keyof LimitOverrides];
			return [name, store(points === undefined ? budget : { ...budget, points })];
		})
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
 * `limits` replaces budgets from the configuration; a bare number replaces the write budget per
 * account (WRITES_PER_MINUTE, for load tests).
 */
export function useRateLimitStore(store: Store, limits?: number | LimitOverrides): void {
	limiters = limitersIn(store, typeof limits === 'number' ? { writesPerActor: limits } : limits);
}

async function consume(limiter: RateLimiterAbstract, key: string): Promise<void> {
	try {
		await limiter.consume(key);
	} catch (rejection) {
		if (rejection instanceof RateLimiterRes) throw refusalAfter(rejection.msBeforeNext);
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
			throw refusalAfter(state.msBeforeNext);
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


/** Registering, asking for another verification link and asking for a password-reset link share one budget: each sends mail. */
export async function limitRegistration(address: string, email: string): Promise<void> {
	await consume(limiters.registrationsPerAddress, address);
	await consume(limiters.verificationMailsPerEmail, email.toLowerCase());
}

/** Ideas submitted by one account an hour (transcriptions by staff are not counted). */
export async function limitIdeas(actorKey: string): Promise<void> {
	await consume(limiters.ideasPerActor, actorKey);
}

/** Comments on ideas and on document paragraphs share one budget per account and hour. */
export async function limitComments(actorKey: string): Promise<void> {
	await consume(limiters.commentsPerActor, actorKey);
}

/** Event registrations per account, or for guests per network address, and hour: each one sends mail. */
export async function limitEventRegistrations(actorKey: string): Promise<void> {
	await consume(limiters.eventRegistrationsPerActor, actorKey);
}

/** Reads of the open-data API, counted per network address (it knows no accounts). */
export async function limitApiReads(address: string): Promise<void> {
	await consume(limiters.apiReadsPerAddress, address);
}

export const API_READS_PER_MINUTE = budgets.apiReadsPerAddress.points;
