import { z } from 'zod';

// The same list as the idea_status enum; kept here so forms do not import database code.
export const ideaStatuses = ['new', 'considered', 'adopted', 'merged', 'not_pursued'] as const;

const text = (max: number) =>
	z
		.string({ message: 'validation_required' })
		.trim()
		.min(1, { message: 'validation_required' })
		.max(max, { message: 'validation_too_long' });
const optionalText = (max: number) => z.string().trim().max(max, { message: 'validation_too_long' }).default('');
const uuid = z.string().uuid({ message: 'validation_choose' });
// An empty <select> option means "none".
const optionalUuid = z
	.union([z.literal(''), uuid])
	.optional()
	.transform((value) => value || null);

export const IDEA_TITLE_MAX = 200;
export const IDEA_BODY_MAX = 5000;
export const COMMENT_MAX = 2000;

export const ideaSchema = z.object({
	title: text(IDEA_TITLE_MAX),
	body: text(IDEA_BODY_MAX),
	fieldId: z.string({ message: 'validation_choose' }).uuid({ message: 'validation_choose' }),
	districtId: optionalUuid,
	organisationId: optionalUuid
});

export const transcribedIdeaSchema = ideaSchema.omit({ organisationId: true }).extend({
	sourceLabel: text(200),
	eventId: optionalUuid,
	workingGroupId: optionalUuid
});

export const commentSchema = z.object({ body: text(COMMENT_MAX), parentId: optionalUuid });

export const reportSchema = z.object({ reason: text(1000), commentId: optionalUuid });

export const hideSchema = z.object({ ideaId: uuid, commentId: optionalUuid, reason: text(500) });
export const unhideSchema = z.object({ ideaId: uuid, commentId: optionalUuid });

export const ideaStatusSchema = z.object({
	status: z.enum(ideaStatuses, { message: 'validation_choose' }),
	explanation: optionalText(2000),
	// Facilitators may paste the other idea's address; its identifier is the last part.
	mergedIntoId: z.preprocess((value) => (typeof value === 'string' ? (value.match(/[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}/)?.[0] ?? value.trim()) : value), optionalUuid)
});

export const ideaFilterSchema = z.object({
	q: z.string().trim().max(100).catch(''),
	field: z.string().uuid().optional().catch(undefined),
	district: z.string().uuid().optional().catch(undefined),
	status: z.enum(ideaStatuses).optional().catch(undefined),
	source: z.enum(['online', 'transcribed']).optional().catch(undefined),
	event: z.string().uuid().optional().catch(undefined),
	page: z.coerce.number().int().min(1).max(1000).catch(1)
});
export type IdeaFilter = z.output<typeof ideaFilterSchema>;
