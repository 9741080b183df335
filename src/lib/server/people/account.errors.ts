import { defineError } from '../shared/errors';

export const verificationLinkInvalid = defineError('account_verification_invalid', 400);
export const emailNotVerified = defineError('account_email_not_verified', 403);
export const wrongPassword = defineError('account_wrong_password', 400);
export const passwordResetLinkInvalid = defineError('password_reset_link_invalid', 400);
export const demoPasswordFixed = defineError('password_demo_fixed', 409);
