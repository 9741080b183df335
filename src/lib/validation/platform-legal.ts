import { z } from 'zod';
import { platformLegalPageKinds } from '$lib/server/tenancy/platform-legal.schema';

export const platformLegalPageSchema = z.object({
	kind: z.enum(platformLegalPageKinds, { message: 'validation_invalid' }),
	body: z.string().trim().max(100_000, { message: 'validation_too_long' }).default('')
});
export type PlatformLegalPageInput = z.infer<typeof platformLegalPageSchema>;
