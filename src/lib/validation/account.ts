import { z } from 'zod';

/** Languages people in German cities commonly speak; names come from Intl.DisplayNames in the page language. */
export const SPOKEN_LANGUAGES = [
	'de', 'en', 'ar', 'tr', 'ru', 'uk', 'pl', 'ro', 'bg', 'fa', 'prs', 'ps', 'ku', 'ckb', 'ti', 'so', 'am', 'sq', 'sr', 'hr',
	'bs', 'el', 'it', 'es', 'fr', 'pt', 'vi', 'zh', 'ur', 'hi', 'ta', 'bn', 'tk', 'az', 'ka', 'hy', 'nl'
] as const;

/** The shortest password any form accepts; better-auth is configured with the same bounds. */
export const PASSWORD_MIN_LENGTH = 12;
/** better-auth refuses longer passwords at sign-in, so no form may accept one that could never sign in. */
export const PASSWORD_MAX_LENGTH = 128;

export const emailAddress = z.string().trim().toLowerCase().max(254, { message: 'validation_too_long' }).pipe(z.email({ message: 'validation_email' }));
const email = emailAddress;
const displayName = z.string().trim().min(2, { message: 'validation_required' }).max(80, { message: 'validation_too_long' });

export const registerSchema = z.object({
	name: displayName,
	email,
	password: z.string().min(PASSWORD_MIN_LENGTH, { message: 'validation_password_length' }).max(PASSWORD_MAX_LENGTH, { message: 'validation_too_long' }),
	consent: z.literal('yes', { message: 'validation_consent_required' })
});

/** A token from a link in a mail: ours are base64url, better-auth's reset tokens alphanumeric. */
export const mailedToken = z.string().regex(/^[\w-]{20,100}$/, { message: 'validation_invalid' });

export const verifySchema = z.object({ token: mailedToken });

export const resendSchema = z.object({ email });

const languages = z
	.union([z.string(), z.array(z.string())])
	.optional()
	.transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]))
	.pipe(z.array(z.enum(SPOKEN_LANGUAGES, { message: 'validation_choose' })).max(SPOKEN_LANGUAGES.length));

// A checkbox sends its value only when ticked.
const ticked = z
	.union([z.literal('on'), z.literal('')])
	.optional()
	.transform((value) => value === 'on');

export const profileSchema = z.object({ name: displayName, languages, notifyOnComments: ticked });

export const deleteAccountSchema = z.object({
	password: z.string().min(1, { message: 'validation_required' }).max(500, { message: 'validation_too_long' })
});

// Field names start with "password" so that a failed submission never echoes them back (see parseForm).
const newPassword = {
	passwordNew: z.string().min(PASSWORD_MIN_LENGTH, { message: 'validation_password_length' }).max(PASSWORD_MAX_LENGTH, { message: 'validation_too_long' }),
	passwordRepeated: z.string().max(500, { message: 'validation_too_long' })
};
const repeatedAlike = (value: { passwordNew: string; passwordRepeated: string }) => value.passwordNew === value.passwordRepeated;
const mismatch = { path: ['passwordRepeated'], message: 'validation_password_mismatch' };

export const changePasswordSchema = z
	.object({ password: z.string().min(1, { message: 'validation_required' }).max(500, { message: 'validation_too_long' }), ...newPassword })
	.refine(repeatedAlike, mismatch);

export const passwordResetRequestSchema = z.object({ email });

export const passwordResetSchema = z.object({ token: mailedToken, ...newPassword }).refine(repeatedAlike, mismatch);
