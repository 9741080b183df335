import { z } from 'zod';

const uuidPattern = /^[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}$/;

// The outline's choices carry their kind in the value ("goal:<id>", "measure:<id>"), so one select offers both.
export const traceTargetSchema = z
	.string({ message: 'validation_choose' })
	.transform((value, context) => {
		const [kind, id] = value.split(':');
		if ((kind !== 'goal' && kind !== 'measure') || !id || !uuidPattern.test(id)) {
			context.addIssue({ code: 'custom', message: 'validation_choose' });
			return z.NEVER;
		}
		return { kind, id } as { kind: 'goal' | 'measure'; id: string };
	});
export type TraceTarget = z.output<typeof traceTargetSchema>;

export const TRACE_NOTE_MAX = 500;

// A checkbox sends its value only when ticked.
const checkbox = z
	.union([z.literal('on'), z.literal('true'), z.literal('')])
	.optional()
	.transform((value) => value === 'on' || value === 'true');

export const traceLinkSchema = z.object({
	target: traceTargetSchema,
	note: z.string().trim().max(TRACE_NOTE_MAX, { message: 'validation_too_long' }).default(''),
	adopt: checkbox
});
export type TraceLinkInput = z.output<typeof traceLinkSchema>;

/** Linking from a goal or measure of the document page: the idea is the choice. */
export const traceIdeaLinkSchema = z.object({
	target: traceTargetSchema,
	ideaId: z.string({ message: 'validation_choose' }).uuid({ message: 'validation_choose' }),
	note: z.string().trim().max(TRACE_NOTE_MAX, { message: 'validation_too_long' }).default('')
});

export const traceRemoveSchema = z.object({ traceId: z.string({ message: 'validation_choose' }).uuid({ message: 'validation_choose' }) });

export const traceSearchSchema = z.object({
	q: z.string().trim().max(100).catch(''),
	page: z.coerce.number().int().min(1).max(1000).catch(1)
});

export const editionCompareSchema = z.object({
	from: z.coerce.number().int().min(1).max(1000),
	to: z.coerce.number().int().min(1).max(1000)
});

/** Sent beside the edition form: the earlier edition whose structure the new one starts from, or none. */
export const carryOverSchema = z.object({
	carryOverFrom: z
		.union([z.literal(''), z.string().uuid({ message: 'validation_choose' })])
		.default('')
		.transform((value) => value || null)
});
