import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { defineError } from '../shared/errors';

export const rateLimited = defineError('error_rate_limited', 429);

// Sign-in: only failures count — a handful per account and address, a wider budget per address
// alone — so a whole office behind one address can still sign in at nine in the morning.
const signInPerAccount = new RateLimiterMemory({ keyPrefix: 'sign-in-account', points: 5, duration: 15 * 60 });
const signInPerAddress = new RateLimiterMemory({ keyPrefix: 'sign-in-address', points: 30, duration: 15 * 60 });
// Writes by signed-in people: generous for real work, a wall for scripts gone wrong.
const writesPerActor = new RateLimiterMemory({ keyPrefix: 'writes', points: 120, duration: 60 });

async function consume(limiter: RateLimiterMemory, key: string): Promise<void> {
	try {
		await limiter.consume(key);
	} catch (rejection) {
		if (rejection instanceof RateLimiterRes) {
			throw rateLimited({ seconds: Math.ceil(rejection.msBeforeNext / 1000) });
		}
		throw rejection;
	}
}

const signInLimits = (address: string, email: string): [RateLimiterMemory, string][] => [
	[signInPerAddress, address],
	[signInPerAccount, `${address}|${email.toLowerCase()}`]
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
	await signInPerAccount.delete(`${address}|${email.toLowerCase()}`);
}

export async function limitWrites(actorKey: string): Promise<void> {
	await consume(writesPerActor, actorKey);
}

// Registration sends mail: a few accounts per network address and a few mails per e-mail address an hour.
const registrationsPerAddress = new RateLimiterMemory({ keyPrefix: 'register-address', points: 10, duration: 60 * 60 });
const verificationMailsPerEmail = new RateLimiterMemory({ keyPrefix: 'verification-mail', points: 3, duration: 60 * 60 });

/** Registering and asking for another verification link share one budget: both send mail. */
export async function limitRegistration(address: string, email: string): Promise<void> {
	await consume(registrationsPerAddress, address);
	await consume(verificationMailsPerEmail, email.toLowerCase());
}
