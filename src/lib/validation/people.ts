import { z } from 'zod';

export const signInSchema = z.object({
	email: z.string().trim().toLowerCase().pipe(z.email({ message: 'validation_email' })),
	password: z.string().min(1, { message: 'validation_required' }).max(500, { message: 'validation_too_long' })
});
