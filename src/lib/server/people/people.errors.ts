import { defineError } from '../shared/errors';

export const invalidCredentials = defineError('people_invalid_credentials', 400);
export const tooManyAttempts = defineError('people_too_many_attempts', 429);
export const emailTaken = defineError('people_email_taken', 409);
