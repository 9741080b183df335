import { z } from 'zod';
import { legalPageKinds } from '$lib/server/tenancy/legal.schema';

const text = (max: number) => z.string().trim().max(max, { message: 'validation_too_long' });

export const legalPageSchema = z.object({
	kind: z.enum(legalPageKinds, { message: 'validation_invalid' }),
	body: text(100_000).default('')
});
export type LegalPageInput = z.infer<typeof legalPageSchema>;

export const accessibilityFeedbackSchema = z.object({
	name: text(120).default(''),
	email: z.union([z.literal(''), z.email({ message: 'validation_email' }).max(254, { message: 'validation_too_long' })]).default(''),
	message: text(5000).min(1, { message: 'validation_required' }),
	// The page the visitor came from, as a path on this site; anything else is dropped rather than refused.
	page: z
		.string()
		.trim()
		.max(500)
		.default('')
		.transform((value) => (value.startsWith('/') && !value.startsWith('//') ? value : '')),
	// Left empty by people; filled in by bots that complete every field.
	website: z.string().max(500).default('')
});
export type AccessibilityFeedbackInput = z.infer<typeof accessibilityFeedbackSchema>;
