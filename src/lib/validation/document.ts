import { z } from 'zod';
import { editionStages } from '$lib/server/document/document.schema';

const text = (max: number) => z.string().trim().max(max, { message: 'validation_too_long' });
const required = (max: number) => text(max).min(1, { message: 'validation_required' });
const id = z.uuid({ message: 'validation_invalid' });

export const strategySlugSchema = z
	.string()
	.trim()
	.min(2, { message: 'validation_slug' })
	.max(80, { message: 'validation_too_long' })
	.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'validation_slug' });

/** What stays editable on a strategy: the slug is fixed once public addresses use it. */
export const strategySchema = z.object({
	title: required(200),
	summary: text(4000).default('')
});

export const newStrategySchema = strategySchema.extend({ slug: strategySlugSchema });

export type StrategyInput = z.output<typeof strategySchema>;
export type NewStrategyInput = z.output<typeof newStrategySchema>;

const year = z
	.string()
	.trim()
	.min(1, { message: 'validation_required' })
	.regex(/^(19|20|21)[0-9]{2}$/, { message: 'validation_year' })
	.transform(Number);

// The same limits as the [number=integer] route matcher, so every edition stays addressable.
const editionNumber = z
	.string()
	.trim()
	.min(1, { message: 'validation_required' })
	.regex(/^[1-9][0-9]{0,5}$/, { message: 'validation_edition_number' })
	.transform(Number);

const isoDate = z
	.string()
	.trim()
	.refine((value) => value === '' || isCalendarDate(value), { message: 'validation_date' })
	.transform((value) => (value === '' ? null : value));

function isCalendarDate(value: string): boolean {
	if (!/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(value)) return false;
	const date = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

const stageDateSchema = z.object({ startsOn: isoDate.default(''), endsOn: isoDate.default('') });

const stageDatesSchema = z
	.object(Object.fromEntries(editionStages.map((stage) => [stage, stageDateSchema.default({ startsOn: '', endsOn: '' })])))
	.default({})
	.superRefine((stages, context) => {
		for (const stage of editionStages) {
			const dates = stages[stage] as z.output<typeof stageDateSchema> | undefined;
			if (!dates) continue;
			// The timeline places a stage by its start; an end alone could not be shown.
			if (dates.endsOn && !dates.startsOn) {
				context.addIssue({ code: 'custom', path: [stage, 'startsOn'], message: 'validation_stage_start_required' });
			}
			if (dates.startsOn && dates.endsOn && dates.endsOn < dates.startsOn) {
				context.addIssue({ code: 'custom', path: [stage, 'endsOn'], message: 'validation_end_before_start' });
			}
		}
	});

export const editionSchema = z
	.object({
		number: editionNumber,
		periodStart: year,
		periodEnd: year,
		stage: z.enum(editionStages, { message: 'validation_choose' }),
		summary: text(4000).default(''),
		contactPointId: z
			.union([z.literal(''), id])
			.default('')
			.transform((value) => (value === '' ? null : value)),
		stages: stageDatesSchema
	})
	.superRefine((edition, context) => {
		if (edition.periodEnd < edition.periodStart) {
			context.addIssue({ code: 'custom', path: ['periodEnd'], message: 'validation_period_end_before_start' });
		}
	});

export type EditionInput = z.output<typeof editionSchema>;
export type StageDateInput = { stage: (typeof editionStages)[number]; startsOn: string; endsOn: string | null };

/** The stage dates an admin filled in, in the order of the stages; stages left empty are dropped. */
export function stageDatesOf(input: EditionInput): StageDateInput[] {
	const result: StageDateInput[] = [];
	for (const stage of editionStages) {
		const dates = input.stages[stage] as z.output<typeof stageDateSchema> | undefined;
		if (dates?.startsOn) result.push({ stage, startsOn: dates.startsOn, endsOn: dates.endsOn });
	}
	return result;
}

// A checkbox sends its value only when ticked.
const checkbox = z
	.union([z.literal('on'), z.literal('')])
	.optional()
	.transform((value) => value === 'on');

export const outlineItemSchema = z.object({
	title: required(300),
	description: text(4000).default('')
});
export const fieldSchema = outlineItemSchema.extend({ isFocus: checkbox });

export type OutlineItemInput = z.output<typeof outlineItemSchema>;
export type FieldInput = z.output<typeof fieldSchema>;

export const moveSchema = z.object({ direction: z.enum(['up', 'down'], { message: 'validation_invalid' }) });
export type MoveDirection = z.output<typeof moveSchema>['direction'];

export const fieldIdSchema = z.object({ fieldId: id });
export const goalIdSchema = z.object({ goalId: id });
export const measureIdSchema = z.object({ measureId: id });
