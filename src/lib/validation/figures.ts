import { z } from 'zod';

export const OFFLINE_LABEL_MAX = 200;
export const OFFLINE_NOTE_MAX = 1000;
export const OFFLINE_PEOPLE_MAX = 1_000_000;

function isCalendarDate(value: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
	const date = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** A number of people counted outside the system, with where it comes from; staff enter it by hand. */
export const offlineCountSchema = z.object({
	label: z
		.string({ message: 'validation_required' })
		.trim()
		.min(1, { message: 'validation_required' })
		.max(OFFLINE_LABEL_MAX, { message: 'validation_too_long' }),
	people: z
		.string({ message: 'validation_required' })
		.trim()
		.min(1, { message: 'validation_required' })
		.regex(/^\d+$/, { message: 'validation_number' })
		.transform(Number)
		.refine((value) => value >= 1 && value <= OFFLINE_PEOPLE_MAX, { message: 'validation_number' }),
	note: z.string().trim().max(OFFLINE_NOTE_MAX, { message: 'validation_too_long' }).default(''),
	countedOn: z.string({ message: 'validation_date' }).trim().refine(isCalendarDate, { message: 'validation_date' })
});
export type OfflineCountInput = z.output<typeof offlineCountSchema>;

export const offlineCountIdSchema = z.object({ offlineCountId: z.uuid({ message: 'validation_invalid' }) });
