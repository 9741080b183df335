import { expect, it } from 'vitest';
import { isDomainError } from '../shared/errors';
import { readConfig } from '../config';
import { assertSignInAllowed, DEFAULT_LIMITS, forgetSignInFailures, limitComments, limitIdeas, limitWrites, memoryStore, recordFailedSignIn, refusalAfter, useRateLimitStore, WRITES_PER_MINUTE } from './rate-limit';

const refusal = (promise: Promise<unknown>) =>
	promise.then(
		() => null,
		(error: unknown) => (isDomainError(error) ? error.code : Promise.reject(error))
	);

it('five failed sign-ins lock that account from that address, but not other accounts', async () => {
	for (let attempt = 0; attempt < 5; attempt++) {
		expect(await refusal(assertSignInAllowed('10.0.0.1', 'a@example.org'))).toBeNull();
		await recordFailedSignIn('10.0.0.1', 'A@example.org');
	}
	expect(await refusal(assertSignInAllowed('10.0.0.1', 'a@example.org'))).toBe('error_rate_limited_minutes');
	expect(await refusal(assertSignInAllowed('10.0.0.1', 'b@example.org'))).toBeNull();
	expect(await refusal(assertSignInAllowed('10.0.0.2', 'a@example.org'))).toBeNull();
});

it('successful sign-ins never count, so many people behind one address can sign in', async () => {
	for (let person = 0; person < 100; person++) {
		expect(await refusal(assertSignInAllowed('10.0.0.3', `person${person}@example.org`))).toBeNull();
		await forgetSignInFailures('10.0.0.3', `person${person}@example.org`);
	}
});

it('thirty failures from one address lock every account from there', async () => {
	for (let attempt = 0; attempt < 30; attempt++) await recordFailedSignIn('10.0.0.4', `guess${attempt}@example.org`);
	expect(await refusal(assertSignInAllowed('10.0.0.4', 'new@example.org'))).toBe('error_rate_limited_minutes');
});

it('an account may write 120 times a minute, unless a load test raises the budget with WRITES_PER_MINUTE', async () => {
	useRateLimitStore(memoryStore);
	for (let write = 0; write < WRITES_PER_MINUTE; write++) await limitWrites('writer');
	expect(WRITES_PER_MINUTE).toBe(120);
	expect(await refusal(limitWrites('writer'))).toBe('error_rate_limited');

	const raised = readConfig({ WRITES_PER_MINUTE: '500' });
	expect(raised.writesPerMinute).toBe(500);
	expect(readConfig({}).writesPerMinute).toBeUndefined();
	useRateLimitStore(memoryStore, raised.writesPerMinute);
	for (let write = 0; write < 500; write++) await limitWrites('soak');
	expect(await refusal(limitWrites('soak'))).toBe('error_rate_limited');
	useRateLimitStore(memoryStore);
});

it('a short wait is named in seconds, a long one in whole minutes rounded up', () => {
	expect(refusalAfter(42_300)).toMatchObject({ code: 'error_rate_limited', status: 429, params: { seconds: 43 } });
	expect(refusalAfter(61 * 60_000)).toMatchObject({ code: 'error_rate_limited_minutes', status: 429, params: { minutes: 61 } });
});

it('the hourly budgets for sign-ups, ideas, comments and event registrations come from the environment; anything but a positive whole number stops the start', async () => {
	expect(readConfig({}).limits).toEqual({});
	expect(readConfig({ IDEAS_PER_HOUR: '3', COMMENTS_PER_HOUR: '4', EVENT_REGISTRATIONS_PER_HOUR: '5', SIGN_UPS_PER_HOUR: '6' }).limits).toEqual({
		ideasPerActor: 3,
		commentsPerActor: 4,
		eventRegistrationsPerActor: 5,
		registrationsPerAddress: 6
	});
	for (const wrong of ['0', '-1', '2.5', 'viele']) expect(() => readConfig({ IDEAS_PER_HOUR: wrong })).toThrow(/IDEAS_PER_HOUR/);

	useRateLimitStore(memoryStore, readConfig({ IDEAS_PER_HOUR: '3' }).limits);
	for (let idea = 0; idea < 3; idea++) await limitIdeas('ada');
	expect(await refusal(limitIdeas('ada'))).toBe('error_rate_limited_minutes');
	expect(await refusal(limitComments('ada'))).toBeNull();
	useRateLimitStore(memoryStore);
	for (let idea = 0; idea < DEFAULT_LIMITS.ideasPerHour; idea++) await limitIdeas('bert');
	expect(await refusal(limitIdeas('bert'))).toBe('error_rate_limited_minutes');
});
