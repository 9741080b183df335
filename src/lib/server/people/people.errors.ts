import { defineError } from '../shared/errors';

export const invalidCredentials = defineError('people_invalid_credentials', 400);
export const tooManyAttempts = defineError('people_too_many_attempts', 429);
export const emailTaken = defineError('people_email_taken', 409);
export const accountNotFound = defineError('people_account_not_found', 404);
export const lastAdmin = defineError('people_last_admin', 409);
