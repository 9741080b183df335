import { afterAll, beforeAll, expect, it } from 'vitest';
import { connectDatabase, type DatabaseConnection } from '../db/client';
import { createTestDatabase, type TestDatabase } from '../db/test-db';
import { isDomainError } from '../shared/errors';
import { assertSignInAllowed, limitWrites, memoryStore, postgresStore, recordFailedSignIn, useRateLimitStore } from './rate-limit';

let test: TestDatabase;
// Two connection pools to one database stand for two app instances behind a proxy.
let first: DatabaseConnection;
let second: DatabaseConnection;

beforeAll(async () => {
	test = await createTestDatabase();
	first = connectDatabase(test.url, { max: 2 });
	second = connectDatabase(test.url, { max: 2 });
});

afterAll(async () => {
	useRateLimitStore(memoryStore);
	await Promise.all([first.close(), second.close()]);
	await test.drop();
});

const refusal = (promise: Promise<unknown>) =>
	promise.then(
		() => null,
		(error: unknown) => (isDomainError(error) ? error.code : Promise.reject(error))
	);

it('failed sign-ins counted by one instance lock the account on the other', async () => {
	useRateLimitStore(postgresStore(first.pool));
	for (let attempt = 0; attempt < 5; attempt++) await recordFailedSignIn('10.1.0.1', 'ada@example.org');
	useRateLimitStore(postgresStore(second.pool));
	expect(await refusal(assertSignInAllowed('10.1.0.1', 'ada@example.org'))).toBe('error_rate_limited_minutes');
	expect(await refusal(assertSignInAllowed('10.1.0.1', 'bert@example.org'))).toBeNull();
});

it('writes are budgeted across instances, not per instance', async () => {
	for (let write = 0; write < 120; write++) {
		useRateLimitStore(postgresStore(write % 2 === 0 ? first.pool : second.pool));
		await limitWrites('user-1');
	}
	expect(await refusal(limitWrites('user-1'))).toBe('error_rate_limited');
	expect(await refusal(limitWrites('user-2'))).toBeNull();
});
