import { z } from 'zod';
import {
	indicatorDirections,
	indicatorFrequencies,
	measureStatuses,
	statusesNeedingReason
} from '$lib/monitoring-values';

const text = (max: number) => z.string().trim().max(max, { message: 'validation_too_long' });
const required = (max: number) => text(max).min(1, { message: 'validation_required' });

function isCalendarDate(value: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
	const date = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}
const calendarDate = z.string().trim().refine(isCalendarDate, { message: 'validation_date' });
const optionalDate = z
	.union([z.literal('').transform(() => null), calendarDate])
	.default(null);

/** German spreadsheets and keyboards write a decimal comma; both "12,5" and "12.5" are read as 12.5. */
const decimal = z
	.string({ message: 'validation_decimal' })
	.trim()
	.regex(/^-?\d{1,12}([.,]\d{1,6})?$/, { message: 'validation_decimal' })
	.transform((value) => Number(value.replace(',', '.')));
const optionalDecimal = z.union([z.literal('').transform(() => null), decimal]).default(null);
const wholeNumber = (min: number, max: number, message: string) =>
	z
		.string({ message })
		.trim()
		.regex(/^\d{1,3}$/, { message })
		.transform(Number)
		.refine((value) => value >= min && value <= max, { message });
const ids = (max: number) =>
	z.preprocess(
		(value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
		z.array(z.uuid({ message: 'validation_invalid' })).max(max, { message: 'validation_invalid' })
	);

/** Status and progress: what owners of a measure may change themselves. */
const statusFields = {
	status: z.enum(measureStatuses, { message: 'validation_choose' }),
	statusReason: text(2000).default(''),
	progress: wholeNumber(0, 100, 'validation_percent')
};

function reasonGiven(input: { status: string; statusReason: string }) {
	return !(statusesNeedingReason as readonly string[]).includes(input.status) || input.statusReason.length > 0;
}
const reasonIssue = { path: ['statusReason'], message: 'validation_monitoring_reason_required' };

export const measureStatusSchema = z.object(statusFields).refine(reasonGiven, reasonIssue);
export type MeasureStatusInput = z.infer<typeof measureStatusSchema>;

/** Everything facilitators keep about a measure's implementation. */
export const measureTrackingSchema = z
	.object({
		...statusFields,
		plannedStart: optionalDate,
		plannedEnd: optionalDate,
		actualStart: optionalDate,
		actualEnd: optionalDate,
		responsibleOffice: text(300).default(''),
		organisationIds: ids(50),
		cityWide: z.preprocess((value) => value === 'on' || value === 'true', z.boolean()),
		districtIds: ids(100),
		budgetEuros: optionalDecimal.refine((value) => value === null || value >= 0, { message: 'validation_decimal' }),
		weight: wholeNumber(0, 100, 'validation_monitoring_weight')
	})
	.refine(reasonGiven, reasonIssue)
	.refine((input) => !input.plannedStart || !input.plannedEnd || input.plannedEnd >= input.plannedStart, {
		path: ['plannedEnd'],
		message: 'validation_end_before_start'
	})
	.refine((input) => !input.actualStart || !input.actualEnd || input.actualEnd >= input.actualStart, {
		path: ['actualEnd'],
		message: 'validation_end_before_start'
	});
export type MeasureTrackingInput = z.infer<typeof measureTrackingSchema>;

export const progressUpdateSchema = z.object({
	writtenOn: calendarDate,
	body: required(5000)
});
export type ProgressUpdateInput = z.infer<typeof progressUpdateSchema>;

/** The subject arrives as "goal:<id>" or "measure:<id>" from one select. */
export const indicatorSchema = z
	.object({
		subject: z
			.string({ message: 'validation_choose' })
			.regex(/^(goal|measure):[0-9a-f-]{36}$/, { message: 'validation_choose' })
			.transform((value) => {
				const [kind, id] = value.split(':') as ['goal' | 'measure', string];
				return { kind, id };
			}),
		name: required(200),
		definition: text(3000).default(''),
		unit: text(40).default(''),
		source: text(300).default(''),
		direction: z.enum(indicatorDirections, { message: 'validation_choose' }),
		baselineValue: decimal,
		baselineDate: calendarDate,
		targetValue: decimal,
		targetDate: calendarDate,
		frequency: z.enum(indicatorFrequencies, { message: 'validation_choose' })
	})
	.refine((input) => input.targetDate > input.baselineDate, {
		path: ['targetDate'],
		message: 'validation_monitoring_target_after_baseline'
	});
export type IndicatorInput = z.infer<typeof indicatorSchema>;

export const measurementSchema = z.object({
	measuredOn: calendarDate,
	value: decimal,
	districtId: z.union([z.literal('').transform(() => null), z.uuid({ message: 'validation_choose' })]).default(null),
	sourceNote: text(300).default('')
});
export type MeasurementInput = z.infer<typeof measurementSchema>;

/** The public monitor's filters; anything unknown is ignored rather than refused. */
export const monitorFilterSchema = z.object({
	field: z.uuid().optional().catch(undefined),
	status: z.enum(measureStatuses).optional().catch(undefined),
	district: z.string().regex(/^[a-z0-9-]{1,80}$/).optional().catch(undefined),
	goal: z.uuid().optional().catch(undefined),
	// "office:<name>" for a responsible office, "organisation:<id>" for a partner organisation.
	owner: z
		.string()
		.max(300)
		.regex(/^(office:.+|organisation:[0-9a-f-]{36})$/s)
		.optional()
		.catch(undefined)
});
export type MonitorFilter = z.infer<typeof monitorFilterSchema>;
