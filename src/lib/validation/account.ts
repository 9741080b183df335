import { z } from 'zod';

/** Languages people in German cities commonly speak; names come from Intl.DisplayNames in the page language. */
export const SPOKEN_LANGUAGES = [
	'de', 'en', 'ar', 'tr', 'ru', 'uk', 'pl', 'ro', 'bg', 'fa', 'prs', 'ps', 'ku', 'ckb', 'ti', 'so', 'am', 'sq', 'sr', 'hr',
	'bs', 'el', 'it', 'es', 'fr', 'pt', 'vi', 'zh', 'ur', 'hi', 'ta', 'bn', 'tk', 'az', 'ka', 'hy', 'nl'
] as const;

const email = z.string().trim().toLowerCase().max(254, { message: 'validation_too_long' }).pipe(z.email({ message: 'validation_email' }));
const displayName = z.string().trim().min(2, { message: 'validation_required' }).max(80, { message: 'validation_too_long' });

export const registerSchema = z.object({
	name: displayName,
	email,
	password: z.string().min(12, { message: 'validation_password_length' }).max(500, { message: 'validation_too_long' }),
	consent: z.literal('yes', { message: 'validation_consent_required' })
});

export const verifySchema = z.object({ token: z.string().regex(/^[\w-]{20,100}$/, { message: 'validation_invalid' }) });

export const resendSchema = z.object({ email });

const languages = z
	.union([z.string(), z.array(z.string())])
	.optional()
	.transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]))
	.pipe(z.array(z.enum(SPOKEN_LANGUAGES, { message: 'validation_choose' })).max(SPOKEN_LANGUAGES.length));

export const profileSchema = z.object({ name: displayName, languages });

export const deleteAccountSchema = z.object({
	password: z.string().min(1, { message: 'validation_required' }).max(500, { message: 'validation_too_long' })
});
