import { z } from 'zod';
import { organisationSectors } from '../server/people/organisation.schema';

const text = (max: number) => z.string().trim().max(max, { message: 'validation_too_long' });
// A checkbox group arrives as nothing, one value or several.
const ids = (max: number) =>
	z.preprocess(
		(value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
		z.array(z.uuid({ message: 'validation_invalid' })).min(1, { message: 'validation_invitations_choose' }).max(max, { message: 'validation_invalid' })
	);
const emptyToUndefined = (value: unknown) => (value === '' ? undefined : value);

export const INVITATION_BATCH_LIMIT = 200;

export const invitationFilterSchema = z.object({
	q: text(100).optional().catch(undefined),
	sector: z.preprocess(emptyToUndefined, z.enum(organisationSectors).optional()).catch(undefined),
	district: z.preprocess(emptyToUndefined, z.uuid().optional()).catch(undefined),
	page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1)
});
export type InvitationFilter = z.output<typeof invitationFilterSchema>;

export const inviteSchema = z.object({ organisationIds: ids(INVITATION_BATCH_LIMIT) });

export const resendInvitationSchema = z.object({ invitationId: z.uuid({ message: 'validation_invalid' }) });

export const invitationAnswerSchema = z.object({
	answer: z.enum(['accepted', 'declined'], { message: 'validation_invitations_answer' }),
	message: text(2000).default('')
});
export type InvitationAnswer = z.output<typeof invitationAnswerSchema>;
