import { z } from 'zod';

export const signInSchema = z.object({
	email: z.string().trim().toLowerCase().pipe(z.email({ message: 'validation_email' })),
	password: z.string().min(1, { message: 'validation_required' }).max(500, { message: 'validation_too_long' })
});

const role = z.enum(['admin', 'facilitator', 'moderator', 'editor', 'member', 'participant'], { message: 'validation_invalid' });

export const grantRoleSchema = z.object({
	email: z.string().trim().toLowerCase().pipe(z.email({ message: 'validation_email' })),
	role
});

export const revokeRoleSchema = z.object({ userId: z.string().min(1).max(100), role });
