import { z } from 'zod';

export const declareMembershipSchema = z.object({
	municipalityId: z.uuid({ message: 'validation_invalid' }),
	organisationId: z.uuid({ message: 'validation_choose' })
});
export type DeclareMembershipInput = z.output<typeof declareMembershipSchema>;

export const removeMembershipSchema = z.object({ membershipId: z.uuid({ message: 'validation_invalid' }) });
