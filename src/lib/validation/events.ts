import { z } from 'zod';
import { eventTypes } from '$lib/server/participation/event.schema';
import { isWallClockTime } from '$lib/server/participation/event.time';
import { bothOrNeither, coordinatesShape } from './consent';

const text = (max: number) => z.string().trim().max(max, { message: 'validation_too_long' });
const required = (max: number) => text(max).min(1, { message: 'validation_required' });
const wallClock = z.string().refine(isWallClockTime, { message: 'validation_date_time' });
const optionalWallClock = z.union([z.literal(''), wallClock]).default('');
// A checkbox group arrives as nothing, one value or several.
const ids = (max: number) =>
	z.preprocess((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]), z.array(z.uuid({ message: 'validation_invalid' })).max(max, { message: 'validation_invalid' }));

export const guestRegistrationSchema = z.object({
	name: required(120),
	email: z.email({ message: 'validation_email' }).max(254, { message: 'validation_too_long' })
});
export type GuestRegistrationInput = z.infer<typeof guestRegistrationSchema>;

/** Times arrive as the municipality's wall clock; the service turns them into instants. */
export const eventSchema = z
	.object({
		type: z.enum(eventTypes, { message: 'validation_invalid' }),
		title: required(200),
		description: text(20_000).default(''),
		startsAt: wallClock,
		endsAt: wallClock,
		place: text(200).default(''),
		address: text(300).default(''),
		...coordinatesShape,
		onlineUrl: z.union([z.literal(''), z.url({ protocol: /^https?$/, message: 'validation_url' }).max(500, { message: 'validation_too_long' })]).default(''),
		capacity: z.union([z.literal('').transform(() => null), z.coerce.number({ message: 'validation_number' }).int({ message: 'validation_number' }).min(1, { message: 'validation_number' }).max(100_000, { message: 'validation_number' })]).default(null),
		registrationDeadline: optionalWallClock,
		editionId: z.union([z.literal('').transform(() => null), z.uuid({ message: 'validation_invalid' })]).default(null),
		workingGroupId: z.union([z.literal('').transform(() => null), z.uuid({ message: 'validation_invalid' })]).default(null),
		districtId: z.union([z.literal('').transform(() => null), z.uuid({ message: 'validation_invalid' })]).default(null),
		fieldIds: ids(20),
		status: z.enum(['planned', 'cancelled'], { message: 'validation_invalid' }).default('planned')
	})
	.refine((input) => input.endsAt >= input.startsAt, { path: ['endsAt'], message: 'validation_end_before_start' })
	.refine(bothOrNeither, { path: ['longitude'], message: 'validation_consent_coordinates_both' })
	.refine((input) => !input.registrationDeadline || input.registrationDeadline <= input.startsAt, {
		path: ['registrationDeadline'],
		message: 'validation_deadline_after_start'
	});
export type EventInput = z.infer<typeof eventSchema>;

export const minutesSchema = z.object({ minutes: text(50_000).default('') });

export const walkInSchema = z.object({ name: required(120) });

export const workingGroupSchema = z.object({
	name: required(200),
	description: text(5000).default(''),
	editionId: z.uuid({ message: 'validation_invalid' }),
	fieldId: z.union([z.literal('').transform(() => null), z.uuid({ message: 'validation_invalid' })]).default(null)
});
export type WorkingGroupInput = z.infer<typeof workingGroupSchema>;

export const workingGroupMemberSchema = z.object({
	name: required(120),
	email: z.union([z.literal(''), z.email({ message: 'validation_email' }).max(254, { message: 'validation_too_long' })]).default(''),
	role: text(80).default('')
});

export const attendanceSchema = z.object({ present: ids(2000) });
