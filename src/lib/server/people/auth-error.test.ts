import { APIError } from 'better-auth/api';
import { expect, it } from 'vitest';
import { isAuthApiError } from './auth-error';

it('recognises better-auth’s own errors, and no others', () => {
	const refused = new APIError('UNAUTHORIZED', { code: 'INVALID_EMAIL_OR_PASSWORD', message: 'Invalid email or password' });
	expect(isAuthApiError(refused)).toBe(true);
	expect(isAuthApiError(refused) && refused.body?.code).toBe('INVALID_EMAIL_OR_PASSWORD');
	expect(isAuthApiError(new Error('connect ECONNREFUSED'))).toBe(false);
	expect(isAuthApiError({ name: 'APIError', status: 'UNAUTHORIZED' })).toBe(false);
});
